import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { partInputs, type PageDigest } from './stamps.ts';

describe('partInputs', () => {
  let site: string;
  const files = ['papers/a.html', 'papers/b.html'];
  const write = async (file: string, words: string) => {
    await mkdir(path.dirname(path.join(site, file)), { recursive: true });
    await writeFile(path.join(site, file), `<html><body><main data-pagefind-body><p>${words}</p></main></body></html>`);
  };
  beforeEach(async () => {
    site = await mkdtemp(path.join(os.tmpdir(), 'atlas-stamps-'));
    await write(files[0]!, 'spiking networks');
    await write(files[1]!, 'graph reasoning');
  });
  afterEach(() => rm(site, { recursive: true, force: true }));

  it('stamps the same pages and command alike, and another command or page otherwise', async () => {
    const first = await partInputs(site, files, ['1.0', '--site'], new Map());
    expect((await partInputs(site, files, ['1.0', '--site'], new Map())).inputs).toBe(first.inputs);
    expect((await partInputs(site, files, ['1.1', '--site'], new Map())).inputs).not.toBe(first.inputs);
    await write(files[1]!, 'graph reasoning again');
    expect((await partInputs(site, files, ['1.0', '--site'], new Map())).inputs).not.toBe(first.inputs);
  });

  it('returns every page digest, takes a page as last seen when its file state matches, and leaves what it was given alone', async () => {
    const first = await partInputs(site, files, [], new Map());
    expect([...first.pages.keys()]).toEqual(files);
    // A made-up digest under the file's real state: taken without reading the page.
    const known = new Map<string, PageDigest>([[files[0]!, ['made-up', first.pages.get(files[0]!)![1]]]]);
    const again = await partInputs(site, files, [], known);
    expect(again.pages.get(files[0]!)![0]).toBe('made-up');
    expect(again.pages.get(files[1]!)).toEqual(first.pages.get(files[1]!));
    expect([...known.keys()]).toEqual([files[0]]);
  });
});
