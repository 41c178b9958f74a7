/**
 * Geometry for the atlas maps (src/components/PaperMap.astro, AtlasMap.astro): papers' map
 * positions (scripts/content/enrich/layout.ts) fitted into an SVG, colour slots, labels placed
 * so they do not collide, and topic bubbles for atlases too large to draw every paper.
 */
import { forceCollide, forceSimulation, forceX, forceY, type SimulationNodeDatum } from 'd3-force';
import { random } from '../../lib/random.ts';

export type Position = [x: number, y: number];

/** Every map is this wide in SVG units; its height follows the points' shape within bounds. */
export const MAP_WIDTH = 1000;
const MIN_HEIGHT = 420;
const MAX_HEIGHT = 760;

/** Colour slots (Okabe–Ito hues, shaded per theme in PaperMap.astro); more topics share the neutral colour. */
export const COLOUR_SLOTS = 7;

/** Above this many papers (about 75 bytes gzipped each), the home page draws topics as bubbles instead. */
export const HOME_POINT_LIMIT = 1000;
/** Bubbles drawn at most, the largest topics, so the home page stays small at any corpus size. */
export const HOME_BUBBLE_LIMIT = 60;

export interface FittedMap {
  points: Position[];
  height: number;
}

/** Positions scaled into a MAP_WIDTH-wide box with `pad` units of margin, keeping their proportions. */
export function fitPositions(positions: Position[], pad = 24): FittedMap {
  if (positions.length === 0) return { points: [], height: MIN_HEIGHT };
  const xs = positions.map((position) => position[0]);
  const ys = positions.map((position) => position[1]);
  const [minX, maxX, minY, maxY] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
  const inner = MAP_WIDTH - 2 * pad;
  const spanX = maxX - minX || 1;
  const spanY = maxY - minY || 1;
  const height = Math.round(Math.min(MAX_HEIGHT, Math.max(MIN_HEIGHT, (inner * spanY) / spanX + 2 * pad)));
  const scale = Math.min(inner / spanX, (height - 2 * pad) / spanY);
  const offsetX = (MAP_WIDTH - spanX * scale) / 2;
  const offsetY = (height - spanY * scale) / 2;
  return {
    points: positions.map(([x, y]) => [
      Math.round((x - minX) * scale + offsetX),
      Math.round((y - minY) * scale + offsetY),
    ]),
    height,
  };
}

/**
 * A colour slot for each key, most frequent first (ties in the given order); keys past the slots
 * get none and are drawn in the neutral colour.
 */
export function colourSlots(keys: (string | undefined)[], order: string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const key of keys) if (key !== undefined) counts.set(key, (counts.get(key) ?? 0) + 1);
  const rank = new Map(order.map((key, index) => [key, index]));
  const ranked = [...counts.keys()].sort(
    (a, b) => counts.get(b)! - counts.get(a)! || (rank.get(a) ?? 0) - (rank.get(b) ?? 0),
  );
  return new Map(ranked.slice(0, COLOUR_SLOTS).map((key, slot) => [key, slot]));
}

export interface Label {
  text: string;
  /** The point the label names. */
  x: number;
  y: number;
  /** Room around the point the label must keep clear of, e.g. its bubble's radius. */
  clearance?: number;
}

export interface PlacedLabel extends Label {
  /** Where the text's middle goes. */
  labelX: number;
  labelY: number;
  width: number;
}

const LABEL_FONT = 15;
/** System fonts average a little over half an em per character. */
const labelWidth = (text: string) => Math.ceil(text.length * LABEL_FONT * 0.56) + 8;
const LABEL_HEIGHT = LABEL_FONT + 6;

/**
 * Greedy label placement: each label, in the order given (most important first), takes the first
 * spot around its point, centred, then above, below, right, left, that overlaps no placed label and
 * stays inside the map; a label with no free spot is left out (its point still names itself).
 */
