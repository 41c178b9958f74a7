/**
 * The phrases of a corpus, RAKE style: runs of words between stop words and punctuation, and
 * every stretch of one to four words inside a run that starts and ends on a whole word or
 * hyphenated compound ("SNNs", "Kolmogorov-Arnold Networks", "state-of-the-art"). A phrase is
 * keyed by the stems of its words, so "Spiking Neural Networks" and "spiking neural network" are
 * one phrase and a hyphen counts as a space; what a page shows is a stretch of the paper's text.
 *
 * Phrases live in a trie held in typed arrays (a phrase is its prefix and one more word), so tens
 * of millions of occurrences need no string per phrase.
 */
import { lexicon } from 'en-lexicon';
import { stemmer } from 'stemmer';
import { GENERIC_WORDS, PHRASE_STOPWORDS, WORD } from './stopwords.ts';

export const MAX_PHRASE_WORDS = 4;
/** A phrase used by a single paper is a name or an accident, not a term readers share. */
export const MIN_DOCUMENT_FREQUENCY = 2;
const TITLE_WEIGHT = 2;

/** Adverbs end a phrase like stop words ("efficiently processing"); these nouns end in -ly too. */
const ADVERB = /^\p{Ll}{3,}ly$/u;
const NOT_ADVERBS = new Set([
  'anomaly',
  'assembly',
  'family',
  'supply',
  'monopoly',
  'butterfly',
  'rally',
  'reply',
  'italy',
]);

const GENERIC_STEMS = new Set([...GENERIC_WORDS].map((word) => stemmer(word)));

/** Word flags. */
const STOP = 1;
/** A number or a single character: part of a compound ("GPT-4"), never a phrase alone. */
const FILLER = 2;
/**
 * Word classes from an English lexicon, for phrases that name things: a phrase ends on a word that
 * can be a noun ("neuromorphic hardware", not "networks trained"), a one-word phrase is mostly
 * used as a noun ("evolution", not "current" or "explain"), and none starts with a verb. Words the
 * lexicon does not know (SNNs, Kolmogorov, neuroscience) are names and terms: nouns.
 */
const NOUN = 4;
const MOSTLY_NOUN = 8;
const VERB = 16;
/** A subject or modal ("we", "can"): the word after it is a verb ("we train"), so no phrase starts there. */
const BEFORE_VERB = 32;
const SUBJECTS = new Set([
  'we',
  'they',
  'it',
  'i',
  'you',
  'he',
  'she',
  'can',
  'cannot',
  'could',
  'may',
  'might',
  'must',
  'shall',
  'should',
  'will',
  'would',
]);

/** The word classes of a lower-case word or compound, undefined when the lexicon does not know it. */
function wordClasses(lower: string): number | undefined {
  const tags = Object.hasOwn(lexicon, lower) ? lexicon[lower]!.split('|') : undefined;
  if (!tags) return undefined;
  let flags = tags[0]!.startsWith('NN') ? MOSTLY_NOUN : 0;
  if (tags.some((tag) => tag.startsWith('NN'))) flags |= NOUN;
  if (tags.every((tag) => /^(?:VB[DPZ]?|MD)$/.test(tag))) flags |= VERB;
  return flags;
}

export interface Document {
  title: string;
  text: string;
}

/** What a paper's text gives after pass 1: where its words are, and its phrase occurrences. */
interface PaperText {
  /** Where each word starts and ends, in the title for the first `titleWords` words, else in the text. */
  starts: Int32Array;
  ends: Int32Array;
  titleWords: number;
  /** Phrase occurrences that can name a thing, as (phrase, first word, last word), run by run. */
  spans: Int32Array;
  /** Where each run's occurrences end in `spans`. */
  runEnds: Int32Array;
}

