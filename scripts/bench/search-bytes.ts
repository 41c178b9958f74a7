/**
 * Bytes a cold visitor fetches for a first query, counted at the server: Pagefind searches from
 * a Web Worker, whose requests page-level network events do not see.
 */
import type { Browser } from 'playwright-core';
import { serve } from '../dev/serve.ts';

export interface SearchBytes {
  /** Scripts the page loads, the search UI among them. */
  uiScripts: number;
  firstQuery: number;
  /** The first query's bytes by kind of file: Pagefind's script, worker, WebAssembly, metadata, word index… */
  firstQueryParts: Record<string, number>;
  secondQuery: number;
  secondsToResults: number;
}

/** What a file Pagefind fetches is, by its name. */
const KINDS: [kind: string, name: RegExp][] = [
  ['script', /\/pagefind\.js$/],
  ['worker', /\/pagefind-worker\.js$/],
  ['wasm', /\.pagefind$/],
  ['meta', /\.pf_meta$/],
  ['index', /\.pf_index$/],
  ['filter', /\.pf_filter$/],
  ['fragments', /\.pf_fragment$/],
];

function byKind(served: { url: string; bytes: number }[]): Record<string, number> {
  const parts: Record<string, number> = {};
  for (const { url, bytes } of served) {
    const kind = KINDS.find(([, name]) => name.test(url.split('?')[0]!))?.[0] ?? 'other';
    parts[kind] = (parts[kind] ?? 0) + bytes;
  }
  return parts;
}

export async function measureSearchBytes(
  browser: Browser,
  site: string,
  base: string,
  pagePath: string,
  queries: [string, string],
): Promise<SearchBytes> {
  const served: { url: string; bytes: number }[] = [];
  const server = await serve({
    dir: site,
    base,
    onResponse: (request, _status, bytes) => served.push({ url: request.url ?? '', bytes }),
  });
  const context = await browser.newContext({ serviceWorkers: 'block' });
  try {
    const page = await context.newPage();
    await page.goto(`${server.url}${pagePath}`, { waitUntil: 'networkidle' });
    const uiScripts = served.filter((entry) => /\.js$/.test(entry.url)).reduce((sum, entry) => sum + entry.bytes, 0);
    const total = () => served.splice(0).reduce((sum, entry) => sum + entry.bytes, 0);
    total();
    const started = performance.now();
    await page.keyboard.press('/');
    await page.keyboard.type(queries[0]);
    await page.locator('[data-search-dialog] .search-results a').first().waitFor();
    const secondsToResults = (performance.now() - started) / 1000;
    await page.waitForLoadState('networkidle');
    const firstQueryParts = byKind(served);
    const firstQuery = total();
    await page.locator('[data-search-dialog] input').fill(queries[1]);
    await page.locator('[data-search-dialog] [data-search-status]', { hasText: /\d+ results?/ }).waitFor();
    await page.waitForLoadState('networkidle');
    return { uiScripts, firstQuery, firstQueryParts, secondQuery: total(), secondsToResults };
  } finally {
    await context.close();
    await server.close();
  }
}
