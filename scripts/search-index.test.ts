import { describe, expect, it } from 'vitest';
import { planIndexes } from './search-index.ts';

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
