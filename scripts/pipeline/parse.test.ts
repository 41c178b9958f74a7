import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseDump } from './parse.ts';
import { decodeDump } from './read.ts';

const fixture = (name: string) => readFileSync(new URL(`../../tests/fixtures/dumps/${name}`, import.meta.url));
const source = (text: string, path = 'dump.txt') => ({ path, stem: 'dump', text });
const decode = (bytes: Uint8Array) => {
  const decoded = decodeDump(bytes, 'dump.txt');
  if (decoded.text === null) throw new Error('not decoded');
  return decoded;
};

describe('parseDump', () => {
  it('reads the block layout: header, then title, blank, abstract', () => {
    const result = parseDump(source(decode(fixture('block-layout.txt')).text), 'topic');
    expect(result.layout).toBe('block');
    expect(result.listings.map((listing) => [listing.title, listing.origin.line])).toEqual([
      ['Spiking Transformers for Event Cameras', 11],
      ['Evolving Neural Networks with Genetic Algorithms', 15],
    ]);
    expect(result.listings[1]?.abstract).toMatch(/^Genetic algorithms evolve .*org\/project\{our project page\}\.$/);
    expect(result.diagnostics).toEqual([]);
  });

  it('reads the line layout and un-glues Subscribe from the first title', () => {
    const result = parseDump(source(decode(fixture('line-layout.txt')).text), 'topic');
    expect(result.layout).toBe('line');
    expect(result.listings.map((listing) => [listing.title, listing.origin.line])).toEqual([
      ['Spiking Transformers for Event Cameras', 3],
      ['L^{2}NAS: Learning to Search Architectures', 5],
    ]);
  });

  it('reads CRLF line ends, a BOM and trailing spaces like plain LF text', () => {
    const plain = fixture('line-layout.txt').toString('utf8');
    const messy = `\uFEFF${plain.replace(/\n/g, '  \r\n')}`;
    const decoded = decode(new TextEncoder().encode(messy));
    const result = parseDump(source(decoded.text), 'topic');
    const expected = parseDump(source(plain), 'topic');
    expect(result.listings).toEqual(expected.listings);
    expect(decoded.diagnostics).toEqual([]);
  });

  it('keeps a title with no abstract at the end of a file, with a warning naming the line', () => {
    const text = `${fixture('line-layout.txt').toString('utf8')}A Last Title Without Abstract\n`;
    const result = parseDump(source(text), 'topic');
    expect(result.listings).toHaveLength(3);
    expect(result.listings[2]).toMatchObject({ title: 'A Last Title Without Abstract', abstract: '' });
    expect(result.diagnostics).toEqual([
      {
        severity: 'warning',
        file: 'dump.txt',
        line: 7,
        message: 'title with no abstract at the end of the file; kept without one',
      },
    ]);
  });

  it('notices a title whose abstract is missing in the middle of a file', () => {
    const lines = fixture('line-layout.txt').toString('utf8').split('\n');
    lines.splice(4, 0, 'A Title That Lost Its Abstract');
    const result = parseDump(source(lines.join('\n')), 'topic');
    expect(result.listings.map((listing) => listing.title)).toEqual([
      'Spiking Transformers for Event Cameras',
      'A Title That Lost Its Abstract',
      'L^{2}NAS: Learning to Search Architectures',
    ]);
    expect(result.diagnostics[0]).toMatchObject({ line: 5, message: 'title with no abstract; kept without one' });
  });

  it('reports a header-only file', () => {
    const result = parseDump(source('new\n\nGet trending papers in your email inbox!\n\nSubscribe\n\nMar 11\n'), 't');
    expect(result.listings).toEqual([]);
    expect(result.diagnostics).toEqual([{ severity: 'warning', file: 'dump.txt', message: 'no listings found (header only)' }]);
  });
});

describe('decodeDump', () => {
  it('reports an empty file', () => {
    expect(decodeDump(new Uint8Array(), 'empty.txt')).toEqual({
      text: null,
      diagnostics: [{ severity: 'warning', file: 'empty.txt', message: 'empty file, no papers read' }],
    });
  });

  it('skips a binary file with an error', () => {
    const decoded = decodeDump(Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 13]), 'image.txt');
    expect(decoded.text).toBeNull();
    expect(decoded.diagnostics[0]?.message).toBe('binary file, not a text dump; skipped');
  });

  it('reads a Windows-1252 file with a warning naming the first bad line', () => {
    const bytes = Uint8Array.from([...Buffer.from('Title\nAbstract of a caf'), 0xe9, ...Buffer.from(' paper\n')]);
    const decoded = decodeDump(bytes, 'latin.txt');
    expect(decoded.text).toBe('Title\nAbstract of a café paper\n');
    expect(decoded.diagnostics).toEqual([
      { severity: 'warning', file: 'latin.txt', line: 2, message: 'not valid UTF-8; read as Windows-1252, check accented characters' },
    ]);
  });
});
