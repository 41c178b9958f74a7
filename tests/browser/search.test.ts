/** Search from the dialog and the search page, with facets, and offline after one visit. */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { measureSearchBytes } from '../../scripts/bench/search-bytes.ts';
import { TEST_BASE } from '../build-site.ts';
import { startHarness, type Harness } from './harness.ts';

let harness: Harness;
beforeAll(async () => {
  harness = await startHarness();
});
afterAll(async () => harness?.close());

async function searchPage(page: Page, query: string): Promise<string[]> {
  await page.goto(`${harness.url}search/?q=${encodeURIComponent(query)}`);
  await page.locator('[data-search-page] [data-search-status]', { hasText: /\d+ results?|No papers/ }).waitFor();
  return await page
    .locator('[data-search-page] .search-results a')
    .evaluateAll((links) => links.map((link) => (link as HTMLAnchorElement).pathname));
}

const paper = (slug: string) => `/paper-atlas/papers/${slug}`;

describe('search', () => {
  const expectations: [string, string][] = [
    ['SpikeGPT', 'spikegpt-generative-pre-trained-language-model-with-spiking-neural-networks'],
    [
      'genetic algorithms deep reinforcement learning',
      'deep-neuroevolution-genetic-algorithms-are-a-competitive-alternative-for',
    ],
    ['Kolmogorov-Arnold activation', 'activation-space-selectable-kolmogorov-arnold-networks'],
    ['liquid state machine astrocyte', 'increasing-liquid-state-machine-performance-with-edge-of-chaos-dynamics'],
    ['neural turing machines', 'neural-turing-machines'],
    ['sharpDARTS', 'sharpdarts-faster-and-more-accurate-differentiable-architecture-search'],
    ['selective state spaces', 'mamba-linear-time-sequence-modeling-with-selective-state-spaces'],
    ['EEG foundation model', 'neuro-gpt-towards-a-foundation-model-for-eeg'],
    [
      'hippocampus content-addressable memory',
      'bio-inspired-computational-memory-model-of-the-hippocampus-an-approach-to-a',
    ],
    [
      'interpretable libraries compressing code',
      'lilo-learning-interpretable-libraries-by-compressing-and-documenting-code',
    ],
    ['homeostatic concept shift', 'need-is-all-you-need-homeostatic-neural-networks-adapt-to-concept-shift'],
    [
      'event-based action recognition benchmark',
      'dailydvs-200-a-comprehensive-benchmark-dataset-for-event-based-action',
    ],
  ];

  it.each(expectations)('“%s” finds %s in the top 5', async (query, slug) => {
    const page = await harness.browser.newPage();
    const results = await searchPage(page, query);
    expect(results.slice(0, 5)).toContain(paper(slug));
    await page.close();
  });

  it('finds the longer forms of a word wherever the index keeps them', async () => {
    // Ten seed papers have "synthetic" and a word starting "data": data, datasets, database…; the
    // index splits those words across files (scripts/search/pagefind-output.ts, splitWordForms).
    const page = await harness.browser.newPage();
    await searchPage(page, 'synthetic data');
    expect(await page.locator('[data-search-page] [data-search-status]').innerText()).toMatch(/^10 results/);
    await page.close();
  });

  it('shows excerpts as the paper reads, highlights and spaces included', async () => {
    const page = await harness.browser.newPage();
    await searchPage(page, 'spiking memory');
    const first = page.locator('[data-search-page] .search-results a').first();
    expect(await first.locator('p mark').count()).toBeGreaterThan(0);
    const title = await first.locator('strong').innerText();
    // Pagefind's content is the title, a full stop, then the abstract; the excerpt may start inside the title.
    const titled = `${title}. `;
    let excerpt = (await first.locator('p').innerText()).replace(/\s+/g, ' ').trim();
    const inTitle = [...titled].findIndex((_, at) => excerpt.startsWith(titled.slice(at)));
    if (inTitle >= 0) excerpt = excerpt.slice(titled.length - inTitle);
    expect(excerpt.length).toBeGreaterThan(40);
    await first.click();
    const text = (await page.locator('[data-pagefind-body]').innerText()).replace(/\s+/g, ' ');
    expect(text).toContain(excerpt);
    await page.close();
  });

  it('ranks papers above topic pages and never returns navigation-only pages', async () => {
    const page = await harness.browser.newPage();
    const results = await searchPage(page, 'spiking');
    expect(results[0]).toMatch(/^\/paper-atlas\/papers\//);
    expect(results.every((path) => /^\/paper-atlas\/(papers\/[^/]+|topics\/[^/]+\/)$/.test(path))).toBe(true);
    await page.close();
  });

  it('narrows results with a topic facet and keeps the search in the address', async () => {
    const page = await harness.browser.newPage();
    await searchPage(page, 'memory');
    const status = page.locator('[data-search-page] [data-search-status]');
    const before = Number((await status.innerText()).match(/^(\d+)/)![1]);
    const facet = page.locator('[data-search-page] .search-facets button', {
      hasText: 'Spiking and neuromorphic computing',
    });
    const facetCount = Number((await facet.innerText()).match(/\((\d+)\)$/)![1]);
    expect(facetCount).toBeLessThan(before);
    await facet.click();
    await expect.poll(async () => Number((await status.innerText()).match(/^(\d+)/)?.[1])).toBe(facetCount);
    expect(await facet.getAttribute('aria-pressed')).toBe('true');
    for (const badges of await page.locator('[data-search-page] .search-results a .meta').allInnerTexts()) {
      expect(badges).toContain('Spiking and neuromorphic computing');
    }
    expect(new URL(page.url()).searchParams.getAll('topic')).toEqual(['Spiking and neuromorphic computing']);
    expect(new URL(page.url()).searchParams.get('q')).toBe('memory');
    await page.close();
  });

  it('runs the search for a key term within its topic when its chip on the topic page is clicked', async () => {
    const page = await harness.browser.newPage();
    await page.goto(`${harness.url}topics/spiking-neuromorphic/`);
    const chip = page.locator('ul[aria-label^="Terms of"] a').first();
    const term = await chip.evaluate((link) => link.firstChild!.textContent!);
    await chip.click();
    const status = page.locator('[data-search-page] [data-search-status]', { hasText: /\d+ results?/ });
    await status.waitFor();
    expect(await page.locator('[data-search-page] [data-search-input]').inputValue()).toBe(term);
    const facet = page.locator('[data-search-page] .search-facets button[aria-pressed="true"]');
    expect(await facet.innerText()).toMatch(/^Spiking and neuromorphic computing \(\d+\)$/);
    expect(Number((await status.innerText()).match(/^(\d+)/)![1])).toBe(
      Number((await facet.innerText()).match(/\((\d+)\)$/)![1]),
    );
    await page.close();
  });

  it('opens the dialog with / and Ctrl+K, and works from the keyboard', async () => {
    const page = await harness.browser.newPage();
    await page.goto(`${harness.url}topics/neuroevolution/`);
    await page.keyboard.press('/');
    const dialog = page.locator('[data-search-dialog]');
    await expect.poll(() => dialog.isVisible()).toBe(true);
    await page.keyboard.press('Escape');
    await expect.poll(() => dialog.isVisible()).toBe(false);
    await page.keyboard.press('Control+k');
    await expect.poll(() => dialog.isVisible()).toBe(true);
    const input = dialog.getByRole('combobox', { name: 'Search the atlas' });
    expect(await input.getAttribute('aria-expanded')).toBe('false');
    await page.keyboard.type('neural turing machines');
    await dialog.locator('.search-results a').first().waitFor();
    expect(await input.getAttribute('aria-expanded')).toBe('true');
    await page.keyboard.press('ArrowDown');
    expect(await dialog.locator('.search-results a[aria-selected="true"]').count()).toBe(1);
    const target = await dialog
      .locator('.search-results a[aria-selected="true"]')
      .evaluate((link) => (link as HTMLAnchorElement).pathname);
    await page.keyboard.press('Enter');
    await page.waitForURL((url) => url.pathname === target);
    expect(new URL(page.url()).searchParams.getAll('highlight')).toEqual(['neural', 'turing', 'machines']);
    expect(await page.locator('[data-pagefind-body] mark').count()).toBeGreaterThan(0);
    await page.close();
  });

  it('fetches at most 125 KB for a cold first query, search UI included', async () => {
    const bytes = await measureSearchBytes(
      harness.browser,
      inject('siteDir'),
      TEST_BASE,
      'papers/neural-turing-machines',
      ['spiking transformer', 'evolution strategies'],
    );
    const parts = Object.entries({ ui: bytes.uiScripts, ...bytes.firstQueryParts })
      .map(([kind, size]) => `${kind} ${(size / 1024).toFixed(1)}`)
      .join(', ');
    const said = `search bytes, KB: ${parts}; first query ${bytes.firstQuery}, second query ${bytes.secondQuery}`;
    console.log(said);
    expect(bytes.uiScripts + bytes.firstQuery, said).toBeLessThanOrEqual(125 * 1024);
    expect(bytes.secondQuery).toBeLessThan(bytes.firstQuery);
  });
});

describe('offline', () => {
  it('after one visit, opens papers never visited and searches with the network cut', async () => {
    const context = await harness.browser.newContext();
    const page = await context.newPage();
    await page.goto(harness.url);
    const started = Date.now();
    await page.evaluate(async () => {
      await navigator.serviceWorker.ready;
    });
    console.log(`service worker installed in ${Date.now() - started} ms`);
    const cached = await page.evaluate(async () => {
      const names = await caches.keys();
      let count = 0;
      for (const name of names) count += (await (await caches.open(name)).keys()).length;
      return count;
    });
    expect(cached).toBeGreaterThan(900);

    await context.setOffline(true);
    await page.goto(`${harness.url}papers/neural-turing-machines`);
    expect(await page.locator('h1').innerText()).toBe('Neural Turing Machines');
    // Chromium 150 keeps network emulation but reports navigator.onLine as true in a document
    // loaded after it was switched on; switching it again fires the `offline` event a real reader gets.
    await context.setOffline(false);
    await context.setOffline(true);
    await expect.poll(() => page.locator('[data-offline-badge]').isVisible()).toBe(true);
    await page.goto(`${harness.url}topics/neural-architectures/`);
    expect(await page.locator('.paper-list > li').count()).toBe(184);
    await page.goto(`${harness.url}search/?q=${encodeURIComponent('liquid state machine')}`);
    await page.locator('.search-results a').first().waitFor();
    expect(await page.locator('.search-results a strong').allInnerTexts()).toContain(
      'Increasing Liquid State Machine Performance with Edge-of-Chaos Dynamics Organized by Astrocyte-modulated Plasticity',
    );
    await page.goto(`${harness.url}papers/no-such-paper`);
    expect(await page.locator('h1').innerText()).toBe('You are offline, and this page is not saved yet');
    await context.close();
  });
});
