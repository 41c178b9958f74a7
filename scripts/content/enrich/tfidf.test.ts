import { describe, expect, it } from 'vitest';
import { buildTfidf } from './tfidf.ts';

const corpus = [
  { title: 'Spiking neural networks', text: 'Spiking neurons compute with spikes.' },
  { title: 'Spiking transformers', text: 'Transformers meet spiking neurons.' },
  { title: 'Genetic algorithms', text: 'Genetic algorithms evolve a population.' },
];
const norm = (weights: Float32Array) => Math.hypot(...weights);

describe('buildTfidf', () => {
  const model = buildTfidf(corpus);

  it('gives every paper that shares a feature a unit-length vector, feature ids ascending', () => {
    expect(model.vectors).toHaveLength(3);
    for (const vector of model.vectors.slice(0, 2)) {
      expect(norm(vector.weights)).toBeCloseTo(1, 5);
      expect([...vector.ids]).toEqual([...vector.ids].sort((a, b) => a - b));
    }
  });

  it('keeps only features two papers share (stems, so "spiking" and "spikes" are one)', () => {
    const shared = (a: number, b: number) =>
      [...model.vectors[a]!.ids].filter((id) => model.vectors[b]!.ids.includes(id));
    expect(shared(0, 1).length).toBeGreaterThan(0);
    expect(model.vectors[2]!.ids.length).toBe(0);
    for (const vector of model.vectors)
      for (const id of vector.ids) expect(model.documentFrequency[id]).toBeGreaterThanOrEqual(2);
  });

  it('leaves stop words and numbers out, so a paper of nothing else has an empty vector', () => {
    const only = buildTfidf([
      { title: 'The 2024', text: 'of and the 42' },
      { title: 'The 2024', text: 'of and the 42' },
    ]);
    expect(only.vectors.map((vector) => vector.ids.length)).toEqual([0, 0]);
  });
});