/** Where a paper uses its phrases. */
export interface PaperPhrases {
  /**
   * Phrases the paper uses on their own, not only inside a longer phrase it uses ("spiking neural"
   * inside "spiking neural networks"), with how often (title counts double).
   */
  own: Int32Array;
  weights: Float32Array;
  /** Every phrase the paper uses, and its first occurrence as first and last word. */
  used: Int32Array;
  usedFirst: Int32Array;
  usedLast: Int32Array;
}

export interface PhraseCorpus {
  documents: number;
  /** Phrase id → papers that use it. */
  documentFrequency: Int32Array;
  /** Phrase id → papers that use it on their own. */
  ownFrequency: Int32Array;
  papers: PaperPhrases[];
  /** The stems of a phrase, in order: two phrases nest when one's stems are a run of the other's. */
  stems: (phrase: number) => number[];
  /** True when every word of the phrase is one of the GENERIC_WORDS (or a stop word or number inside it). */
  isGeneric: (phrase: number) => boolean;
  /** The phrase as paper `doc` writes it, from `first` to `last` word; capitals only where the corpus always writes them. */
  surface: (doc: number, first: number, last: number) => string;
}

/** Written forms to stems and flags; a corpus repeats the same words millions of times, so each repeat is one lookup. */
class Vocabulary {
  private readonly written = new Map<string, number>();
  private readonly stemIds = new Map<string, number>();
  readonly writtenStem: number[] = [];
  readonly writtenFlags: number[] = [];
  /** Characters at the end of the written form that are not part of a phrase: a possessive's "'s". */
  readonly writtenSuffix: number[] = [];
  readonly stemGeneric: boolean[] = [];
  /** Lower-case words the corpus writes in lower case: elsewhere their capital is only a title's or sentence's. */
  readonly lowerCase = new Set<string>();

  private readonly compounds = new Map<string, number | undefined>();

  /** The word classes of a hyphenated compound as written, undefined when the lexicon does not know it. */
  compoundClasses(written: string): number | undefined {
    if (!this.compounds.has(written))
      this.compounds.set(
        written,
        /\p{Lu}.*\p{Lu}|\p{N}/u.test(written) ? undefined : wordClasses(written.toLowerCase()),
      );
    return this.compounds.get(written);
  }

