/**
 * A tf-idf model over the corpus: stemmed unigrams and bigrams, sublinear term frequency,
 * smoothed idf, unit-length sparse vectors. The same model gives key terms and related papers.
 */
import { stemmer } from 'stemmer';
import { STOPWORDS } from './stopwords.ts';

/** A sparse unit vector: feature ids ascending, with their weights. */
export interface SparseVector {
  ids: Int32Array;
  weights: Float32Array;
}

export interface TfidfModel {
  vectors: SparseVector[];
  /** Feature id → how many documents contain it. */
  documentFrequency: Int32Array;
  /** Feature id → the form readers see, e.g. `spiking neural` or `LLM`. */
  surface: string[];
  /** Feature id → true for bigrams. */
  isBigram: Uint8Array;
}

export interface Document {
  title: string;
  text: string;
}

const WORD = /[\p{L}\p{N}]+(?:['’][\p{L}]+)?/gu;
const TITLE_WEIGHT = 2;

interface Token {
  stem: string;
  /** Lower case, but for acronyms and names with digits (`LLM`, `GPT-4`), which keep their case. */
  surface: string;
  /** Joined to the next word by a hyphen, as in `event-driven`. */
  hyphenated: boolean;
}

/** Content words with their stems and the separator before the next word; a stopword or number is null. */
export function tokenize(text: string): (Token | null)[] {
  const tokens: (Token | null)[] = [];
  let previous: Token | null = null;
  let previousEnd = -1;
  for (const match of text.matchAll(WORD)) {
    if (previous && text.slice(previousEnd, match.index) === '-') previous.hyphenated = true;
    const word = match[0].replace(/['’]s$/i, '');
    const lower = word.toLowerCase();
    previousEnd = match.index + match[0].length;
    if (lower.length < 2 || STOPWORDS.has(lower) || /^\d+$/.test(lower)) {
      tokens.push((previous = null));
      continue;
    }
    const isAcronym = /\p{Lu}.*\p{Lu}/u.test(word) || /\p{N}/u.test(word);
    tokens.push((previous = { stem: stemmer(lower), surface: isAcronym ? word : lower, hyphenated: false }));
  }
  return tokens;
}

class FeatureTable {
  readonly ids = new Map<string, number>();
  readonly surfaces: Map<string, number>[] = [];
  readonly bigram: boolean[] = [];

  id(key: string, surface: string, bigram: boolean): number {
    let id = this.ids.get(key);
    if (id === undefined) {
      id = this.ids.size;
      this.ids.set(key, id);
      this.surfaces.push(new Map());
      this.bigram.push(bigram);
    }
    const forms = this.surfaces[id] as Map<string, number>;
    forms.set(surface, (forms.get(surface) ?? 0) + 1);
    return id;
  }

  /** The most frequent surface form of each feature; ties broken alphabetically so output is stable. */
  surfaceForms(): string[] {
    return this.surfaces.map((forms) => {
      let best = '';
      let bestCount = -1;
      for (const [form, count] of forms) {
        if (count > bestCount || (count === bestCount && form < best)) {
          best = form;
          bestCount = count;
        }
      }
      return best;
    });
  }
}

function countFeatures(table: FeatureTable, text: string, weight: number, counts: Map<number, number>): void {
  const tokens = tokenize(text);
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i];
    if (!token) continue;
    const unigram = table.id(token.stem, token.surface, false);
    counts.set(unigram, (counts.get(unigram) ?? 0) + weight);
    const next = tokens[i + 1];
    if (next && next.stem !== token.stem) {
      const surface = `${token.surface}${token.hyphenated ? '-' : ' '}${next.surface}`;
      const bigram = table.id(`${token.stem} ${next.stem}`, surface, true);
      counts.set(bigram, (counts.get(bigram) ?? 0) + weight);
    }
  }
}

export function buildTfidf(documents: Document[]): TfidfModel {
  const table = new FeatureTable();
  const counted = documents.map((document) => {
    const counts = new Map<number, number>();
    countFeatures(table, document.title, TITLE_WEIGHT, counts);
    countFeatures(table, document.text, 1, counts);
    return counts;
  });
  const featureCount = table.ids.size;
  const documentFrequency = new Int32Array(featureCount);
  for (const counts of counted) for (const id of counts.keys()) documentFrequency[id]! += 1;

  const total = documents.length;
  const idf = new Float64Array(featureCount);
  for (let id = 0; id < featureCount; id++) idf[id] = Math.log((1 + total) / (1 + documentFrequency[id]!)) + 1;

  const vectors = counted.map((counts) => {
    const ids = Int32Array.from([...counts.keys()].sort((a, b) => a - b));
    const weights = new Float32Array(ids.length);
    let norm = 0;
    ids.forEach((id, index) => {
      const weight = (1 + Math.log(counts.get(id) as number)) * idf[id]!;
      weights[index] = weight;
      norm += weight * weight;
    });
    norm = Math.sqrt(norm) || 1;
    for (let index = 0; index < weights.length; index++) weights[index]! /= norm;
    return { ids, weights };
  });

  return {
    vectors,
    documentFrequency,
    surface: table.surfaceForms(),
    isBigram: Uint8Array.from(table.bigram, (value) => (value ? 1 : 0)),
  };
}

/** Exact cosine of two unit vectors. */
export function cosine(a: SparseVector, b: SparseVector): number {
  let i = 0;
  let j = 0;
  let sum = 0;
  while (i < a.ids.length && j < b.ids.length) {
    const x = a.ids[i]!;
    const y = b.ids[j]!;
    if (x === y) sum += a.weights[i++]! * b.weights[j++]!;
    else if (x < y) i++;
    else j++;
  }
  return sum;
}
