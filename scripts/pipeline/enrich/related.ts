/**
 * Related papers: the nearest neighbours of each paper by tf-idf cosine, arxiv-sanity style.
 *
 * All pairs would be quadratic (10^10 pairs at 100k papers), so candidates come from an
 * impact-ordered inverted index: each paper's strongest features, and for each feature only the
 * papers where it weighs most. Candidates are then scored exactly.
 */
import { cosine, type TfidfModel } from './tfidf.ts';

export interface Neighbour {
  index: number;
  score: number;
}

export interface RelatedOptions {
  count: number;
  /** Strongest features of a paper used to look for candidates. */
  queryFeatures: number;
  /** Papers kept per feature in the index, strongest first. */
  postingsPerFeature: number;
  /** Candidates scored exactly per paper. */
  candidates: number;
  minimumScore: number;
}

export const DEFAULT_RELATED: RelatedOptions = {
  count: 5,
  queryFeatures: 30,
  postingsPerFeature: 150,
  candidates: 40,
  minimumScore: 0.02,
};

/** Positions of the `limit` largest values, largest first; ties go to the lower position. */
function topPositions(values: Float32Array, limit: number): number[] {
  const order = Array.from({ length: values.length }, (_, index) => index);
  order.sort((a, b) => values[b]! - values[a]! || a - b);
  return order.length > limit ? order.slice(0, limit) : order;
}

export function findRelated(model: TfidfModel, options: RelatedOptions = DEFAULT_RELATED): Neighbour[][] {
  const { vectors } = model;
  const postings = new Map<number, { doc: number; weight: number }[]>();
  const strongest = vectors.map((vector) => topPositions(vector.weights, options.queryFeatures));
  strongest.forEach((positions, doc) => {
    const vector = vectors[doc]!;
    for (const position of positions) {
      const feature = vector.ids[position]!;
      const list = postings.get(feature) ?? [];
      postings.set(feature, list);
      list.push({ doc, weight: vector.weights[position]! });
    }
  });
  for (const list of postings.values()) {
    list.sort((a, b) => b.weight - a.weight || a.doc - b.doc);
    list.length = Math.min(list.length, options.postingsPerFeature);
  }

  const partial = new Float64Array(vectors.length);
  return vectors.map((vector, doc) => {
    const touched: number[] = [];
    for (const position of strongest[doc]!) {
      const weight = vector.weights[position]!;
      for (const posting of postings.get(vector.ids[position]!) ?? []) {
        if (posting.doc === doc) continue;
        if (partial[posting.doc] === 0) touched.push(posting.doc);
        partial[posting.doc]! += weight * posting.weight;
      }
    }
    touched.sort((a, b) => partial[b]! - partial[a]! || a - b);
    const scored = touched.slice(0, options.candidates).map((other) => ({
      index: other,
      score: Math.round(cosine(vector, vectors[other]!) * 1000) / 1000,
    }));
    for (const other of touched) partial[other] = 0;
    return scored
      .filter((neighbour) => neighbour.score >= options.minimumScore)
      .sort((a, b) => b.score - a.score || a.index - b.index)
      .slice(0, options.count);
  });
}
