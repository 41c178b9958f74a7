/**
 * A tf-idf model over the corpus: stemmed unigrams and bigrams, sublinear term frequency,
 * smoothed idf, unit-length sparse vectors: what related papers are found by.
 *
 * Features that occur in a single paper are dropped (min_df = 2): they cannot make two papers
 * similar, and in a large corpus they are most of the bigrams.
 */
import { stemmer } from 'stemmer';
import { STOPWORDS, WORD } from './stopwords.ts';

/** A sparse unit vector: feature ids ascending, with their weights. */
export interface SparseVector {
  ids: Int32Array;
  weights: Float32Array;
}

export interface TfidfModel {
  vectors: SparseVector[];
  /** Feature id → how many documents contain it. */
  documentFrequency: Int32Array;
}

export interface Document {
  title: string;
  text: string;
}

const TITLE_WEIGHT = 2;
/** Bigram keys pack two unigram ids into one number: first * BIGRAM_SHIFT + second. */
const BIGRAM_SHIFT = 2 ** 24;
/** Marks a stopword or number in a token stream: it breaks bigram adjacency. */
const BREAK = -1;

/** Unigram vocabulary: stems to ids. */
class Vocabulary {
  private readonly ids = new Map<string, number>();
  /**
   * Each written word's id, or BREAK for a stopword or number. A corpus repeats the same words
   * millions of times; this makes each repeat one lookup.
   */
  private readonly written = new Map<string, number>();

  get size(): number {
    return this.ids.size;
  }

  idOf(written: string): number {
    let id = this.written.get(written);
    if (id === undefined) {
      const stem = analyse(written);
      id = stem === null ? BREAK : this.stemId(stem);
      this.written.set(written, id);
    }
    return id;
  }

  private stemId(stem: string): number {
    let id = this.ids.get(stem);
    if (id === undefined) {
      id = this.ids.size;
      this.ids.set(stem, id);
    }
    return id;
  }
}

/** Unigram ids, BREAK where a stopword or number stood. */
type TokenStream = number[];

