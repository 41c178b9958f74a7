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
  secondQuery: number;
  secondsToResults: number;
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
    const firstQuery = total();
    await page.locator('[data-search-dialog] input').fill(queries[1]);
    await page.locator('[data-search-dialog] [data-search-status]', { hasText: /\d+ results?/ }).waitFor();
    await page.waitForLoadState('networkidle');
    return { uiScripts, firstQuery, secondQuery: total(), secondsToResults };
  } finally {
    await context.close();
    await server.close();
  }
}
