import { describe, expect, it } from 'vitest';
import { mergeListings } from './merge.ts';
import { normaliseListing } from './normalise.ts';
import type { Listing } from './types.ts';

const listing = (file: string, line: number, topic: string, title: string, abstract: string) =>
  normaliseListing({ origin: { file, line }, topic, title, abstract } satisfies Listing);

describe('mergeListings', () => {
  it('makes one paper of the same title in several dumps, its topics in order of appearance', () => {
    const result = mergeListings([
      listing('a.txt', 3, 'alpha', 'Spiking Transformers', 'Spikes and attention.'),
      listing('a.txt', 7, 'alpha', 'Genetic Algorithms', 'Evolution of weights.'),
      listing('b.txt', 5, 'beta', 'spiking transformers.', 'Spikes and attention.'),
    ]);
    expect(result.diagnostics).toEqual([]);
    expect(result.papers.map((paper) => [paper.slug, paper.title, paper.topics])).toEqual([
      ['spiking-transformers', 'Spiking Transformers', ['alpha', 'beta']],
      ['genetic-algorithms', 'Genetic Algorithms', ['alpha']],
    ]);
    expect(result.papers[0]!.variants).toEqual([
      {
        verbatimTitle: 'Spiking Transformers',
        verbatimAbstract: 'Spikes and attention.',
        displayAbstract: 'Spikes and attention.',
        origins: [
          { file: 'a.txt', line: 3 },
          { file: 'b.txt', line: 5 },
        ],
      },
    ]);
    expect(result.members).toEqual(
      new Map([
        ['alpha', ['spiking-transformers', 'genetic-algorithms']],
        ['beta', ['spiking-transformers']],
      ]),
    );
  });

  it('keeps both texts of a paper whose dumps disagree on the abstract, with a warning at the second', () => {
    const result = mergeListings([
      listing('a.txt', 3, 'alpha', 'Neural Turing Machines', 'First text.'),
      listing('b.txt', 9, 'beta', 'Neural Turing Machines', 'Second text.'),
    ]);
    expect(result.papers).toHaveLength(1);
    expect(result.papers[0]!.variants.map((variant) => variant.displayAbstract)).toEqual([
      'First text.',
      'Second text.',
    ]);
    expect(result.diagnostics).toEqual([
      {
        severity: 'warning',
        file: 'b.txt',
        line: 9,
        message: '“Neural Turing Machines” has a different abstract than at a.txt:3; both texts kept',
      },
    ]);
  });

  it('folds a listing without an abstract into the one that has it, keeping where both were listed', () => {
    const result = mergeListings([
      listing('a.txt', 3, 'alpha', 'Mamba', ''),
      listing('b.txt', 4, 'beta', 'Mamba', 'Selective state spaces.'),
    ]);
    expect(result.papers[0]!.variants).toEqual([
      {
        verbatimTitle: 'Mamba',
        verbatimAbstract: 'Selective state spaces.',
        displayAbstract: 'Selective state spaces.',
        origins: [
          { file: 'b.txt', line: 4 },
          { file: 'a.txt', line: 3 },
        ],
      },
    ]);
    expect(result.diagnostics).toEqual([
      {
        severity: 'warning',
        file: 'b.txt',
        line: 4,
        message: '“Mamba” has a different abstract than at a.txt:3; its abstract kept',
      },
    ]);
  });

  it('lists a paper once in a topic whose dump lists it twice, with a warning', () => {
    const result = mergeListings([
      listing('a.txt', 3, 'alpha', 'Mamba', 'Text.'),
      listing('a.txt', 40, 'alpha', 'Mamba', 'Text.'),
    ]);
    expect(result.members.get('alpha')).toEqual(['mamba']);
    expect(result.diagnostics).toEqual([
      {
        severity: 'warning',
        file: 'a.txt',
        line: 40,
        message: '“Mamba” is listed again in the same topic (first at a.txt:3); listed once',
      },
    ]);
  });

  it('gives different papers with the same slug distinct slugs', () => {
    const result = mergeListings([
      listing('a.txt', 3, 'alpha', 'Deep Nets', 'One.'),
      listing('a.txt', 7, 'alpha', 'Deep Nets!?', 'Two.'),
      listing('a.txt', 9, 'alpha', 'Deep-Nets', 'Three.'),
    ]);
    const slugs = result.papers.map((paper) => paper.slug);
    expect(new Set(slugs).size).toBe(slugs.length);
    expect(result.members.get('alpha')).toEqual(slugs);
  });
});