/** The stem of a written word, or null for a stopword or number. */
function analyse(written: string): string | null {
  const lower = written.replace(/['’]s$/i, '').toLowerCase();
  if (lower.length < 2 || STOPWORDS.has(lower) || /^\d+$/.test(lower)) return null;
  return stemmer(lower);
}

/** Content words as unigram ids; a stopword or number breaks bigram adjacency. */
function tokenize(text: string, vocabulary: Vocabulary): TokenStream {
  const stream: TokenStream = [];
  for (const match of text.matchAll(WORD)) stream.push(vocabulary.idOf(match[0]));
  stream.push(BREAK);
  return stream;
}

/** Visits each unigram and each adjacent pair of a stream. */
function forEachFeature(ids: TokenStream, visit: (unigram: number, bigram: number | null) => void): void {
  for (let position = 0; position < ids.length; position++) {
    const id = ids[position]!;
    if (id === BREAK) continue;
    const next = ids[position + 1] ?? BREAK;
    visit(id, next !== BREAK && next !== id ? id * BIGRAM_SHIFT + next : null);
  }
}

/**
 * Feature id of a bigram key, or undefined when the bigram was dropped. An open-addressing hash
 * table over the kept keys: one or two probes per lookup, where a binary search over millions of
 * keys took twenty, most of them cache misses.
 */
function bigramLookup(keys: Float64Array, firstId: number): (key: number) => number | undefined {
  let capacity = 1;
  while (capacity < keys.length * 2) capacity *= 2;
  const mask = capacity - 1;
  const slotKeys = new Float64Array(capacity).fill(-1);
  const slotIds = new Int32Array(capacity);
  const slotOf = (key: number) => {
    const first = Math.floor(key / BIGRAM_SHIFT);
    return (Math.imul(first, 0x9e3779b1) ^ Math.imul(key - first * BIGRAM_SHIFT, 0x85ebca6b)) & mask;
  };
  keys.forEach((key, index) => {
    let slot = slotOf(key);
    while (slotKeys[slot] !== -1) slot = (slot + 1) & mask;
    slotKeys[slot] = key;
    slotIds[slot] = firstId + index;
  });
  return (key) => {
    for (let slot = slotOf(key); slotKeys[slot] !== -1; slot = (slot + 1) & mask) {
      if (slotKeys[slot] === key) return slotIds[slot];
    }
    return undefined;
  };
}

export function buildTfidf(documents: Document[]): TfidfModel {
  const vocabulary = new Vocabulary();
  const streams = documents.map(
    (document) => [tokenize(document.title, vocabulary), tokenize(document.text, vocabulary)] as const,
  );

  // Pass 1: document frequencies. Bigrams run into the tens of millions in a large corpus, too many
  // for a Map: each document's distinct bigram keys go into one typed array, which is then sorted
  // so that equal keys form runs whose lengths are the document frequencies.
  const unigramDf = new Int32Array(vocabulary.size);
  const unigramSeen = new Int32Array(vocabulary.size).fill(-1);
  let occurrences = new Float64Array(1 << 16);
  let occurrenceCount = 0;
  streams.forEach((pair, doc) => {
    const docStart = occurrenceCount;
    for (const stream of pair) {
      if (occurrenceCount + stream.length > occurrences.length) {
        const grown = new Float64Array(Math.max(occurrences.length * 2, occurrenceCount + stream.length));
        grown.set(occurrences.subarray(0, occurrenceCount));
        occurrences = grown;
      }
      forEachFeature(stream, (unigram, bigram) => {
        if (unigramSeen[unigram] !== doc) {
          unigramSeen[unigram] = doc;
          unigramDf[unigram]!++;
        }
        if (bigram === null) return;
        occurrences[occurrenceCount++] = bigram;
      });
    }
    // Each bigram once per document: sorted in place, repeats dropped.
    const own = occurrences.subarray(docStart, occurrenceCount).sort();
    let distinct = 0;
    for (let index = 0; index < own.length; index++)
      if (index === 0 || own[index] !== own[index - 1]) own[distinct++] = own[index]!;
    occurrenceCount = docStart + distinct;
  });
  const sorted = occurrences.subarray(0, occurrenceCount).sort();
  const shared: number[] = [];
  const sharedDf: number[] = [];
  for (let start = 0; start < sorted.length; ) {
    let end = start + 1;
    while (end < sorted.length && sorted[end] === sorted[start]) end++;
    if (end - start >= 2) {
      shared.push(sorted[start]!);
      sharedDf.push(end - start);
    }
    start = end;
  }
  occurrences = new Float64Array(0);

  // Feature ids: unigrams keep theirs; bigrams shared by two papers or more follow, in key order.
  const unigramCount = vocabulary.size;
  const bigramKeys = Float64Array.from(shared);
  const bigramId = bigramLookup(bigramKeys, unigramCount);
  const featureCount = unigramCount + bigramKeys.length;
  const documentFrequency = new Int32Array(featureCount);
  documentFrequency.set(unigramDf);
  documentFrequency.set(sharedDf, unigramCount);

  const total = documents.length;
  const idf = new Float64Array(featureCount);
  for (let id = 0; id < featureCount; id++) idf[id] = Math.log((1 + total) / (1 + documentFrequency[id]!)) + 1;

  // Pass 2: one unit vector per document. Counts go into one array indexed by feature id, reset
  // after each document, which is much faster than a map per document.
  const counts = new Float64Array(featureCount);
  const vectors = streams.map((pair) => {
    const touched: number[] = [];
    const add = (id: number, weight: number) => {
      if (counts[id] === 0) touched.push(id);
      counts[id]! += weight;
    };
    pair.forEach((stream, part) => {
      const weight = part === 0 ? TITLE_WEIGHT : 1;
      forEachFeature(stream, (unigram, bigram) => {
        if (unigramDf[unigram]! >= 2) add(unigram, weight);
        const id = bigram === null ? undefined : bigramId(bigram);
        if (id !== undefined) add(id, weight);
      });
    });
    const ids = Int32Array.from(touched).sort();
    const weights = new Float32Array(ids.length);
    let norm = 0;
    ids.forEach((id, index) => {
      const weight = (1 + Math.log(counts[id]!)) * idf[id]!;
      weights[index] = weight;
      norm += weight * weight;
      counts[id] = 0;
    });
    norm = Math.sqrt(norm) || 1;
    for (let index = 0; index < weights.length; index++) weights[index]! /= norm;
    return { ids, weights };
  });

  return { vectors, documentFrequency };
}
