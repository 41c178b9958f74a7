import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { mergeListings } from '../merge.ts';
import { normaliseListing } from '../normalise.ts';
import { parseDump } from '../parse.ts';
import { readSources } from '../read.ts';
import { DEFAULT_RELATED, findRelated } from './related.ts';
import { buildTfidf } from './tfidf.ts';
import { PROJECT_ROOT } from '../../../lib/project-root.ts';

const ONE_THREAD = Infinity;
const TWO_THREADS = 0;

describe('findRelated', () => {
  it('finds the paper on the same subject, not the one on another', async () => {
    const model = buildTfidf([
      {
        title: 'Spiking neural networks on neuromorphic hardware',
        text: 'Event-driven spiking neurons run on neuromorphic chips with low energy.',
      },
      {
        title: 'Training spiking neural networks for neuromorphic chips',
        text: 'Surrogate gradients train spiking neurons for neuromorphic hardware.',
      },
      {
        title: 'Symbolic reasoning over knowledge graphs',
        text: 'Logic rules and graph embeddings answer multi-hop questions.',
      },
    ]);
    const related = await findRelated(model, DEFAULT_RELATED, ONE_THREAD);
    expect(related[0]!.map((neighbour) => neighbour.index)).toEqual([1]);
    expect(related[2]).toEqual([]);
  });

  it('gives the same neighbours and scores on two threads as on one, for the seed corpus', async () => {
    const root = PROJECT_ROOT;
    const { files } = await readSources(path.join(root, 'tests/fixtures/seeds'), root);
    const papers = mergeListings(
      files.flatMap((file) => parseDump(file, file.path).listings.map(normaliseListing)),
    ).papers;
    const model = buildTfidf(papers.map((paper) => ({ title: paper.title, text: paper.variants[0]!.displayAbstract })));

    const serial = await findRelated(model, DEFAULT_RELATED, ONE_THREAD);
    const parallel = await findRelated(model, DEFAULT_RELATED, TWO_THREADS);
    expect(serial).toHaveLength(papers.length);
    expect(serial.filter((neighbours) => neighbours.length > 0).length).toBeGreaterThan(papers.length / 2);
    expect(parallel).toEqual(serial);
  });
});
