import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { decodeDump, readSources } from './read.ts';

const bytes = (text: string) => new TextEncoder().encode(text);

describe('decodeDump', () => {
  it('drops a UTF-8 byte order mark and turns CRLF and CR into LF', () => {
    expect(
      decodeDump(Uint8Array.from([0xef, 0xbb, 0xbf, ...bytes('A title\r\n\r\nAn abstract\rend')]), 'a.txt'),
    ).toEqual({
      text: 'A title\n\nAn abstract\nend',
      diagnostics: [],
    });
  });

  it('reads an empty file as no text, with a warning', () => {
    expect(decodeDump(new Uint8Array(), 'empty.txt')).toEqual({
      text: null,
      diagnostics: [{ severity: 'warning', file: 'empty.txt', message: 'empty file, no papers read' }],
    });
  });

  it('skips a binary file with an error: a NUL byte, or many control characters', () => {
    const error = [{ severity: 'error', file: 'b.bin.txt', message: 'binary file, not a text dump; skipped' }];
    expect(decodeDump(Uint8Array.from([0x41, 0x00, 0x42]), 'b.bin.txt')).toEqual({ text: null, diagnostics: error });
    expect(decodeDump(Uint8Array.from([1, 2, 3, 4, 0x41, 0x42, 0x43]), 'b.bin.txt')).toEqual({
      text: null,
      diagnostics: error,
    });
  });

  it('keeps tabs and form feeds as text', () => {
    expect(decodeDump(bytes('A\ttitle\f\nabstract'), 'a.txt').text).toBe('A\ttitle\f\nabstract');
  });

  it('reads text that is not UTF-8 as Windows-1252 and names the first bad line', () => {
    const latin = Uint8Array.from([
      ...bytes('Fine line\nAnother\nCaf'),
      0xe9,
      0x20,
      0x93,
      ...bytes('quoted'),
      0x94,
      0x0a,
    ]);
    expect(decodeDump(latin, 'latin.txt')).toEqual({
      text: 'Fine line\nAnother\nCafé “quoted”\n',
      diagnostics: [
        {
          severity: 'warning',
          file: 'latin.txt',
          line: 3,
          message: 'not valid UTF-8; read as Windows-1252, check accented characters',
        },
      ],
    });
  });
});

describe('readSources', () => {
  const scratch: string[] = [];
  afterAll(() => Promise.all(scratch.map((folder) => rm(folder, { recursive: true, force: true }))));

  it('reads every .txt dump in name order, paths shown from the root, and reports what it skips', async () => {
    const root = await mkdtemp(path.join(tmpdir(), 'paper-atlas-read-'));
    scratch.push(root);
    const folder = path.join(root, 'dumps');
    await mkdir(path.join(folder, 'nested.txt'), { recursive: true });
    await writeFile(path.join(folder, 'b-topic.txt'), 'B title\n\nB abstract\n');
    await writeFile(path.join(folder, 'A-Topic.TXT'), 'A title\n\nA abstract\n');
    await writeFile(path.join(folder, 'topics.yaml'), '[]\n');
    await writeFile(path.join(folder, '.hidden.txt'), 'never read');
    await writeFile(path.join(folder, 'readme.md'), '# notes');
    await writeFile(path.join(folder, 'empty.txt'), '');

    const result = await readSources(folder, root);
    expect(result.files).toEqual([
      { path: 'dumps/A-Topic.TXT', stem: 'A-Topic', text: 'A title\n\nA abstract\n' },
      { path: 'dumps/b-topic.txt', stem: 'b-topic', text: 'B title\n\nB abstract\n' },
    ]);
    expect(result.diagnostics).toEqual([
      { severity: 'warning', file: 'dumps/empty.txt', message: 'empty file, no papers read' },
      { severity: 'warning', file: 'dumps/readme.md', message: 'not a .txt dump; ignored' },
    ]);
  });
});
