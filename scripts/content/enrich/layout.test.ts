import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { mergeListings } from '../merge.ts';
import { normaliseListing } from '../normalise.ts';
import { parseDump } from '../parse.ts';
import { readSources } from '../read.ts';
import type { Paper, Position } from '../types.ts';
import { layoutPapers, MAP_SIZE, relatedDistanceRatio } from './layout.ts';
import { findRelated, type Neighbour } from './related.ts';
import { buildTfidf, type TfidfModel } from './tfidf.ts';
import { PROJECT_ROOT } from '../../../lib/project-root.ts';

interface Corpus {
  model: TfidfModel;
  related: Neighbour[][];
  groups: number[];
}

async function corpusOf(papers: Paper[]): Promise<Corpus> {
  const model = buildTfidf(
    papers.map((paper) => ({
      title: paper.title,
      text: paper.variants.map((variant) => variant.displayAbstract).join('\n'),
    })),
  );
  const topics = new Map<string, number>();
  const groups = papers.map(
    (paper) => topics.get(paper.topics[0]!) ?? topics.set(paper.topics[0]!, topics.size).size - 1,
  );
  return { model, related: await findRelated(model), groups };
}

let seed: Paper[];
let whole: Corpus;
beforeAll(async () => {
  const root = PROJECT_ROOT;
  const read = await readSources(path.join(root, 'tests/fixtures/seeds'), root);
  seed = mergeListings(read.files.flatMap((file) => parseDump(file, file.stem).listings).map(normaliseListing)).papers;
  whole = await corpusOf(seed);
});

describe('layoutPapers on the seed corpus', () => {
  it('puts a paper’s first related paper at most half as far as a random paper, on whole-number positions', () => {
    const positions = layoutPapers(whole.model, whole.related, whole.groups);
    expect(positions).toHaveLength(457);
    for (const [x, y] of positions) {
      expect(Number.isInteger(x) && Number.isInteger(y)).toBe(true);
      expect(Math.min(x, y)).toBeGreaterThanOrEqual(0);
      expect(Math.max(x, y)).toBeLessThanOrEqual(MAP_SIZE);
    }
    expect(
      relatedDistanceRatio(
        positions,
        whole.related.map((neighbours) => neighbours[0]?.index),
      ),
    ).toBeLessThanOrEqual(0.5);
  });

  it('gives the same map on every run', () => {
    expect(layoutPapers(whole.model, whole.related, whole.groups)).toEqual(
      layoutPapers(whole.model, whole.related, whole.groups),
    );
  });

  it('keeps the last positions when a few papers are added, and places each new one near its related papers', async () => {
    const before = await corpusOf(seed.slice(0, 450));
    const lastRun = layoutPapers(before.model, before.related, before.groups);
    const last: (Position | undefined)[] = seed.map((_, index) => lastRun[index]);
    const positions = layoutPapers(whole.model, whole.related, whole.groups, last);
    expect(positions.slice(0, 450)).toEqual(lastRun);
    const distance = (a: Position, b: Position) => Math.hypot(a[0] - b[0], a[1] - b[1]);
    for (let paper = 450; paper < 457; paper++) {
      const first = whole.related[paper]![0];
      if (first) expect(distance(positions[paper]!, positions[first.index]!)).toBeLessThan(MAP_SIZE / 10);
    }
  });

  it('lays the whole map out afresh when many papers are new', async () => {
    const last = seed.map((_, index): Position | undefined => (index < 300 ? [0, 0] : undefined));
    expect(layoutPapers(whole.model, whole.related, whole.groups, last)).toEqual(
      layoutPapers(whole.model, whole.related, whole.groups),
    );
  });
});
