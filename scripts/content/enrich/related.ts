/**
 * Related papers: the nearest neighbours of each paper by tf-idf cosine, arxiv-sanity style.
 *
 * All pairs would be quadratic (10^10 pairs at 100k papers), so candidates come from an
 * impact-ordered inverted index: each paper's strongest features, and for each feature only the
 * papers where it weighs most. Candidates are then scored exactly.
 *
 * The index lives in typed arrays on shared memory, so a large corpus is scored on two threads
 * (related-worker.ts) without copying it; each paper's neighbours depend only on the index, so the
 * result is the same on one thread or two.
 */
import { inTwoHalves, runOnWorker, SECOND_THREAD_FROM } from '../threads.ts';
import type { TfidfModel } from './tfidf.ts';

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

/**
 * Every paper's vector and strongest features, and the inverted index, as flat typed arrays:
 * entries of item `i` sit at `offsets[i]` up to `offsets[i + 1]`.
 */
export interface CandidateIndex {
  vectorOffsets: Int32Array;
  featureIds: Int32Array;
  featureWeights: Float32Array;
  /** Positions, within each paper's vector, of its strongest features, strongest first. */
  strongestOffsets: Int32Array;
  strongest: Int32Array;
  /** Feature id → the papers where it weighs most, and its weight there. */
  postingOffsets: Int32Array;
  postingPapers: Int32Array;
  postingWeights: Float32Array;
}

function sharedInt32(length: number): Int32Array {
  return new Int32Array(new SharedArrayBuffer(length * Int32Array.BYTES_PER_ELEMENT));
}

function sharedFloat32(length: number): Float32Array {
  return new Float32Array(new SharedArrayBuffer(length * Float32Array.BYTES_PER_ELEMENT));
}

/** Positions of the `limit` largest values, largest first; ties go to the lower position. */
function topPositions(values: Float32Array, limit: number): number[] {
  const order = Array.from({ length: values.length }, (_, index) => index);
  order.sort((a, b) => values[b]! - values[a]! || a - b);
  return order.length > limit ? order.slice(0, limit) : order;
}

export function buildCandidateIndex(model: TfidfModel, options: RelatedOptions): CandidateIndex {
  const { vectors } = model;
  const vectorOffsets = sharedInt32(vectors.length + 1);
  for (const [paper, vector] of vectors.entries()) vectorOffsets[paper + 1] = vectorOffsets[paper]! + vector.ids.length;
  const featureIds = sharedInt32(vectorOffsets[vectors.length]!);
  const featureWeights = sharedFloat32(featureIds.length);
  vectors.forEach((vector, paper) => {
    featureIds.set(vector.ids, vectorOffsets[paper]);
    featureWeights.set(vector.weights, vectorOffsets[paper]);
  });

  const strongestLists = vectors.map((vector) => topPositions(vector.weights, options.queryFeatures));
  const strongestOffsets = sharedInt32(vectors.length + 1);
  for (const [paper, list] of strongestLists.entries())
    strongestOffsets[paper + 1] = strongestOffsets[paper]! + list.length;
  const strongest = sharedInt32(strongestOffsets[vectors.length]!);
  for (const [paper, list] of strongestLists.entries()) strongest.set(list, strongestOffsets[paper]);

  const postings = new Map<number, { paper: number; weight: number }[]>();
  strongestLists.forEach((positions, paper) => {
    const vector = vectors[paper]!;
    for (const position of positions) {
      const feature = vector.ids[position]!;
      const list = postings.get(feature) ?? [];
      postings.set(feature, list);
      list.push({ paper, weight: vector.weights[position]! });
    }
  });
  const featureCount = model.documentFrequency.length;
  const postingOffsets = sharedInt32(featureCount + 1);
  for (const [feature, list] of postings) {
    list.sort((a, b) => b.weight - a.weight || a.paper - b.paper);
    list.length = Math.min(list.length, options.postingsPerFeature);
    postingOffsets[feature + 1] = list.length;
  }
  for (let feature = 0; feature < featureCount; feature++) postingOffsets[feature + 1]! += postingOffsets[feature]!;
  const postingPapers = sharedInt32(postingOffsets[featureCount]!);
  const postingWeights = sharedFloat32(postingPapers.length);
  for (const [feature, list] of postings) {
    list.forEach(({ paper, weight }, rank) => {
      postingPapers[postingOffsets[feature]! + rank] = paper;
      postingWeights[postingOffsets[feature]! + rank] = weight;
    });
  }
  return {
    vectorOffsets,
    featureIds,
    featureWeights,
    strongestOffsets,
    strongest,
    postingOffsets,
    postingPapers,
    postingWeights,
  };
}

/** Exact cosine of two papers' unit vectors. */
function cosineOf(index: CandidateIndex, a: number, b: number): number {
  const { vectorOffsets, featureIds, featureWeights } = index;
  let i = vectorOffsets[a]!;
  let j = vectorOffsets[b]!;
  const endA = vectorOffsets[a + 1]!;
  const endB = vectorOffsets[b + 1]!;
  let sum = 0;
  while (i < endA && j < endB) {
    const x = featureIds[i]!;
    const y = featureIds[j]!;
    if (x === y) sum += featureWeights[i++]! * featureWeights[j++]!;
    else if (x < y) i++;
    else j++;
  }
  return sum;
}

/** Neighbours of papers `start` up to `end`. */
export function scoreRange(index: CandidateIndex, start: number, end: number, options: RelatedOptions): Neighbour[][] {
  const papers = index.vectorOffsets.length - 1;
  const partial = new Float64Array(papers);
  const result: Neighbour[][] = [];
  for (let paper = start; paper < end; paper++) {
    const touched: number[] = [];
    const vectorStart = index.vectorOffsets[paper]!;
    for (let s = index.strongestOffsets[paper]!; s < index.strongestOffsets[paper + 1]!; s++) {
      const position = vectorStart + index.strongest[s]!;
      const weight = index.featureWeights[position]!;
      const feature = index.featureIds[position]!;
      for (let p = index.postingOffsets[feature]!; p < index.postingOffsets[feature + 1]!; p++) {
        const other = index.postingPapers[p]!;
        if (other === paper) continue;
        if (partial[other] === 0) touched.push(other);
        partial[other]! += weight * index.postingWeights[p]!;
      }
    }
    touched.sort((a, b) => partial[b]! - partial[a]! || a - b);
    const scored = touched.slice(0, options.candidates).map((other) => ({
      index: other,
      score: Math.round(cosineOf(index, paper, other) * 1000) / 1000,
    }));
    for (const other of touched) partial[other] = 0;
    result.push(
      scored
        .filter((neighbour) => neighbour.score >= options.minimumScore)
        .sort((a, b) => b.score - a.score || a.index - b.index)
        .slice(0, options.count),
    );
  }
  return result;
}

export async function findRelated(
  model: TfidfModel,
  options: RelatedOptions = DEFAULT_RELATED,
  secondThreadFrom = SECOND_THREAD_FROM,
): Promise<Neighbour[][]> {
  const index = buildCandidateIndex(model, options);
  return inTwoHalves(
    model.vectors.length,
    (start, end) => scoreRange(index, start, end, options),
    (start, end) => runOnWorker(new URL('./related-worker.ts', import.meta.url), { index, start, end, options }),
    secondThreadFrom,
  );
}
