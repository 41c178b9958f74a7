/**
 * How long the service worker takes from registration to activated on a first visit in Chromium,
 * and its size gzipped, for one or more built sites (served under BASE_PATH, default /paper-atlas/).
 * Sites are measured in turn, round after round, so a shared machine's noise falls on each alike.
 *
 *   node scripts/bench/sw-install.ts [--runs 5] <site> [<site>…]
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import { launchChromium } from '../dev/browser.ts';
import { serve } from '../dev/serve.ts';

const { values, positionals } = parseArgs({
  options: { runs: { type: 'string', default: '5' } },
  allowPositionals: true,
});
const base = process.env.BASE_PATH || '/paper-atlas/';
const browser = await launchChromium();
const times = new Map<string, number[]>(positionals.map((site) => [site, []]));

async function installMs(site: string): Promise<number> {
  const server = await serve({ dir: path.resolve(site), base });
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    // Time from the page's own register() call to the worker's `activated`, read inside the page.
    await page.addInitScript(() => {
      const register = navigator.serviceWorker.register.bind(navigator.serviceWorker);
      navigator.serviceWorker.register = (...args) => {
        (globalThis as { registeredAt?: number }).registeredAt = performance.now();
        return register(...args);
      };
    });
    await page.goto(server.url);
    return await page.evaluate(async () => {
      const registration = await navigator.serviceWorker.ready;
      const worker = registration.active!;
      if (worker.state !== 'activated')
        await new Promise((resolve) =>
          worker.addEventListener('statechange', () => worker.state === 'activated' && resolve(undefined)),
        );
      return performance.now() - (globalThis as { registeredAt?: number }).registeredAt!;
    });
  } finally {
    await context.close();
    await server.close();
  }
}

for (let run = 0; run < Number(values.runs); run++) {
  for (const site of positionals) times.get(site)!.push(await installMs(site));
}
await browser.close();
const median = (list: number[]) => [...list].sort((a, b) => a - b)[Math.floor(list.length / 2)]!;
for (const site of positionals) {
  const worker = await readFile(path.join(site, 'sw.js'));
  const list = times.get(site)!;
  console.log(
    `${site}: install ${median(list).toFixed(0)} ms median (${list.map((ms) => ms.toFixed(0)).join(', ')}); sw.js ${worker.length} B, ${gzipSync(worker, { level: 9 }).length} B gzipped`,
  );
}
