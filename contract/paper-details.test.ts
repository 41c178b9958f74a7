import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  detailsFolder,
  pruneDetails,
  readPaperDetail,
  storedDigests,
  writePaperDetail,
  type PaperDetail,
} from './paper-details.ts';

const detail: PaperDetail = {
  links: [{ url: 'https://github.com/a/b', kind: 'code', label: 'github.com/a/b' }],
  identifiers: { arxiv: ['2401.12345'], doi: [] },
  sources: [{ file: 'content/sources/a.txt', line: 3, text: 0 }],
  verbatim: [{}],
  html: '<p>An abstract.</p>',
  text: 'An abstract.',
};

describe('paper details beside the data store', () => {
  let projectRoot: URL;
  beforeEach(async () => {
    projectRoot = pathToFileURL(`${await mkdtemp(path.join(os.tmpdir(), 'atlas-details-'))}/`);
  });
  afterEach(async () => {
    await rm(projectRoot, { recursive: true, force: true });
  });

  it('reads back what was written under the same digest', async () => {
    const folder = detailsFolder(projectRoot);
    expect(await storedDigests(folder)).toEqual(new Set());
    writePaperDetail(folder, 'digest-1', detail);
    expect(await storedDigests(folder)).toEqual(new Set(['digest-1']));
    expect(await readPaperDetail(folder, 'digest-1')).toEqual(detail);
  });

  it('removes detail files of other formats, which would not read as this one', async () => {
    const folder = detailsFolder(projectRoot);
    const details = new URL('../', folder);
    await mkdir(new URL('v1/', details), { recursive: true });
    await writeFile(new URL('v1/digest-1.json', details), '{"html":"<p>old</p>"}');
    await writeFile(new URL('digest-2.json', details), '{"html":"<p>older</p>"}');
    expect(await storedDigests(folder)).toEqual(new Set());
    expect(await readdir(details)).toEqual([path.basename(folder.pathname)]);
  });

  it('prunes the files of digests no longer in the atlas and keeps the rest', async () => {
    const folder = detailsFolder(projectRoot);
    await storedDigests(folder);
    writePaperDetail(folder, 'old', detail);
    writePaperDetail(folder, 'current', detail);
    await pruneDetails(folder, await storedDigests(folder), new Set(['current']));
    expect(await readdir(folder)).toEqual(['current.json']);
  });

  it('removes what a build stopped halfway left unfinished', async () => {
    const folder = detailsFolder(projectRoot);
    await storedDigests(folder);
    await writeFile(new URL('half.json.tmp-4242', folder), '{"links":[');
    expect(await storedDigests(folder)).toEqual(new Set());
    expect(await readdir(folder)).toEqual([]);
  });

  it('says to build again when a detail file is missing', async () => {
    const folder = detailsFolder(projectRoot);
    await storedDigests(folder);
    await expect(readPaperDetail(folder, 'gone')).rejects.toThrow(
      `the rendered paper gone is missing from ${folder.pathname}; run \`npm run build\` again`,
    );
  });
});
