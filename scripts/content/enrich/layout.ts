/**
 * The atlas map: a point for every paper, related papers close together.
 *
 * UMAP's optimisation (attraction along graph edges, repulsion from sampled papers) runs on the
 * related-papers graph the content step already has, started from the corpus's two principal
 * axes of tf-idf. It costs edges × epochs, linear in the corpus. Measured alternatives: d3-force's
 * many-body force took 95 ms a tick at 10,000 papers and 2 s at 100,000 (hundreds of ticks
 * needed); umap-js cannot start from given positions, so it cannot keep a map stable.
 *
 * Seeded: the same corpus always gets the same map. Stable: when the last run's positions cover
 * all but a few papers, those stay exactly where they were and the new ones are placed among
 * their related papers, so adding papers re-renders no unchanged page.
 */
import { random } from '../../../lib/random.ts';
import type { Position } from '../types.ts';
import type { Neighbour } from './related.ts';
import type { TfidfModel } from './tfidf.ts';

/** Positions are whole numbers from 0 to MAP_SIZE on both axes, so output is byte-stable. */
export const MAP_SIZE = 10_000;

export interface LayoutOptions {
  seed: number;
  /** Random papers each paper is pushed away from, per epoch. */
  negatives: number;
  /** Above this share of papers without a last position, the whole map is laid out again. */
  relayoutShare: number;
  /** Strength of the pull towards the paper's group, against 1 for a related paper. */
  groupPull: number;
}

export const DEFAULT_LAYOUT: LayoutOptions = { seed: 16, negatives: 5, relayoutShare: 0.1, groupPull: 1 };

/**
 * Passes over the graph: more for small maps, which are cheap and looked at closely; from 50,000
 * papers 40, which keeps the layout under a tenth of the content step at 100,000.
 */
export function epochsFor(papers: number): number {
  return Math.round(Math.min(500, Math.max(40, 2_000_000 / Math.max(papers, 1))));
}

// UMAP's curve 1 / (1 + a·d^(2b)) for its defaults min_dist = 0.1, spread = 1.
const A = 1.577;
const B = 0.895;
const CLIP = 4;
const clip = (value: number) => Math.min(Math.max(value, -CLIP), CLIP);

/** Each paper's related papers as an undirected graph: pairs (first, second) once each, in order. */
function edgesOf(related: Neighbour[][]): Int32Array {
  const papers = related.length;
  let count = 0;
  for (const neighbours of related) count += neighbours.length;
  // Each pair as one number, low * papers + high (exact in a double up to 94 million papers): sorting them drops repeats.
  const keys = new Float64Array(count);
  let k = 0;
  related.forEach((neighbours, paper) => {
    for (const { index } of neighbours) keys[k++] = paper < index ? paper * papers + index : index * papers + paper;
  });
  keys.sort();
  const pairs = new Int32Array(count * 2);
  let e = 0;
  for (let i = 0; i < count; i++) {
    if (i > 0 && keys[i] === keys[i - 1]) continue;
    const low = Math.floor(keys[i]! / papers);
    pairs[e++] = low;
    pairs[e++] = keys[i]! - low * papers;
  }
  return pairs.subarray(0, e);
}

/** Subspace iterations for the principal axes: the map's starting point, which the optimisation then reshapes. */
const AXIS_ITERATIONS = 6;

/**
 * The papers' coordinates on the two principal axes of their centred tf-idf vectors, by subspace
 * iteration: a few passes over the sparse vectors, both axes in each pass, never a dense matrix.
 */
