/**
 * The service worker's promises, on copies of the test build: queries ignored, the offline page,
 * an update that waits for the reader and downloads only what changed, and, for an atlas too large
 * to precache whole, pages kept as read and topics kept on request.
 */
import { execFileSync } from 'node:child_process';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchChromium } from '../../scripts/dev/browser.ts';
import { generateServiceWorker } from '../../scripts/offline/generate.ts';
import { serve, type RunningServer } from '../../scripts/dev/serve.ts';
import { TEST_BASE } from '../build-site.ts';

let browser: Awaited<ReturnType<typeof launchChromium>>;
const folders: string[] = [];
const servers: RunningServer[] = [];

beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await Promise.all([browser?.close(), ...servers.map((server) => server.close())]);
  await Promise.all(folders.map((folder) => rm(folder, { recursive: true, force: true })));
});

/** A copy of the test build, served; `requested` lists the paths asked for since it was last emptied. */
async function servedCopy(): Promise<{ dir: string; url: string; requested: string[] }> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'atlas-offline-'));
  folders.push(dir);
  await cp(inject('siteDir'), dir, { recursive: true });
  const requested: string[] = [];
  const server = await serve({
    dir,
    base: TEST_BASE,
    onResponse: (request) => requested.push(new URL(request.url ?? '/', 'http://x').pathname),
  });
  servers.push(server);
  return { dir, url: server.url, requested };
}

/** Opens `url` and waits until the service worker controls the page. */
async function installed(context: BrowserContext, url: string): Promise<Page> {
  const page = await context.newPage();
  await page.goto(url);
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
    if (!navigator.serviceWorker.controller)
      await new Promise((resolve) =>
        navigator.serviceWorker.addEventListener('controllerchange', resolve, { once: true }),
      );
  });
  return page;
}

const heading = (page: Page) => page.locator('h1').innerText();
const OFFLINE_HEADING = 'You are offline, and this page is not saved yet';

describe('offline, whole atlas precached', () => {
  it('ignores queries, shows the offline page, and updates only on reload, downloading only what changed', async () => {
    const site = await servedCopy();
    const context = await browser.newContext();
    const page = await installed(context, site.url);

    await context.setOffline(true);
    expect(await page.evaluate(async () => (await fetch('pagefind/pagefind-entry.json?ts=1234')).status)).toBe(200);
    await page.goto(`${site.url}papers/neural-turing-machines?highlight=turing`);
    expect(await heading(page)).toBe('Neural Turing Machines');
    await page.goto(`${site.url}search/?q=turing&topic=neural-architectures`);
    expect(await heading(page)).toBe('Search');
    await page.goto(`${site.url}papers/no-such-paper`);
    expect(await heading(page)).toBe(OFFLINE_HEADING);
    await context.setOffline(false);

    // A new deploy that changed one page.
    const changed = 'papers/neural-turing-machines.html';
    const file = path.join(site.dir, changed);
    await writeFile(file, (await readFile(file, 'utf8')).replace('</body>', '<p data-new-build>new build</p></body>'));
    await generateServiceWorker(site.dir);
    site.requested.length = 0;
    await page.goto(`${site.url}papers/neural-turing-machines`);
    await page.evaluate(async () => {
      const registration = await navigator.serviceWorker.ready;
      await registration.update();
      const worker = registration.installing ?? registration.waiting;
      if (worker && worker.state !== 'installed')
        await new Promise((resolve) =>
          worker.addEventListener('statechange', () => worker.state === 'installed' && resolve(undefined)),
        );
    });
    expect(site.requested.filter((request) => !request.endsWith('/sw.js')).sort()).toEqual([`${TEST_BASE}${changed}`]);

    // The open page and the next one stay on the old build until the reader takes the new one.
    await page.reload();
    expect(await page.locator('[data-new-build]').count()).toBe(0);
    const banner = page.locator('[data-update-banner]');
    await banner.waitFor();
    await Promise.all([page.waitForEvent('load'), banner.locator('button').click()]);
    await page.locator('[data-new-build]').waitFor();
    await context.close();
  });
});

