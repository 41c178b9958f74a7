import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { paperFile } from '../../contract/pages.ts';
import { planIndexes, type IndexPart } from './plan.ts';

const shared = [
  '404.html',
  'index.html',
  'papers/index.html',
  'papers/page-2/index.html',
  'topics/a/index.html',
  'topics/index.html',
];
const topLevel = [
  { name: '404.html', folder: false },
  { name: 'index.html', folder: false },
  { name: 'papers', folder: true },
  { name: 'topics', folder: true },
];

describe('planIndexes', () => {
  /** Which part's glob each file matches, as Pagefind would read them: every file in exactly one. */
  const owners = (parts: IndexPart[], files: string[]) =>
    files.map((file) => parts.flatMap((part, position) => (path.matchesGlob(file, part.glob) ? [position] : [])));

  it('keeps a small atlas in one index', () => {
    const files = [...shared, paperFile('alpha'), paperFile('beta')];
    expect(planIndexes({ files, topLevel }, { splitFrom: 3, papersPerIndex: 10 })).toEqual([
      { glob: '**/*.html', files },
    ]);
  });

  it('puts the pages that are not papers first, then splits papers in two even runs of slug prefixes', () => {
    const slugs = ['ab', 'ab-1', 'ab-2', 'ac-1', 'b-1', 'b-2', 'c-1', 'd-1'];
    const files = [...shared, ...slugs.map(paperFile)];
    const parts = planIndexes({ files, topLevel }, { splitFrom: 8, papersPerIndex: 10 });
    expect(parts[0]!.glob).toBe('{404.html,index.html,topics/**/*.html,papers/index.html}');
    // The A–Z list's pages have no search body, so no part reads them.
    expect(parts[0]!.files).toEqual([
      '404.html',
      'index.html',
      'papers/index.html',
      'topics/a/index.html',
      'topics/index.html',
    ]);
    expect(parts.slice(1).map((part) => part.files)).toEqual([
      ['ab', 'ab-1', 'ab-2', 'ac-1'].map(paperFile),
      ['b-1', 'b-2', 'c-1', 'd-1'].map(paperFile),
    ]);
    // `ab` is its own group, so the pattern for `ab-…` does not take it a second time.
    expect(owners(parts, files)).toEqual([[0], [0], [0], [], [0], [0], [1], [1], [1], [1], [2], [2], [2], [2]]);
  });

  it('uses as many runs as keep each within the most papers an index holds', () => {
    const slugs = Array.from({ length: 250 }, (_, index) => `paper-${String(index).padStart(3, '0')}`);
    const parts = planIndexes(
      { files: [...shared, ...slugs.map(paperFile)], topLevel },
      { splitFrom: 100, papersPerIndex: 60 },
    );
    expect(parts.slice(1).map((part) => part.files.length)).toEqual([50, 50, 50, 50, 50]);
    expect(parts.slice(1).flatMap((part) => part.files)).toEqual(slugs.map(paperFile));
    expect(owners(parts, slugs.map(paperFile)).every((owner) => owner.length === 1)).toBe(true);
  });
});