function principalAxes(model: TfidfModel, next: () => number): Float64Array {
  const { vectors } = model;
  const papers = vectors.length;
  const features = model.documentFrequency.length;
  const mean = new Float64Array(features);
  for (const { ids, weights } of vectors) for (let k = 0; k < ids.length; k++) mean[ids[k]!]! += weights[k]! / papers;
  let first = Float64Array.from({ length: features }, () => next() - 0.5);
  let second = Float64Array.from({ length: features }, () => next() - 0.5);
  const coordinates = new Float64Array(papers * 2);
  const project = () => {
    let shift0 = 0;
    let shift1 = 0;
    for (let f = 0; f < features; f++) {
      shift0 += mean[f]! * first[f]!;
      shift1 += mean[f]! * second[f]!;
    }
    for (let paper = 0; paper < papers; paper++) {
      const { ids, weights } = vectors[paper]!;
      let sum0 = -shift0;
      let sum1 = -shift1;
      for (let k = 0; k < ids.length; k++) {
        const id = ids[k]!;
        sum0 += weights[k]! * first[id]!;
        sum1 += weights[k]! * second[id]!;
      }
      coordinates[paper * 2] = sum0;
      coordinates[paper * 2 + 1] = sum1;
    }
  };
  for (let iteration = 0; iteration < AXIS_ITERATIONS; iteration++) {
    project();
    const nextFirst = new Float64Array(features);
    const nextSecond = new Float64Array(features);
    let total0 = 0;
    let total1 = 0;
    for (let paper = 0; paper < papers; paper++) {
      const { ids, weights } = vectors[paper]!;
      const value0 = coordinates[paper * 2]!;
      const value1 = coordinates[paper * 2 + 1]!;
      total0 += value0;
      total1 += value1;
      for (let k = 0; k < ids.length; k++) {
        const id = ids[k]!;
        nextFirst[id]! += weights[k]! * value0;
        nextSecond[id]! += weights[k]! * value1;
      }
    }
    for (let f = 0; f < features; f++) {
      nextFirst[f]! -= mean[f]! * total0;
      nextSecond[f]! -= mean[f]! * total1;
    }
    // Gram–Schmidt keeps the two axes orthonormal.
    const norm = (axis: Float64Array) => Math.sqrt(axis.reduce((sum, value) => sum + value * value, 0)) || 1;
    const firstNorm = norm(nextFirst);
    for (let f = 0; f < features; f++) nextFirst[f]! /= firstNorm;
    let overlap = 0;
    for (let f = 0; f < features; f++) overlap += nextFirst[f]! * nextSecond[f]!;
    for (let f = 0; f < features; f++) nextSecond[f]! -= overlap * nextFirst[f]!;
    const secondNorm = norm(nextSecond);
    for (let f = 0; f < features; f++) nextSecond[f]! /= secondNorm;
    [first, second] = [nextFirst, nextSecond];
  }
  project();
  return coordinates;
}

/** Pulls papers `a` and `b` together by UMAP's attraction, scaled by `rate`. */
function attract(points: Float64Array, a: number, b: number, rate: number): void {
  const i = a * 2;
  const j = b * 2;
  const dx = points[i]! - points[j]!;
  const dy = points[i + 1]! - points[j + 1]!;
  const d2 = dx * dx + dy * dy;
  if (d2 === 0) return;
  const pow = d2 ** B;
  const coefficient = (-2 * A * B * pow) / d2 / (1 + A * pow);
  const mx = clip(coefficient * dx) * rate;
  const my = clip(coefficient * dy) * rate;
  points[i]! += mx;
  points[i + 1]! += my;
  points[j]! -= mx;
  points[j + 1]! -= my;
}

/**
 * UMAP's stochastic gradient descent: attraction along `edges`, a weaker pull towards a random
 * paper of the same group (a paper's first topic, so topics read as regions), repulsion from
 * random papers.
 */
function optimise(
  points: Float64Array,
  edges: Int32Array,
  groups: number[],
  epochs: number,
  options: LayoutOptions,
  next: () => number,
): void {
  const papers = points.length / 2;
  // Each group's papers, in paper order, as one array: paper p's group is members[start[p]] to members[start[p] + size[p]].
  const ids = new Map<number, number>();
  const groupOf = Int32Array.from({ length: papers }, (_, paper) =>
    groups[paper] === undefined ? -1 : (ids.get(groups[paper]!) ?? ids.set(groups[paper]!, ids.size).size - 1),
  );
  const offsets = new Int32Array(ids.size + 1);
  for (const group of groupOf) if (group >= 0) offsets[group + 1]!++;
  for (let group = 0; group < ids.size; group++) offsets[group + 1]! += offsets[group]!;
  const members = new Int32Array(offsets[ids.size]!);
  const filled = offsets.slice(0, ids.size);
  groupOf.forEach((group, paper) => {
    if (group >= 0) members[filled[group]!++] = paper;
  });
  for (let epoch = 0; epoch < epochs; epoch++) {
    const rate = 1 - epoch / epochs;
    for (let e = 0; e < edges.length; e += 2) attract(points, edges[e]!, edges[e + 1]!, rate);
    for (let paper = 0; paper < papers; paper++) {
      const group = groupOf[paper]!;
      const size = group < 0 ? 0 : offsets[group + 1]! - offsets[group]!;
      if (size > 1)
        attract(points, paper, members[offsets[group]! + Math.floor(next() * size)]!, rate * options.groupPull);
      const i = paper * 2;
      for (let s = 0; s < options.negatives; s++) {
        const k = Math.floor(next() * papers) * 2;
        if (k === i) continue;
        const dx = points[i]! - points[k]!;
        const dy = points[i + 1]! - points[k + 1]!;
        const d2 = dx * dx + dy * dy;
        const coefficient = (2 * B) / ((0.001 + d2) * (1 + A * d2 ** B));
        points[i]! += clip(coefficient * dx) * rate;
        points[i + 1]! += clip(coefficient * dy) * rate;
      }
    }
  }
}