describe('offline, atlas too large to precache whole', () => {
  it('keeps the shell and the small search index, pages as read, and a topic when asked', async () => {
    const site = await servedCopy();
    // The topic page of a large atlas offers to keep the topic (src/pages/topics/[topic]/[...page].astro).
    const topic = path.join(site.dir, 'topics/spiking-neuromorphic/index.html');
    const offer =
      '<p><button class="button" type="button" data-keep-topic hidden>Make this topic available offline</button><span data-keep-topic-status aria-live="polite"></span></p>';
    await writeFile(topic, (await readFile(topic, 'utf8')).replace('</h1>', `</h1>${offer}`));
    execFileSync(
      process.execPath,
      [
        '--input-type=module',
        '-e',
        `import { generateServiceWorker } from './scripts/offline/generate.ts'; await generateServiceWorker(${JSON.stringify(site.dir)});`,
      ],
      {
        env: { ...process.env, OFFLINE_PRECACHE_LIMIT: '100' },
      },
    );

    const context = await browser.newContext();
    const page = await installed(context, site.url);
    // The shell's pages (home, search, topics, offline, 404), not the 457 papers'; the small index whole.
    const precached = await page.evaluate(async () =>
      (await Promise.all((await caches.keys()).map(async (name) => (await caches.open(name)).keys())))
        .flat()
        .map((request) => new URL(request.url).pathname),
    );
    expect(precached.filter((pathname) => pathname.includes('/papers/')).length).toBe(0);
    expect(precached.filter((pathname) => pathname.includes('/pagefind/fragment/')).length).toBe(462);
    await page.goto(`${site.url}papers/neural-turing-machines`);

    await page.goto(`${site.url}topics/spiking-neuromorphic/`);
    await page.locator('[data-keep-topic]').click();
    await page
      .locator('[data-keep-topic-status]', { hasText: '68 of 68 papers in this topic are available offline.' })
      .waitFor();

    await context.setOffline(true);
    await page.goto(`${site.url}papers/neural-turing-machines?highlight=turing`);
    expect(await heading(page)).toBe('Neural Turing Machines');
    const kept = await page.evaluate(async () =>
      (await (await caches.open('atlas-kept-pages')).keys()).map((request) => new URL(request.url).pathname),
    );
    await page.goto(new URL(kept[0]!, site.url).href);
    expect(await heading(page)).not.toBe(OFFLINE_HEADING);
    await page.goto(`${site.url}papers/a-chain-graph-interpretation-of-real-world-neural-networks`);
    expect(await heading(page)).toBe(OFFLINE_HEADING);
    await context.close();
  });
});

describe('offline, search index above the size bound', () => {
  it('leaves the index out of the first visit, keeps what searches use, and keeps it whole when asked', async () => {
    const site = await servedCopy();
    execFileSync(
      process.execPath,
      [
        '--input-type=module',
        '-e',
        `import { generateServiceWorker } from './scripts/offline/generate.ts'; await generateServiceWorker(${JSON.stringify(site.dir)});`,
      ],
      { env: { ...process.env, OFFLINE_PRECACHE_LIMIT: '100', OFFLINE_SEARCH_LIMIT: '0.5' } },
    );
    const offer = JSON.parse(await readFile(path.join(site.dir, 'pagefind-offline.json'), 'utf8'));
    expect(offer.precached).toBe(false);
    // index, filter and fragment files of the seeds' one index: 0.75 MB.
    expect(offer.files.length).toBeGreaterThan(462);

    const context = await browser.newContext();
    const page = await installed(context, site.url);
    const cachedSearchFiles = () =>
      page.evaluate(async () => {
        const urls = await Promise.all(
          (await caches.keys()).map(async (name) => (await (await caches.open(name)).keys()).map((r) => r.url)),
        );
        return urls.flat().filter((url) => /\/pagefind\/(index|filter|fragment)\//.test(url)).length;
      });
    expect(await cachedSearchFiles()).toBe(0);

    await page.goto(`${site.url}search/?q=turing`);
    await page.locator('[data-search-page] [data-search-status]', { hasText: /\d+ results?/ }).waitFor();
    const used = await cachedSearchFiles();
    expect(used).toBeGreaterThan(0);
    expect(used).toBeLessThan(offer.files.length);

    const button = page.locator('[data-offline-search] button');
    expect(await button.innerText()).toBe(`Make search available offline, ${Math.round(offer.bytes / 1e5) / 10} MB`);
    await button.click();
    await page.locator('[data-offline-search-status]', { hasText: 'Search works offline.' }).waitFor();
    expect(await button.isHidden()).toBe(true);

    await context.setOffline(true);
    await page.goto(`${site.url}search/?q=hopfield`);
    await page.locator('[data-search-page] [data-search-status]', { hasText: /\d+ results?/ }).waitFor();
    expect(await page.locator('[data-search-page] .search-results a').count()).toBeGreaterThan(0);
    await context.close();
  });
});