export function placeLabels(labels: Label[], height: number): PlacedLabel[] {
  const placed: PlacedLabel[] = [];
  const overlaps = (a: PlacedLabel, b: PlacedLabel) =>
    Math.abs(a.labelX - b.labelX) * 2 < a.width + b.width + 6 && Math.abs(a.labelY - b.labelY) < LABEL_HEIGHT + 8;
  for (const label of labels) {
    const width = labelWidth(label.text);
    const gap = (label.clearance ?? 8) + LABEL_HEIGHT / 2;
    const spots: [number, number][] = [
      [0, 0],
      [0, -gap],
      [0, gap],
      [gap + width / 2, 0],
      [-gap - width / 2, 0],
      [0, -gap - LABEL_HEIGHT],
      [0, gap + LABEL_HEIGHT],
    ];
    for (const [dx, dy] of spots) {
      const candidate = { ...label, labelX: label.x + dx, labelY: label.y + dy, width };
      const inside =
        candidate.labelX - width / 2 >= 0 &&
        candidate.labelX + width / 2 <= MAP_WIDTH &&
        candidate.labelY - LABEL_HEIGHT / 2 >= 0 &&
        candidate.labelY + LABEL_HEIGHT / 2 <= height;
      if (inside && !placed.some((other) => overlaps(candidate, other))) {
        placed.push(candidate);
        break;
      }
    }
  }
  return placed;
}

export interface BubbleInput {
  slug: string;
  /** Map positions of the topic's papers. */
  positions: Position[];
}

export interface Bubble {
  slug: string;
  x: number;
  y: number;
  r: number;
}

/**
 * Topics as bubbles: each at its papers' mean position, its area proportional to its papers, then
 * nudged apart (d3-force, seeded) so bubbles overlap at their rims but none hides another.
 */
export function topicBubbles(topics: BubbleInput[]): { bubbles: Bubble[]; height: number } {
  const { points, height } = fitPositions(
    topics.map((topic) => mean(topic.positions)),
    80,
  );
  const total = topics.reduce((sum, topic) => sum + topic.positions.length, 0) || 1;
  // Bubbles together cover about 40 % of the map.
  const unit = Math.sqrt((0.4 * MAP_WIDTH * height) / (Math.PI * total));
  type Node = SimulationNodeDatum & { r: number; home: Position };
  const nodes: Node[] = topics.map((topic, index) => {
    const [x, y] = points[index]!;
    return { x, y, home: [x, y], r: Math.max(14, unit * Math.sqrt(topic.positions.length)) };
  });
  forceSimulation(nodes)
    .randomSource(random(16))
    .force('x', forceX<Node>((node) => node.home[0]).strength(0.05))
    .force('y', forceY<Node>((node) => node.home[1]).strength(0.05))
    .force(
      'collide',
      forceCollide<Node>((node) => node.r * 0.8 + 2),
    )
    .stop()
    .tick(200);
  const clamp = (value: number, r: number, max: number) => Math.round(Math.min(max - r, Math.max(r, value)));
  return {
    bubbles: nodes.map((node, index) => ({
      slug: topics[index]!.slug,
      x: clamp(node.x!, node.r, MAP_WIDTH),
      y: clamp(node.y!, node.r, height),
      r: Math.round(node.r),
    })),
    height,
  };
}

/**
 * Where a group of points is densest: the point whose nearest neighbours in the group are closest,
 * a better place for the group's name than its mean when groups overlap.
 */
export function densestPoint(points: Position[], neighbours = 8): Position {
  let best = points[0]!;
  let bestSpread = Infinity;
  for (const point of points) {
    const distances = points.map((other) => Math.hypot(point[0] - other[0], point[1] - other[1])).sort((a, b) => a - b);
    const spread = distances[Math.min(neighbours, distances.length - 1)]!;
    if (spread < bestSpread) [best, bestSpread] = [point, spread];
  }
  return best;
}

function mean(positions: Position[]): Position {
  const sum = positions.reduce<Position>((total, [x, y]) => [total[0] + x, total[1] + y], [0, 0]);
  return [sum[0] / (positions.length || 1), sum[1] / (positions.length || 1)];
}