/** Whole-number map positions: the middle 99 % of the points fill the map, the rest sit at its edge. */
function toMap(points: Float64Array): Position[] {
  const papers = points.length / 2;
  const range = (dim: number) => {
    const values = Float64Array.from({ length: papers }, (_, paper) => points[paper * 2 + dim]!).sort();
    const low = values[Math.floor(papers * 0.005)]!;
    const high = values[Math.min(papers - 1, Math.ceil(papers * 0.995) - 1)]!;
    return { low, extent: high - low };
  };
  const x = range(0);
  const y = range(1);
  const scale = MAP_SIZE / (Math.max(x.extent, y.extent) || 1);
  const offset = (extent: number) => (MAP_SIZE - extent * scale) / 2;
  const place = (value: number, axis: { low: number; extent: number }) =>
    Math.min(MAP_SIZE, Math.max(0, Math.round((value - axis.low) * scale + offset(axis.extent))));
  return Array.from(
    { length: papers },
    (_, paper) => [place(points[paper * 2]!, x), place(points[paper * 2 + 1]!, y)] as Position,
  );
}

/**
 * Papers without a last position among those with one: each beside its most related placed paper,
 * nudged off it by a seeded step; a paper with none placed goes to the map's centre.
 */
function placeAmong(last: (Position | undefined)[], related: Neighbour[][], next: () => number): Position[] {
  const placed: (Position | undefined)[] = [...last];
  const step = MAP_SIZE / 200;
  for (let pass = 0; pass < 3; pass++) {
    placed.forEach((position, paper) => {
      if (position) return;
      const anchor = related[paper]!.map(({ index }) => placed[index]).find((other) => other !== undefined);
      if (!anchor && pass < 2) return;
      const [x, y] = anchor ?? [MAP_SIZE / 2, MAP_SIZE / 2];
      const angle = next() * 2 * Math.PI;
      const at = (value: number) => Math.min(MAP_SIZE, Math.max(0, Math.round(value)));
      placed[paper] = [at(x + Math.cos(angle) * step), at(y + Math.sin(angle) * step)];
    });
  }
  return placed as Position[];
}

/**
 * Every paper's position. `groups[i]` is paper i's group (its first topic); `last[i]` its position
 * in the last run, if it had one. When few papers lack one, the others keep theirs exactly.
 */
export function layoutPapers(
  model: TfidfModel,
  related: Neighbour[][],
  groups: number[] = [],
  last: (Position | undefined)[] = [],
  options: LayoutOptions = DEFAULT_LAYOUT,
): Position[] {
  const papers = model.vectors.length;
  const next = random(options.seed);
  const missing = Array.from({ length: papers }, (_, paper) => last[paper] === undefined).filter(Boolean).length;
  if (missing < papers && missing <= papers * options.relayoutShare) return placeAmong(last, related, next);

  const points = principalAxes(model, next);
  // UMAP starts from coordinates spread over about ±10.
  let spread = 0;
  for (const value of points) spread = Math.max(spread, Math.abs(value));
  for (let k = 0; k < points.length; k++) points[k]! *= 10 / (spread || 1);
  optimise(points, edgesOf(related), groups, epochsFor(papers), options, next);
  return toMap(points);
}

/** Mean distance from each paper to its first related paper, over the mean distance to a random paper. */
export function relatedDistanceRatio(positions: Position[], firstRelated: (number | undefined)[], seed = 1): number {
  const next = random(seed);
  const distance = (a: Position, b: Position) => Math.hypot(a[0] - b[0], a[1] - b[1]);
  let relatedSum = 0;
  let randomSum = 0;
  let counted = 0;
  positions.forEach((position, paper) => {
    const first = firstRelated[paper];
    if (first === undefined) return;
    relatedSum += distance(position, positions[first]!);
    randomSum += distance(position, positions[Math.floor(next() * positions.length)]!);
    counted++;
  });
  return counted === 0 || randomSum === 0 ? 0 : relatedSum / randomSum;
}
