/**
 * Key terms: the phrases that tell a paper, or a topic, apart from the rest of the corpus,
 * written as the papers write them.
 */
import type { TopicTerm } from '../types.ts';
import { buildPhraseCorpus, type Document, type PhraseCorpus } from './phrases.ts';

/** A topic term is used by at least this many of the topic's papers. */
export const TOPIC_TERM_MIN_PAPERS = 3;
/** How far a phrase of only generic words ("baseline models") ranks below one that names something. */
const GENERIC_WEIGHT = 0.1;

/** True when the stems of one phrase are a run of the other's: "neural networks" and "spiking neural networks". */
function nested(a: number[], b: number[]): boolean {
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  for (let start = 0; start + short.length <= long.length; start++) {
    if (short.every((stem, index) => long[start + index] === stem)) return true;
  }
  return false;
}

/** Picks phrases, best first, leaving out any nested in one picked before; `accept` may still turn one down. */
function pickUnnested<T>(
  corpus: PhraseCorpus,
  ranked: number[],
  count: number,
  accept: (phrase: number) => T | undefined,
): T[] {
  const picked: T[] = [];
  const pickedStems: number[][] = [];
  for (const phrase of ranked) {
    if (picked.length === count) break;
    const stems = corpus.stems(phrase);
    if (pickedStems.some((other) => nested(stems, other))) continue;
    const accepted = accept(phrase);
    if (accepted === undefined) continue;
    picked.push(accepted);
    pickedStems.push(stems);
  }
  return picked;
}

/**
 * A paper's `count` key terms: the phrases it uses on their own, by tf-idf (title words count
 * double), each in the paper's own spelling.
 */
export function paperKeyTerms(corpus: PhraseCorpus, doc: number, count: number): string[] {
  const paper = corpus.papers[doc]!;
  const scores = Array.from(paper.own, (phrase, index) => {
    const idf = Math.log((1 + corpus.documents) / (1 + corpus.documentFrequency[phrase]!)) + 1;
    return (1 + Math.log(paper.weights[index]!)) * idf * (corpus.isGeneric(phrase) ? GENERIC_WEIGHT : 1);
  });
  const ranked = Array.from(paper.own.keys()).sort((a, b) => scores[b]! - scores[a]! || paper.own[a]! - paper.own[b]!);
  return pickUnnested(
    corpus,
    ranked.map((index) => paper.own[index]!),
    count,
    (phrase) => {
      const at = paper.used.indexOf(phrase);
      return corpus.surface(doc, paper.usedFirst[at]!, paper.usedLast[at]!);
    },
  );
}

/**
 * Each topic's `count` terms, by class-based tf-idf: a phrase weighs by how many of the topic's
 * papers use it on their own (tf), times the log of how much more often they do than papers
 * outside the topic (idf over classes: zero or less for a phrase all topics use alike). Each is
 * used by at least TOPIC_TERM_MIN_PAPERS of the topic's papers, and shown as most of them write it.
 */
export function topicTerms(corpus: PhraseCorpus, topics: number[][], count: number): TopicTerm[][] {
  const own = new Int32Array(corpus.documentFrequency.length);
  const used = new Int32Array(corpus.documentFrequency.length);
  return topics.map((members) => {
    const touched: number[] = [];
    for (const doc of members) {
      const paper = corpus.papers[doc]!;
      for (const phrase of paper.used) {
        if (used[phrase] === 0) touched.push(phrase);
        used[phrase]!++;
      }
      for (const phrase of paper.own) own[phrase]!++;
    }
    const outside = corpus.documents - members.length;
    const score = new Map<number, number>();
    for (const phrase of touched) {
      if (used[phrase]! < TOPIC_TERM_MIN_PAPERS || own[phrase] === 0) continue;
      const shareInside = own[phrase]! / members.length;
      const shareOutside = (corpus.ownFrequency[phrase]! - own[phrase]! + 1) / (outside + 1);
      const weight =
        own[phrase]! * Math.log(shareInside / shareOutside) * (corpus.isGeneric(phrase) ? GENERIC_WEIGHT : 1);
      if (weight > 0) score.set(phrase, weight);
    }
    const ranked = [...score.keys()].sort((a, b) => score.get(b)! - score.get(a)! || a - b);
    const terms = pickUnnested(corpus, ranked, count, (phrase) => {
      const term = writtenByMost(corpus, members, phrase);
      return term === undefined ? undefined : { term, papers: used[phrase]! };
    });
    for (const phrase of touched) used[phrase] = own[phrase] = 0;
    return terms;
  });
}

/** How most of `members` write a phrase, if at least TOPIC_TERM_MIN_PAPERS of them write it so (case and hyphens aside). */
function writtenByMost(corpus: PhraseCorpus, members: number[], phrase: number): string | undefined {
  const forms = new Map<string, { written: string; papers: number }>();
  for (const doc of members) {
    const paper = corpus.papers[doc]!;
    const at = paper.used.indexOf(phrase);
    if (at < 0) continue;
    const written = corpus.surface(doc, paper.usedFirst[at]!, paper.usedLast[at]!);
    const key = written.toLowerCase().replace(/[-‐‑]/g, ' ');
    const form = forms.get(key) ?? { written, papers: 0 };
    form.papers++;
    forms.set(key, form);
  }
  const best = [...forms.values()].sort((a, b) => b.papers - a.papers)[0];
  return best && best.papers >= TOPIC_TERM_MIN_PAPERS ? best.written : undefined;
}

export interface KeyTermsInput {
  documents: Document[];
  /** Each topic's papers, as indexes into `documents`. */
  topics: number[][];
  paperTerms: number;
  topicTerms: number;
}

export interface KeyTerms {
  papers: string[][];
  topics: TopicTerm[][];
}

/** Every paper's and every topic's terms: a pure job, so it can run on a thread of its own (keyterms-worker.ts). */
export function findKeyTerms(input: KeyTermsInput): KeyTerms {
  const corpus = buildPhraseCorpus(input.documents);
  return {
    papers: input.documents.map((_, doc) => paperKeyTerms(corpus, doc, input.paperTerms)),
    topics: topicTerms(corpus, input.topics, input.topicTerms),
  };
}
