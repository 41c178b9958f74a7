import { mkdtemp, mkdir, readdir, readFile, rm, stat, truncate, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { INDEX_LIST_PATH } from '../src/lib/search-indexes.ts';
import { buildSearchIndex, planIndexes } from './search-index.ts';

const paper = (slug: string) => `papers/${slug}/index.html`;
const shared = ['404.html', 'index.html', 'papers/index.html', 'papers/page-2/index.html', 'topics/a/index.html', 'topics/index.html'];
const topLevel = [
  { name: '404.html', folder: false },
  { name: 'index.html', folder: false },
  { name: 'papers', folder: true },
  { name: 'topics', folder: true },
];

describe('planIndexes', () => {
  it('keeps a small atlas in one index', () => {
    const files = [...shared, paper('alpha'), paper('beta')];
    expect(planIndexes({ files, topLevel }, 100)).toEqual([{ glob: '**/*.html', pages: 8 }]);
  });

  it('groups papers by the first letter of their slug, the shared pages in the first part', () => {
    const slugs = ['alpha-1', 'alpha-2', 'beta-1', 'beta-2', 'beta-3', 'gamma-1', 'gamma-2', 'zeta-1'];
    const parts = planIndexes({ files: [...shared, ...slugs.map(paper)], topLevel }, 7);
    expect(parts).toEqual([
      { glob: '{404.html,index.html,topics/**/*.html,papers/index.html,papers/a*/index.html}', pages: 8 },
      { glob: '{papers/b*/index.html,papers/g*/index.html,papers/z*/index.html}', pages: 6 },
    ]);
  });

  it('splits a letter by longer prefixes when it alone holds more papers than an index', () => {
    const slugs = ['ab', 'ab-1', 'ab-2', 'ac-1', 'ac-2', 'b-1'];
    const parts = planIndexes({ files: [...shared, ...slugs.map(paper)], topLevel }, 2);
    // `ab` alone is a group, so `ab-*` does not match it twice.
    expect(parts.map((part) => part.glob)).toEqual([
      '{404.html,index.html,topics/**/*.html,papers/index.html,papers/ab/index.html}',
      '{papers/ab-*/index.html}',
      '{papers/ac*/index.html}',
      '{papers/b*/index.html}',
    ]);
    expect(parts.reduce((sum, part) => sum + part.pages, 0)).toBe(shared.length + slugs.length);
  });
});

describe('buildSearchIndex over the index of the last build', () => {
  let site: string;
  const fragments = () => readdir(path.join(site, 'pagefind/fragment'));
  const fragmentUrls = async () =>
    (await Promise.all((await fragments()).map(async (name) => JSON.parse(gunzipSync(await readFile(path.join(site, 'pagefind/fragment', name))).subarray(12).toString()).url as string))).sort();

  async function page(slug: string, text: string): Promise<void> {
    await mkdir(path.join(site, 'papers', slug), { recursive: true });
    await writeFile(path.join(site, 'papers', slug, 'index.html'), `<html lang="en"><body><main data-pagefind-body><h1>${slug}</h1><p>${text}</p></main></body></html>`);
  }

  beforeEach(async () => {
    site = await mkdtemp(path.join(os.tmpdir(), 'atlas-search-'));
    await page('alpha', 'spiking networks on chips');
    await page('beta', 'symbolic reasoning with graphs');
    await page('gamma', 'memory in recurrent models');
  });
  afterEach(async () => {
    await rm(site, { recursive: true, force: true });
  });

  it('writes only what changed and removes what the new index no longer refers to', async () => {
    expect((await buildSearchIndex(site)).removed).toBe(0);
    const before = new Map(await Promise.all((await fragments()).map(async (name) => [name, (await stat(path.join(site, 'pagefind/fragment', name))).mtimeMs] as const)));

    await page('beta', 'symbolic reasoning with trees');
    await rm(path.join(site, 'papers/gamma'), { recursive: true });
    const summary = await buildSearchIndex(site);

    expect(summary.pages).toBe(2);
    expect(await fragmentUrls()).toEqual(['/papers/alpha/', '/papers/beta/']);
    const after = await fragments();
    // alpha's fragment is the same file, untouched; beta's and gamma's old ones are gone.
    const kept = after.filter((name) => before.has(name));
    expect(kept).toHaveLength(1);
    expect((await stat(path.join(site, 'pagefind/fragment', kept[0]!))).mtimeMs).toBe(before.get(kept[0]!));
    expect(summary.removed).toBeGreaterThanOrEqual(2);
  });

  it('starts from empty folders when the last run did not finish', async () => {
    await buildSearchIndex(site);
    // A run that stopped half-way: a file cut short under its final name, no list of parts.
    const [cut] = await fragments();
    await truncate(path.join(site, 'pagefind/fragment', cut!), 5);
    await rm(path.join(site, INDEX_LIST_PATH));

    await buildSearchIndex(site);
    expect(await fragmentUrls()).toEqual(['/papers/alpha/', '/papers/beta/', '/papers/gamma/']);
  });
});
