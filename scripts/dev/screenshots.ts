/**
 * `npm run screenshots`: serves the built site (OUT_DIR, default dist/) and photographs the main
 * pages at desktop and phone width, in light and dark, into screenshots/, and at phone width the
 * paper page with its menu open. For looking at the site the way a reader does.
 */
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { outDir } from '../../contract/build-env.ts';
import { launchChromium } from './browser.ts';
import { serve } from './serve.ts';
import { PROJECT_ROOT } from '../../lib/project-root.ts';

const out = path.join(PROJECT_ROOT, 'screenshots');
const pages = (
  process.argv[2] ??
  'home=,topic=topics/spiking-neuromorphic/,paper=papers/spikegpt-generative-pre-trained-language-model-with-spiking-neural-networks,notfound=no-such-page/'
)
  .split(',')
  .map((pair) => pair.split('=') as [string, string]);
const widths = [1280, 390];
const themes = ['light', 'dark'] as const;

await mkdir(out, { recursive: true });
const running = await serve({ dir: outDir(PROJECT_ROOT), base: '/' });
const browser = await launchChromium();
try {
  for (const theme of themes) {
    for (const width of widths) {
      const context = await browser.newContext({
        viewport: { width, height: 900 },
        colorScheme: theme,
        deviceScaleFactor: 1,
      });
      const page = await context.newPage();
      for (const [name, pagePath] of pages) {
        await page.goto(`${running.url}${pagePath}`, { waitUntil: 'networkidle' });
        const file = path.join(out, `${name}-${width}-${theme}.png`);
        await page.screenshot({ path: file, fullPage: process.env.FULL === '1' });
        console.log(file);
      }
      const paper = pages.find(([name]) => name === 'paper');
      const menu = page.getByRole('button', { name: 'Menu' });
      if (paper && (await menu.isVisible())) {
        await page.goto(`${running.url}${paper[1]}`, { waitUntil: 'networkidle' });
        await menu.click();
        const file = path.join(out, `menu-${width}-${theme}.png`);
        await page.screenshot({ path: file });
        console.log(file);
      }
      await context.close();
    }
  }
} finally {
  await browser.close();
  await running.close();
}
