import { mkdtemp, mkdir, readdir, readFile, rm, stat, truncate, utimes, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { paperFile } from '../../contract/pages.ts';
import { INDEX_LIST_PATH } from '../../contract/search-indexes.ts';
import { buildSearchIndex, PAGEFIND_MEMORY, withinBudget } from './build-index.ts';
import { planIndexes } from './plan.ts';

describe('buildSearchIndex over the index of the last build', () => {
  let site: string;
  const fragments = (folder = 'pagefind') => readdir(path.join(site, folder, 'fragment'));
  const fragmentText = async (folder: string, name: string) =>
    JSON.parse(
      gunzipSync(await readFile(path.join(site, folder, 'fragment', name)))
        .subarray(12)
        .toString(),
    ) as { url: string; content: string };
  const fragmentUrls = async (folder = 'pagefind') =>
    (await Promise.all((await fragments(folder)).map(async (name) => (await fragmentText(folder, name)).url))).sort();
  const modified = async (file: string) => (await stat(path.join(site, file))).mtimeMs;

  async function page(file: string, text: string, ignored = ''): Promise<void> {
    await mkdir(path.dirname(path.join(site, file)), { recursive: true });
    await writeFile(
      path.join(site, file),
      `<html lang="en"><body><main data-pagefind-body><h1>${file}</h1><p>${text}</p></main>${ignored}</body></html>`,
    );
  }

  beforeEach(async () => {
    site = await mkdtemp(path.join(os.tmpdir(), 'atlas-search-'));
    await page(paperFile('alpha'), 'spiking networks on chips');
    await page(paperFile('beta'), 'symbolic reasoning with graphs');
    await page(paperFile('gamma'), 'memory in recurrent models');
  });
  afterEach(async () => {
    await rm(site, { recursive: true, force: true });
    await rm(`${site}-digests.json`, { force: true });
  });

  it('writes only what changed and removes what the new index no longer refers to', async () => {
    expect((await buildSearchIndex(site)).removed).toBe(0);
    const before = new Map(
      await Promise.all(
        (await fragments()).map(async (name) => [name, await modified(`pagefind/fragment/${name}`)] as const),
      ),
    );

    await page(paperFile('beta'), 'symbolic reasoning with trees');
    await rm(path.join(site, paperFile('gamma')));
    const summary = await buildSearchIndex(site);

    expect(summary.pages).toBe(2);
    expect(await fragmentUrls()).toEqual(['/papers/alpha.html', '/papers/beta.html']);
    const after = await fragments();
    // alpha's fragment is the same file, untouched; beta's and gamma's old ones are gone.
    const kept = after.filter((name) => before.has(name));
    expect(kept).toHaveLength(1);
    expect(await modified(`pagefind/fragment/${kept[0]!}`)).toBe(before.get(kept[0]!));
    expect(summary.removed).toBeGreaterThanOrEqual(2);
  });

  it('starts from an empty folder when the last run did not finish', async () => {
    await buildSearchIndex(site);
    // A run that stopped inside Pagefind: a file cut short under its final name, and no stamp.
    const [cut] = await fragments();
    await truncate(path.join(site, 'pagefind/fragment', cut!), 5);
    await rm(path.join(site, 'pagefind/atlas-part.json'));

    await buildSearchIndex(site);
    expect(await fragmentUrls()).toEqual(['/papers/alpha.html', '/papers/beta.html', '/papers/gamma.html']);
  });

  it.each([
    ['reading every page', false],
    ['reading only pages whose file changed', true],
  ])('indexes again only the parts whose pages changed, %s', async (_, cached) => {
    await page('topics/memory/index.html', 'papers on memory');
    await page(paperFile('delta'), 'graph neural networks');
    const limits = { splitFrom: 4, papersPerIndex: 10 };
    const options = cached ? { limits, digestCache: `${site}-digests.json` } : { limits };
    expect(await buildSearchIndex(site, options)).toMatchObject({ pages: 5, indexes: 3, reindexed: 3 });
    expect(await fragmentUrls('pagefind')).toEqual(['/topics/memory/']);
    expect(await fragmentUrls('pagefind-2')).toEqual(['/papers/alpha.html', '/papers/beta.html']);
    expect(await fragmentUrls('pagefind-3')).toEqual(['/papers/delta.html', '/papers/gamma.html']);
    expect(JSON.parse(await readFile(path.join(site, INDEX_LIST_PATH), 'utf8'))).toMatchObject({
      merge: ['pagefind-2/', 'pagefind-3/'],
    });
    const untouched = await Promise.all(
      ['pagefind', 'pagefind-3'].map((folder) => modified(`${folder}/atlas-part.json`)),
    );

    await page(paperFile('beta'), 'symbolic reasoning with trees');
    expect(await buildSearchIndex(site, options)).toMatchObject({ indexes: 3, reindexed: 1 });
    const [beta] = await Promise.all(
      (await fragments('pagefind-2')).map((name) => fragmentText('pagefind-2', name)),
    ).then((all) => all.filter((fragment) => fragment.url === '/papers/beta.html'));
    expect(beta!.content).toContain('symbolic reasoning with trees');
    expect(
      await Promise.all(['pagefind', 'pagefind-3'].map((folder) => modified(`${folder}/atlas-part.json`))),
    ).toEqual(untouched);

    expect(await buildSearchIndex(site, options)).toMatchObject({ reindexed: 0 });
    // What Pagefind skips entirely, such as a paper's related list, is no reason to index again.
    await page(
      paperFile('gamma'),
      'memory in recurrent models',
      '<section data-pagefind-ignore="all"><h2>Related</h2><a href="/papers/delta/">delta</a></section>',
    );
    expect(await buildSearchIndex(site, options)).toMatchObject({ reindexed: 0 });
  });

  it('takes a page whose size and time are as last seen for unchanged, as make would', async () => {
    const options = { digestCache: `${site}-digests.json` };
    const file = path.join(site, paperFile('alpha'));
    const time = new Date('2026-11-01T12:00:00Z');
    await utimes(file, time, time);
    await buildSearchIndex(site, options);
    // Same length, other words, and the old time put back: only reading the page would tell.
    await page(paperFile('alpha'), 'spiking networks on chipz');
    await utimes(file, time, time);
    expect(await buildSearchIndex(site, options)).toMatchObject({ reindexed: 0 });
    expect(await buildSearchIndex(site)).toMatchObject({ reindexed: 1 });
  });
});

/** The items running as each one starts under `withinBudget`, that one among them. */
async function runningAtEachStart<Item>(
  items: Item[],
  weight: (item: Item) => number,
  limits: { atOnce: number; budget: number },
): Promise<Item[][]> {
  const running = new Set<Item>();
  const together: Item[][] = [];
  await withinBudget(items, weight, limits, async (item) => {
    running.add(item);
    together.push([...running]);
    await new Promise((resolve) => setTimeout(resolve, 20));
    running.delete(item);
  });
  return together;
}

describe('withinBudget', () => {
  it('runs up to two parts at once while their memory fits, and a part over the budget alone', async () => {
    const parts = [
      { name: 'topics', pages: 100 },
      { name: 'a–m', pages: 5_000 },
      { name: 'n–z', pages: 5_000 },
      { name: 'huge', pages: 25_000 },
    ];
    const together = await runningAtEachStart(parts, (part) => part.pages * 130_000, { atOnce: 2, budget: 1.4e9 });
    expect(together.map((group) => group.map((part) => part.name).sort())).toEqual([
      ['topics'],
      ['a–m', 'topics'],
      ['a–m', 'n–z'],
      ['huge'],
    ]);
  });

  it('indexes a 100,000-paper atlas in eight runs of about 12,500 papers, two at a time', async () => {
    const letters = 'abcdefghijklmnopqrstuvwxyz';
    const slugs = Array.from(
      { length: 100_000 },
      (_, index) => `${letters[(index * 7) % 26]}${letters[(index * 11) % 26]}-paper-${index}`,
    );
    const parts = planIndexes({
      files: ['index.html', ...slugs.map(paperFile)],
      topLevel: [{ name: 'index.html', folder: false }],
    });
    // Runs come out even within half a group of slug prefixes.
    expect(parts.slice(1).map((part) => Math.abs(part.files.length - 12_500) < 500)).toEqual(Array(8).fill(true));
    const { bytesPerPage, ...concurrency } = PAGEFIND_MEMORY;
    const together = await runningAtEachStart(parts, (part) => part.files.length * bytesPerPage, {
      ...concurrency,
      atOnce: 2,
    });
    expect(together.filter((group) => group.length === 2).length).toBeGreaterThanOrEqual(7);
  });
});
