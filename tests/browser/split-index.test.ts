/** A large atlas's search index in parts: the same answers as one index, merged in the browser. */
import { cp, mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchChromium } from '../../scripts/dev/browser.ts';
import { buildSearchIndex } from '../../scripts/search/build-index.ts';
import { generateServiceWorker } from '../../scripts/offline/generate.ts';
import { serve, type RunningServer } from '../../scripts/dev/serve.ts';
import { INDEX_LIST_PATH } from '../../contract/search-indexes.ts';
import { TEST_BASE } from '../build-site.ts';

let browser: Browser;
let whole: RunningServer;
let split: RunningServer;
let splitDir: string;

beforeAll(async () => {
  splitDir = await mkdtemp(path.join(os.tmpdir(), 'atlas-split-'));
  await cp(inject('siteDir'), splitDir, { recursive: true });
  const summary = await buildSearchIndex(splitDir, { limits: { splitFrom: 1, papersPerIndex: 200 } });
  expect(summary.indexes).toBe(4);
  await generateServiceWorker(splitDir);
  [whole, split, browser] = await Promise.all([
    serve({ dir: inject('siteDir'), base: TEST_BASE }),
    serve({ dir: splitDir, base: TEST_BASE }),
    launchChromium(),
  ]);
});
afterAll(async () => {
  await Promise.all([browser?.close(), whole?.close(), split?.close()]);
  await rm(splitDir, { recursive: true, force: true });
});

async function search(page: Page, url: string, query: string): Promise<{ total: number; paths: string[] }> {
  await page.goto(`${url}search/?q=${encodeURIComponent(query)}`);
  const status = page.locator('[data-search-page] [data-search-status]', { hasText: /\d+ results?|No papers/ });
  await status.waitFor();
  const total = Number(/(\d+) results?/.exec(await status.innerText())?.[1] ?? 0);
  const paths = await page
    .locator('[data-search-page] .search-results a')
    .evaluateAll((links) => links.map((link) => (link as HTMLAnchorElement).pathname));
  return { total, paths };
}

describe('search index in parts', () => {
  it('lists the parts to merge', async () => {
    expect(JSON.parse(await readFile(path.join(splitDir, INDEX_LIST_PATH), 'utf8'))).toMatchObject({
      merge: ['pagefind-2/', 'pagefind-3/', 'pagefind-4/'],
    });
  });

  // Papers from every part (slugs starting a, l, m, n, s), found as with one index.
  it.each([
    ['Kolmogorov-Arnold activation', 'activation-space-selectable-kolmogorov-arnold-networks'],
    [
      'interpretable libraries compressing code',
      'lilo-learning-interpretable-libraries-by-compressing-and-documenting-code',
    ],
    ['neural turing machines', 'neural-turing-machines'],
    ['selective state spaces', 'mamba-linear-time-sequence-modeling-with-selective-state-spaces'],
    ['SpikeGPT', 'spikegpt-generative-pre-trained-language-model-with-spiking-neural-networks'],
  ])('“%s” finds %s in the top 5, with at least as many results as one index', async (query, slug) => {
    const page = await browser.newPage();
    const fromWhole = await search(page, whole.url, query);
    const fromParts = await search(page, split.url, query);
    expect(fromWhole.paths.slice(0, 5)).toContain(`${TEST_BASE}papers/${slug}`);
    expect(fromParts.paths.slice(0, 5)).toContain(`${TEST_BASE}papers/${slug}`);
    // A word missing from one part is dropped there, so parts may add partial matches, never lose one.
    expect(fromParts.total).toBeGreaterThanOrEqual(fromWhole.total);
    await page.close();
  });
});
