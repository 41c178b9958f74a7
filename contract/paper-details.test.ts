import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { RECORDS_FOLDER } from '../lib/build-records.ts';
import { detailsFile, PaperDetails, type PaperDetail, type RenderedPaper } from './paper-details.ts';

const detail: PaperDetail = {
  links: [{ url: 'https://github.com/a/b', kind: 'code', label: 'github.com/a/b' }],
  identifiers: { arxiv: ['2401.12345'], doi: [] },
  sources: [{ file: 'content/sources/a.txt', line: 3, text: 0 }],
  verbatim: [{}],
  related: [{ slug: 'another-paper', score: 0.5 }],
  html: '<p>An abstract.</p>',
  text: 'An abstract.',
};
const made: RenderedPaper = {
  card: {
    title: 'A paper',
    slug: 'a-paper',
    topics: ['neurosymbolic-ai'],
    excerpt: 'An abstract.',
    keyTerms: ['abstract'],
    added: '2026-11-26T00:00:00.000Z',
    position: [5000, 5000],
    hasCode: true,
  },
  detail,
};

describe('paper details beside the data store', () => {
  let projectRoot: URL;
  beforeEach(async () => {
    projectRoot = pathToFileURL(`${await mkdtemp(path.join(os.tmpdir(), 'atlas-details-'))}/`);
  });
  afterEach(async () => {
    await rm(projectRoot, { recursive: true, force: true });
  });

  it('reads back what was written under the same digest, once closed, from another connection', () => {
    const writer = new PaperDetails(projectRoot, { write: true });
    expect(writer.digests()).toEqual(new Set());
    writer.write('digest-1', made);
    writer.close();
    const reader = new PaperDetails(projectRoot);
    expect(reader.digests()).toEqual(new Set(['digest-1']));
    expect(reader.read('digest-1')).toEqual(detail);
    expect(reader.card('digest-1')).toEqual(made.card);
    expect(reader.card('digest-2')).toBeUndefined();
    reader.close();
  });

  it('writes every row when more are written than one transaction holds', () => {
    const writer = new PaperDetails(projectRoot, { write: true });
    for (let n = 0; n < 1000; n++)
      writer.write(`digest-${n}`, { ...made, detail: { ...detail, text: `Abstract ${n}.` } });
    writer.close();
    const reader = new PaperDetails(projectRoot);
    expect(reader.digests().size).toBe(1000);
    expect(reader.read('digest-999').text).toBe('Abstract 999.');
    reader.close();
  });

  it('removes details of other formats, which would not read as this one', async () => {
    const records = new URL(`${RECORDS_FOLDER}/`, projectRoot);
    await mkdir(new URL('details/v4/', records), { recursive: true });
    await writeFile(new URL('details/v4/digest-1.json', records), '{"html":"<p>old</p>"}');
    await writeFile(new URL('details-v1.sqlite', records), 'old');
    await writeFile(new URL('render-record.json', records), '{}');
    new PaperDetails(projectRoot, { write: true }).close();
    expect((await readdir(records)).sort()).toEqual([
      path.basename(detailsFile(projectRoot).pathname),
      'render-record.json',
    ]);
  });

  it('keeps only the details of digests still in the atlas', () => {
    const details = new PaperDetails(projectRoot, { write: true });
    details.write('old', made);
    details.write('current', made);
    details.close();
    const pruning = new PaperDetails(projectRoot, { write: true });
    pruning.keepOnly(new Set(['current']));
    expect(pruning.digests()).toEqual(new Set(['current']));
    pruning.close();
  });

  it('starts afresh from a file that is not a database when writing, and says to build again when reading', async () => {
    await mkdir(new URL('./', detailsFile(projectRoot)), { recursive: true });
    await writeFile(detailsFile(projectRoot), 'half a file a restored cache left');
    expect(() => new PaperDetails(projectRoot)).toThrow(
      `${detailsFile(projectRoot).pathname} cannot be read (file is not a database); run \`npm run build\` again`,
    );
    const writer = new PaperDetails(projectRoot, { write: true });
    writer.write('digest-1', made);
    writer.close();
    const reader = new PaperDetails(projectRoot);
    expect(reader.read('digest-1')).toEqual(detail);
    reader.close();
  });

  it('says to build again when a page has no details', () => {
    const details = new PaperDetails(projectRoot);
    expect(() => details.read('gone')).toThrow(
      `the rendered paper gone is missing from ${detailsFile(projectRoot).pathname}; run \`npm run build\` again`,
    );
    details.close();
  });
});
