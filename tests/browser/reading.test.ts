/** A reader clicks through the atlas under a base path, and every page passes axe in light and dark. */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from './harness.ts';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
let harness: Harness;
beforeAll(async () => {
  harness = await startHarness();
});
afterAll(async () => harness?.close());

const heading = (page: Page) => page.locator('h1').innerText();

describe('reading the atlas', () => {
  it('goes home → topic → paper → related paper → next paper', async () => {
    const page = await harness.browser.newPage();
    await page.goto(harness.url);
    expect(await heading(page)).toBe('Paper Atlas');
    expect(await page.locator('.stats li').allInnerTexts()).toEqual([
      '457\npapers',
      '5\ntopics',
      '100\npapers in several topics',
      expect.stringMatching(/^\d+\nwith code$/),
      '611\nlistings read',
    ]);
    expect(await page.locator('.cards h3').allInnerTexts()).toEqual([
      'Brain-inspired AI and AGI',
      'Neuro-symbolic and modular networks',
      'Neuroevolution and self-evolving AI',
      'Neural architectures and architecture search',
      'Spiking and neuromorphic computing',
    ]);

    await page.locator('.cards a', { hasText: 'Spiking and neuromorphic computing' }).click();
    expect(new URL(page.url()).pathname).toBe('/paper-atlas/topics/spiking-neuromorphic/');
    expect(await heading(page)).toBe('Spiking and neuromorphic computing');
    // A count does not wait: on a busy machine the list was still arriving (57 of 68).
    await page.waitForLoadState('domcontentloaded');
    expect(await page.locator('.paper-list > li').count()).toBe(68);
    expect(await page.locator('.overlaps li').first().innerText()).toMatch(/^\d+ papers also in /);

    await page.locator('.paper-list h3 a', { hasText: 'SpikeGPT' }).click();
    expect(new URL(page.url()).pathname).toBe(
      '/paper-atlas/papers/spikegpt-generative-pre-trained-language-model-with-spiking-neural-networks',
    );
    expect(await heading(page)).toBe('SpikeGPT: Generative Pre-trained Language Model with Spiking Neural Networks');
    expect(await page.locator('.prose').innerText()).toContain(
      'Spiking Neural Networks (SNNs) have emerged as an energy-efficient approach',
    );
    expect(await page.locator('.buttons a').first().getAttribute('href')).toBe('https://github.com/ridgerchu/SpikeGPT');
    expect(await page.locator('.breadcrumbs').innerText()).toMatch(/^Atlas\n?\/?\n?Brain-inspired AI and AGI/);
    const related = page.locator('.related h3 a');
    await page.waitForLoadState('domcontentloaded');
    expect(await related.count()).toBe(5);

    const relatedTitle = await related.first().innerText();
    await related.first().click();
    expect(await heading(page)).toBe(relatedTitle);

    const next = page.locator('.pager a[rel="next"]');
    const nextTitle = (await next.innerText()).split('\n').pop()!;
    await next.click();
    expect(await heading(page)).toBe(nextTitle);
    expect(new URL(page.url()).pathname.startsWith('/paper-atlas/papers/')).toBe(true);
    await page.close();
  });

  it('shows the curator’s notes and the source of a paper listed in five dumps', async () => {
    const page = await harness.browser.newPage();
    await page.goto(`${harness.url}papers/neurosymbolic-ai-why-what-and-how`);
    expect(await page.locator('.notes h2').innerText()).toBe('Curator’s notes');
    expect(await page.locator('.notes strong').innerText()).toBe('integration patterns');
    expect(await page.locator('.chips[aria-label="Topics"] a').count()).toBe(5);
    expect(await page.locator('details.source summary').innerText()).toBe(
      'Source: brain-inspired-ai.txt:11, neurosymbolic-and-modular.txt:29, neuroevolution.txt:203, neural-architectures.txt:21, spiking-neuromorphic.txt:79',
    );
    await page.close();
  });

  it('reads without JavaScript', async () => {
    const context = await harness.browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${harness.url}topics/neuroevolution/`);
    expect(await page.locator('.paper-list > li').count()).toBe(71);
    expect(await page.locator('[data-list-filters]').isVisible()).toBe(false);
    await page.locator('.paper-list h3 a').first().click();
    expect(await heading(page)).toBe(
      'Deep Neuroevolution: Genetic Algorithms Are a Competitive Alternative for Training Deep Neural Networks for Reinforcement Learning',
    );
    expect(await page.locator('.prose').innerText()).toContain(
      'we evolve the weights of a DNN with a simple, gradient-free, population-based genetic algorithm',
    );
    await context.close();
  });

  it('filters and sorts a topic list on the page', async () => {
    const page = await harness.browser.newPage();
    await page.goto(`${harness.url}topics/spiking-neuromorphic/`);
    await page.getByLabel('Filter papers').fill('spikformer');
    await expect.poll(() => page.locator('.paper-list > li:visible').count()).toBe(1);
    expect(await page.locator('[data-filter-count]').innerText()).toBe('1 of 68 papers');
    await page.getByLabel('Filter papers').fill('');
    await page.getByLabel('Sort papers').selectOption('title');
    const titles = await page.locator('.paper-list h3').allInnerTexts();
    expect(titles).toEqual(
      [...titles].sort((a, b) => a.localeCompare(b, 'en', { sensitivity: 'base', numeric: true })),
    );
    await page.close();
  });

  it('remembers a dark theme choice across pages', async () => {
    const context = await harness.browser.newContext({ colorScheme: 'light' });
    const page = await context.newPage();
    await page.goto(harness.url);
    expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('light');
    await page.locator('[data-theme-toggle]').click();
    await page.goto(`${harness.url}topics/`);
    expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
    await context.close();
  });

  it('answers an unknown address with the 404 page', async () => {
    const page = await harness.browser.newPage();
    const response = await page.goto(`${harness.url}papers/no-such-paper`);
    expect(response?.status()).toBe(404);
    expect(await heading(page)).toBe('This page is not in the atlas');
    await page.close();
  });

  it('takes a link to a paper as its address was, `papers/<slug>/`, on to the paper', async () => {
    const page = await harness.browser.newPage();
    await page.goto(`${harness.url}papers/neurosymbolic-ai-why-what-and-how/?highlight=symbolic`);
    await page.waitForURL('**/papers/neurosymbolic-ai-why-what-and-how?highlight=symbolic');
    expect(await heading(page)).toBe('Neurosymbolic AI -- Why, What, and How');
    await page.close();
  });
});

describe('accessibility', () => {
  const pages = {
    home: '',
    topic: 'topics/neural-architectures/',
    paper: 'papers/neurosymbolic-ai-why-what-and-how',
    search: 'search/?q=spiking',
  };
  // A phone's width shows another header (an icon for search, a Menu button) and moves the navigation.
  const widths = { desktop: { width: 1280, height: 720 }, phone: { width: 375, height: 740 } };
  const cases = Object.entries(widths).flatMap(([width, viewport]) =>
    (['light', 'dark'] as const).flatMap((scheme) =>
      Object.entries(pages).map(([name, path]) => ({ width, viewport, scheme, name, path })),
    ),
  );
  cases.push({ width: 'phone, menu open,', viewport: widths.phone, scheme: 'light', name: 'paper', path: pages.paper });
  for (const { width, viewport, scheme, name, path } of cases) {
    it(`${name} page has no axe violations at ${width} width in ${scheme}`, async () => {
      // axe is added as an inline script, which the page's Content-Security-Policy would refuse.
      const context = await harness.browser.newContext({ colorScheme: scheme, viewport, bypassCSP: true });
      const page = await context.newPage();
      await page.goto(`${harness.url}${path}`, { waitUntil: 'networkidle' });
      if (name === 'search') await page.locator('.search-results a').first().waitFor();
      if (width.includes('menu open')) await page.getByRole('button', { name: 'Menu' }).click();
      await page.addScriptTag({ content: axeSource });
      const violations = await page.evaluate(async () => {
        const axe = (
          window as unknown as {
            axe: { run: () => Promise<{ violations: { id: string; nodes: { target: string[] }[] }[] }> };
          }
        ).axe;
        const result = await axe.run();
        return result.violations.map(
          (violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`,
        );
      });
      expect(violations).toEqual([]);
      await context.close();
    });
  }
});
