import { mkdtemp, mkdir, readdir, readlink, rm, utimes, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { findStaleOutput, removeStaleOutput, shareOutputWithCache } from './incremental-output.ts';

let site: string;
const HOUR_AGO = new Date(Date.now() - 3_600_000);

async function put(file: string, old: boolean): Promise<void> {
  await mkdir(path.dirname(path.join(site, file)), { recursive: true });
  await writeFile(path.join(site, file), file);
  if (old) await utimes(path.join(site, file), HOUR_AGO, HOUR_AGO);
}

beforeEach(async () => {
  site = await mkdtemp(path.join(os.tmpdir(), 'atlas-output-'));
});
afterEach(async () => {
  await rm(site, { recursive: true, force: true });
});

describe('stale output of earlier builds', () => {
  it('removes what this build neither wrote nor kept, and folders left empty; leaves search indexes alone', async () => {
    await put('papers/kept/index.html', true);
    await put('papers/gone/index.html', true);
    await put('topics/gone/page-2/index.html', true);
    await put('_astro/new.js', false);
    await put('_astro/old.js', true);
    await put('sw.js', true);
    await put('pagefind/fragment/en_1.pf_fragment', true);
    const since = Date.now() - 60_000;

    const stale = await findStaleOutput(`${site}/`, new Set([path.join(site, 'papers/kept/index.html')]), since);
    expect(stale.files.map((file) => path.relative(site, file)).sort()).toEqual([
      '_astro/old.js',
      'papers/gone/index.html',
      'sw.js',
      'topics/gone/page-2/index.html',
    ]);

    await removeStaleOutput(stale);
    const left = (await readdir(site, { recursive: true })).sort();
    expect(left).toEqual([
      '_astro',
      '_astro/new.js',
      'pagefind',
      'pagefind/fragment',
      'pagefind/fragment/en_1.pf_fragment',
      'papers',
      'papers/kept',
      'papers/kept/index.html',
    ]);
  });
});

describe("Astro's copy of the output", () => {
  it('is the output folder itself, in place of a second copy of every page', async () => {
    const cache = path.join(site, 'cache');
    const out = path.join(site, 'dist');
    await put('cache/dist/papers/old/index.html', false);
    await put('dist/papers/kept/index.html', false);

    await shareOutputWithCache(cache, out);
    await shareOutputWithCache(cache, out);
    expect(await readlink(path.join(cache, 'dist'))).toBe(out);
    expect(await readdir(path.join(cache, 'dist/papers'))).toEqual(['kept']);

    await shareOutputWithCache(cache, path.join(site, 'elsewhere'));
    expect(await readlink(path.join(cache, 'dist'))).toBe(path.join(site, 'elsewhere'));
  });
});
