import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { splitWordForms } from './pagefind-output.ts';
import { runPagefind } from './run-pagefind.ts';

describe('splitWordForms', () => {
  let site: string;
  beforeAll(async () => {
    site = await mkdtemp(path.join(os.tmpdir(), 'atlas-forms-'));
    const pages = { a: 'data and data', b: 'many datasets', c: 'a network-based network' };
    for (const [name, text] of Object.entries(pages)) {
      await mkdir(path.join(site, name), { recursive: true });
      await writeFile(path.join(site, name, 'index.html'), `<html lang="en"><body><main>${text}</main></body></html>`);
    }
    // One word a file, so every word's forms run on into the next file.
    await runPagefind([
      'PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE=1',
      ...['--site', site, '--output-path', path.join(site, 'pagefind'), '--force-language', 'en'],
    ]);
  });
  afterAll(() => rm(site, { recursive: true, force: true }));

  it('names the files that bring a stem pages of its own, not those of a compound’s parts', async () => {
    // "dataset" is on a page "data" is not, for the stems "da", "dat" and "data"; "networkbas" only where "network" is.
    expect(await splitWordForms(path.join(site, 'pagefind'))).toEqual([['datas', 2, 3, 4]]);
  });

  it('reads the index again when what it kept was found in another', async () => {
    const folder = path.join(site, 'pagefind');
    await writeFile(path.join(folder, 'atlas-split-forms.json'), JSON.stringify({ files: ['other'], split: [] }));
    expect(await splitWordForms(folder)).toEqual([['datas', 2, 3, 4]]);
    expect(await splitWordForms(folder)).toEqual([['datas', 2, 3, 4]]);
  });
});