  lookup(written: string): number {
    let id = this.written.get(written);
    if (id === undefined) {
      id = this.writtenStem.length;
      this.written.set(written, id);
      const bare = written.replace(/['’]s$/i, '');
      const lower = bare.toLowerCase();
      if (bare === lower) this.lowerCase.add(lower);
      let flags = 0;
      if (PHRASE_STOPWORDS.has(lower) || (ADVERB.test(lower) && !NOT_ADVERBS.has(lower))) flags |= STOP;
      if (lower.length < 2 || /^\d+$/.test(lower)) flags |= FILLER;
      if (SUBJECTS.has(lower)) flags |= BEFORE_VERB;
      // Acronyms and names with digits (AI, SNNs, GPT-4o) are nouns, whatever "ai" means in a dictionary.
      const acronym = /\p{Lu}.*\p{Lu}|\p{N}/u.test(bare);
      flags |= (acronym ? undefined : wordClasses(lower)) ?? NOUN | MOSTLY_NOUN;
      const stem = stemmer(lower);
      let stemId = this.stemIds.get(stem);
      if (stemId === undefined) {
        stemId = this.stemGeneric.length;
        this.stemIds.set(stem, stemId);
        this.stemGeneric.push(GENERIC_STEMS.has(stem) || (flags & (STOP | FILLER)) !== 0);
      }
      this.writtenStem.push(stemId);
      this.writtenFlags.push(flags);
      this.writtenSuffix.push(written.length - bare.length);
    }
    return id;
  }
}

/** A growable Int32Array. */
class IntList {
  data = new Int32Array(256);
  length = 0;
  push(value: number): void {
    if (this.length === this.data.length) {
      const grown = new Int32Array(this.data.length * 2);
      grown.set(this.data);
      this.data = grown;
    }
    this.data[this.length++] = value;
  }
  copy(): Int32Array {
    return this.data.slice(0, this.length);
  }
}

/** Scratch lists for tokenising one paper, reused for the next. */
const scratch = {
  stems: new IntList(),
  flags: new IntList(),
  starts: new IntList(),
  ends: new IntList(),
  /** 1 where a word is joined to the next by a hyphen, 2 where punctuation or the end of the text follows it. */
  gaps: new IntList(),
  unitFirst: new IntList(),
  unitLast: new IntList(),
  runStart: new IntList(),
  unitClasses: new IntList(),
  spans: new IntList(),
  runEnds: new IntList(),
};

function tokenizeText(text: string, vocabulary: Vocabulary): void {
  const { stems, flags, starts, ends, gaps } = scratch;
  let previousEnd = -1;
  for (const match of text.matchAll(WORD)) {
    const start = match.index;
    if (previousEnd >= 0) {
      // A single hyphen joins a compound; spaces keep the run going; anything else ends it.
      const char = text.charCodeAt(previousEnd);
      if (start - previousEnd === 1 && char === 32) {
        // the common case: one space
      } else if (start - previousEnd === 1 && (char === 45 || char === 0x2010 || char === 0x2011))
        gaps.data[gaps.length - 1] = 1;
      else if (!/^\s+$/.test(text.slice(previousEnd, start))) gaps.data[gaps.length - 1] = 2;
    }
    const id = vocabulary.lookup(match[0]);
    stems.push(vocabulary.writtenStem[id]!);
    flags.push(vocabulary.writtenFlags[id]!);
    starts.push(start);
    previousEnd = start + match[0].length;
    ends.push(previousEnd - vocabulary.writtenSuffix[id]!);
    gaps.push(0);
  }
  if (gaps.length > 0) gaps.data[gaps.length - 1] = 2;
}

/**
 * Groups the scratch words into units: each compound (words joined by hyphens) without the stop
 * words at its ends, so "SNN-based" gives "SNN" and "state-of-the-art" stays whole.
 */
function groupUnits(document: Document, titleWords: number, vocabulary: Vocabulary): void {
  const { flags, gaps, unitFirst, unitLast, runStart, unitClasses } = scratch;
  let newRun = true;
  for (let start = 0; start < gaps.length; ) {
    let end = start;
    while (gaps.data[end] === 1) end++;
    let first = start;
    let last = end;
    while (first <= last && flags.data[first]! & STOP) first++;
    while (last >= first && flags.data[last]! & STOP) last--;
    let content = false;
    for (let word = first; word <= last; word++) if (!(flags.data[word]! & FILLER)) content = true;
    if (content) {
      if (first > start) newRun = true;
      unitFirst.push(first);
      unitLast.push(last);
      runStart.push(newRun ? 1 : 0);
      const text = first < titleWords ? document.title : document.text;
      const compound =
        first < last
          ? vocabulary.compoundClasses(text.slice(scratch.starts.data[first], scratch.ends.data[last]))
          : undefined;
      const afterSubject = first > 0 && flags.data[first - 1]! & BEFORE_VERB ? VERB : 0;
      unitClasses.push(
        (compound ?? (flags.data[last]! & (NOUN | MOSTLY_NOUN)) | (flags.data[first]! & VERB)) | afterSubject,
      );
      newRun = last < end || gaps.data[end] === 2;
    } else newRun = true;
    start = end + 1;
  }
}

/** True when units first to last can name a thing: see NOUN and BEFORE_VERB. */
function namesThing(first: number, last: number): boolean {
  const classes = scratch.unitClasses.data;
  return (classes[first]! & VERB) === 0 && (classes[last]! & (first === last ? MOSTLY_NOUN : NOUN)) !== 0;
}

/** Counts the papers each phrase occurs in. */
class DocumentCounter {
  counts = new Int32Array(1 << 16);
  private last = new Int32Array(1 << 16).fill(-1);

  count(phrase: number, doc: number): void {
    if (phrase >= this.counts.length) {
      const counts = new Int32Array(Math.max(phrase + 1, this.counts.length * 2));
      counts.set(this.counts);
      this.counts = counts;
      const last = new Int32Array(counts.length).fill(-1);
      last.set(this.last);
      this.last = last;
    }
    if (this.last[phrase] !== doc) {
      this.last[phrase] = doc;
      this.counts[phrase]!++;
    }
  }
}

/**
 * Pass 1 over one paper: its words, units and runs. Every stretch of whole units inside a run, of
 * at most MAX_PHRASE_WORDS words, goes into the trie; those that can name a thing are counted and kept.
 */
function readPaper(
  document: Document,
  doc: number,
  vocabulary: Vocabulary,
  trie: PhraseTrie,
  frequency: DocumentCounter,
): PaperText {
  for (const list of Object.values(scratch)) list.length = 0;
  tokenizeText(document.title, vocabulary);
  const titleWords = scratch.stems.length;
  tokenizeText(document.text, vocabulary);
  groupUnits(document, titleWords, vocabulary);
  const { stems, unitFirst, unitLast, runStart, spans, runEnds } = scratch;
  const units = unitFirst.length;
  for (let start = 0; start < units; ) {
    let end = start + 1;
    while (end < units && runStart.data[end] === 0) end++;
    for (let first = start; first < end; first++) {
      let phrase = 0;
      const firstWord = unitFirst.data[first]!;
      for (let last = first; last < end && unitLast.data[last]! - firstWord < MAX_PHRASE_WORDS; last++) {
        for (let word = unitFirst.data[last]!; word <= unitLast.data[last]!; word++)
          phrase = trie.intern(phrase, stems.data[word]!);
        if (!namesThing(first, last)) continue;
        frequency.count(phrase, doc);
        spans.push(phrase);
        spans.push(firstWord);
        spans.push(unitLast.data[last]!);
      }
    }
    runEnds.push(spans.length);
    start = end;
  }
  return {
    starts: scratch.starts.copy(),
    ends: scratch.ends.copy(),
    titleWords,
    spans: spans.copy(),
    runEnds: runEnds.copy(),
  };
}

/** The trie of phrases: an open-addressing table from (prefix, stem) to phrase id; 0 is the empty phrase. */
class PhraseTrie {
  parent = new Int32Array(1 << 16);
  stem = new Int32Array(1 << 16);
  size = 1;
  private table = new Int32Array(1 << 17);
  private mask = (1 << 17) - 1;

  private slot(parent: number, stem: number): number {
    return (Math.imul(parent, 0x9e3779b1) ^ Math.imul(stem + 1, 0x85ebca6b)) & this.mask;
  }

  /** Frees the table once every phrase is in: ids, prefixes and stems stay. */
  close(): void {
    this.table = new Int32Array(0);
  }

  intern(parent: number, stem: number): number {
    let slot = this.slot(parent, stem);
    for (; ; slot = (slot + 1) & this.mask) {
      const id = this.table[slot]!;
      if (id === 0) break;
      if (this.parent[id] === parent && this.stem[id] === stem) return id;
    }
    const id = this.size++;
    if (id === this.parent.length) {
      const parents = new Int32Array(id * 2);
      parents.set(this.parent);
      this.parent = parents;
      const stems = new Int32Array(id * 2);
      stems.set(this.stem);
      this.stem = stems;
    }
    this.parent[id] = parent;
    this.stem[id] = stem;
    this.table[slot] = id;
    if (this.size * 2 > this.table.length) this.grow();
    return id;
  }

  private grow(): void {
    this.table = new Int32Array(this.table.length * 2);
    this.mask = this.table.length - 1;
    for (let id = 1; id < this.size; id++) {
      let slot = this.slot(this.parent[id]!, this.stem[id]!);
      while (this.table[slot] !== 0) slot = (slot + 1) & this.mask;
      this.table[slot] = id;
    }
  }
}

const NO_SPANS = new Int32Array(0);

export function buildPhraseCorpus(documents: Document[]): PhraseCorpus {
  const vocabulary = new Vocabulary();
  const trie = new PhraseTrie();
  const frequency = new DocumentCounter();
  const texts = documents.map((document, doc) => readPaper(document, doc, vocabulary, trie, frequency));
  trie.close();
  const documentFrequency = frequency.counts;

  // Pass 2: which phrases each paper uses, and which it uses on their own: an occurrence inside a
  // longer phrase of the same run that is itself a term (used by two papers or more) does not count.
  const ownFrequency = new Int32Array(documentFrequency.length);
  const weight = new Float64Array(documentFrequency.length);
  const seen = new Int32Array(documentFrequency.length).fill(-1);
  const valid: number[] = [];
  const own = new IntList();
  const used = new IntList();
  const usedFirst = new IntList();
  const usedLast = new IntList();
  const papers = texts.map((paper, doc): PaperPhrases => {
    own.length = used.length = usedFirst.length = usedLast.length = 0;
    const { spans } = paper;
    let runStart = 0;
    for (const runEnd of paper.runEnds) {
      valid.length = 0;
      for (let span = runStart; span < runEnd; span += 3)
        if (documentFrequency[spans[span]!]! >= MIN_DOCUMENT_FREQUENCY) valid.push(span);
      for (const span of valid) {
        const phrase = spans[span]!;
        const first = spans[span + 1]!;
        const last = spans[span + 2]!;
        if (seen[phrase] !== doc) {
          seen[phrase] = doc;
          used.push(phrase);
          usedFirst.push(first);
          usedLast.push(last);
        }
        if (valid.some((other) => other !== span && spans[other + 1]! <= first && spans[other + 2]! >= last)) continue;
        if (weight[phrase] === 0) own.push(phrase);
        weight[phrase]! += first < paper.titleWords ? TITLE_WEIGHT : 1;
      }
      runStart = runEnd;
    }
    // Pass 2 is the last to read a paper's occurrences; 100,000 papers have some 15 million.
    paper.spans = NO_SPANS;
    const ownPhrases = own.copy();
    const weights = new Float32Array(ownPhrases.length);
    ownPhrases.forEach((phrase, index) => {
      weights[index] = weight[phrase]!;
      weight[phrase] = 0;
      ownFrequency[phrase]!++;
    });
    return { own: ownPhrases, weights, used: used.copy(), usedFirst: usedFirst.copy(), usedLast: usedLast.copy() };
  });

  const stems = (phrase: number) => {
    const result: number[] = [];
    for (let id = phrase; id !== 0; id = trie.parent[id]!) result.unshift(trie.stem[id]!);
    return result;
  };
  // 1 generic, 2 not, 0 not yet known: a phrase is generic when its prefix is and its last word is.
  const generic = new Uint8Array(trie.size);
  const isGeneric = (phrase: number): boolean => {
    if (phrase === 0) return true;
    if (generic[phrase] === 0)
      generic[phrase] = vocabulary.stemGeneric[trie.stem[phrase]!] && isGeneric(trie.parent[phrase]!) ? 1 : 2;
    return generic[phrase] === 1;
  };
  return {
    documents: documents.length,
    documentFrequency,
    ownFrequency,
    papers,
    stems,
    isGeneric,
    surface: (doc, first, last) => {
      const paper = texts[doc]!;
      const text = first < paper.titleWords ? documents[doc]!.title : documents[doc]!.text;
      return text
        .slice(paper.starts[first], paper.ends[last])
        .replace(/\s+/g, ' ')
        .replace(WORD, (word) =>
          /^\p{Lu}[^\p{Lu}\p{N}]*$/u.test(word) && vocabulary.lowerCase.has(word.toLowerCase())
            ? word.toLowerCase()
            : word,
        );
    },
  };
}
