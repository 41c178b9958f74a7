/**
 * Stage 1, parse: a dump's text → its title/abstract listings, verbatim.
 *
 * Two layouts occur and are detected per file from the text itself:
 * - block: header lines, then title, blank line, abstract, blank lines;
 * - line: two header lines, `Subscribe` glued to the first title, then title/abstract lines alternating.
 *
 * Which unit is a title and which an abstract is decided for the whole file at once: papers
 * alternate title, abstract, title, abstract, and a unit's own look (length, final full stop,
 * sentences, capitalisation) is only evidence. A Viterbi pass finds the labelling that fits best,
 * so one odd unit cannot shift the rest; a break in the alternation is a listing that lost its
 * abstract or its title, reported with its line and kept.
 */
import type { Diagnostic, Listing, SourceFile } from './types.ts';

export type Layout = 'block' | 'line';

export interface ParseResult {
  layout: Layout;
  listings: Listing[];
  diagnostics: Diagnostic[];
}

const HEADER_LINES = new Set([
  'new',
  'subscribe',
  'get trending papers in your email inbox!',
  'get trending papers in your email inbox once a day!',
  'byak and the research community',
]);
const SUBSCRIBE_PREFIX = 'Subscribe';
const DATE_LINE = /^(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.? \d{1,2}(, \d{4})?$/i;

/** A paragraph (block layout) or a line (line layout), with the line it starts on. */
interface Unit {
  text: string;
  line: number;
  /** Blank lines between this unit and the one before it. */
  gap: number;
}

function isHeaderLine(line: string): boolean {
  return HEADER_LINES.has(line.toLowerCase()) || DATE_LINE.test(line);
}

/** Drops the site's header lines; un-glues `Subscribe` from a first title. Returns the first content line index. */
function skipHeader(lines: string[]): number {
  let index = 0;
  while (index < lines.length) {
    const line = (lines[index] ?? '').trim();
    if (line === '' || isHeaderLine(line)) {
      index++;
      continue;
    }
    if (line.startsWith(SUBSCRIBE_PREFIX) && line.length > SUBSCRIBE_PREFIX.length && index < 4) {
      lines[index] = line.slice(SUBSCRIBE_PREFIX.length);
    }
    break;
  }
  return index;
}

/** Block layout has blank lines between its content lines; line layout has none. */
function detectLayout(lines: string[], start: number): Layout {
  let blanks = 0;
  let contents = 0;
  for (let i = start; i < lines.length; i++) {
    if ((lines[i] ?? '').trim() === '') blanks++;
    else contents++;
  }
  return blanks >= contents / 2 && contents > 1 ? 'block' : 'line';
}

function toUnits(lines: string[], start: number, layout: Layout): Unit[] {
  const units: Unit[] = [];
  let current: Unit | null = null;
  let gap = 0;
  for (let i = start; i < lines.length; i++) {
    // String#trim drops exactly what /\s/ matches, CR and BOM included.
    const text = (lines[i] ?? '').trim();
    if (text === '') {
      current = null;
      gap++;
      continue;
    }
    if (layout === 'block' && current) {
      current.text += ` ${text}`;
    } else {
      current = { text, line: i + 1, gap };
      units.push(current);
    }
    gap = 0;
  }
  return units;
}

/** Evidence is in log-odds of title against abstract, weighed by hand on the seeds; no unit says more than this. */
const MAX_EVIDENCE = 6;
/**
 * What breaking the alternation costs: a title without abstract, or an abstract without title.
 * Relabelling a run of units takes two breaks, and 2 × 9 is as much as the strongest evidence of
 * three units (ties keep the alternation), so only a longer run that plainly contradicts it breaks it.
 */
const BREAK_COST = 9;
/**
 * What a label against a file's blank-line structure costs, where it has one (see gapKinds):
 * more than two breaks and the strongest evidence together, so the blank lines decide.
 */
const GAP_COST = 2 * BREAK_COST + MAX_EVIDENCE;
/** Capitalisation is judged on this many words of four letters or more: enough to tell. */
const CAPITAL_SAMPLE = 12;
/**
 * Sentences and words are read from a unit's first characters only, so its look costs bounded time:
 * most titles, and the first sentence or two of an abstract, whose length and full stop speak anyway.
 */
const SCAN_LENGTH = 200;
/** Closing and opening quotes and brackets, by character code: `"` `'` `”` `’` `)` `]` and `"` `'` `“` `‘` `(`. */
const CLOSING = new Set([0x22, 0x27, 0x201d, 0x2019, 0x29, 0x5d]);
const OPENING = new Set([0x22, 0x27, 0x201c, 0x2018, 0x28]);

const clamp = (value: number, low: number, high: number) => Math.min(high, Math.max(low, value));
/** A letter of a script with case (Latin, Greek, Cyrillic…); ASCII answered from its code alone. */
function isCasedLetter(text: string, index: number, code: number): boolean {
  if (code < 128) return (code | 32) >= 97 && (code | 32) <= 122;
  const char = text[index]!;
  return char.toLowerCase() !== char.toUpperCase();
}
function isUpperCase(text: string, index: number): boolean {
  const code = text.charCodeAt(index);
  if (code < 128) return code >= 65 && code <= 90;
  const char = text[index]!;
  return char !== char.toLowerCase();
}
const isSpace = (code: number) => code === 32 || code === 9 || code === 160;
const isSentenceMark = (code: number) => code === 0x2e || code === 0x21 || code === 0x3f;

/**
 * Evidence from how a text ends: a full stop is an abstract's, no stop a title's, a question more
 * often a title's (12 of the seeds' titles, no abstract); a web address, which ends abstracts too, says nothing.
 */
function endingEvidence(text: string): number {
  let end = text.length - 1;
  while (end > 0 && CLOSING.has(text.charCodeAt(end))) end--;
  const mark = text[end];
  if (mark === '.' || mark === '!') return -2.5;
  if (mark === '?') return 1;
  return text.includes('/', text.lastIndexOf(' ') + 1) ? 0 : 2;
}

/** What a text's opening shows: sentence ends inside it (`. Next`, up to two) and its capitalised long words after the first word. */
interface Opening {
  sentenceEnds: number;
  longWords: number;
  capitalised: number;
}

/** One pass over the first SCAN_LENGTH characters, stopping once both counts are known. */
function readOpening(text: string): Opening {
  const end = Math.min(text.length, SCAN_LENGTH);
  const opening: Opening = { sentenceEnds: 0, longWords: 0, capitalised: 0 };
  let afterFirstWord = false;
  let run = 0;
  for (let i = 0; i < end && (opening.sentenceEnds < 2 || opening.longWords < CAPITAL_SAMPLE); i++) {
    const code = text.charCodeAt(i);
    if (isCasedLetter(text, i, code)) {
      run++;
      if (run === 4 && afterFirstWord && opening.longWords < CAPITAL_SAMPLE) {
        opening.longWords++;
        if (isUpperCase(text, i - 3)) opening.capitalised++;
      }
      continue;
    }
    run = 0;
    if (isSpace(code)) afterFirstWord = true;
    if (!isSentenceMark(code)) continue;
    let next = i + 1;
    while (next < text.length && CLOSING.has(text.charCodeAt(next))) next++;
    if (next === text.length || !isSpace(text.charCodeAt(next))) continue;
    while (next < text.length && isSpace(text.charCodeAt(next))) next++;
    while (next < text.length && OPENING.has(text.charCodeAt(next))) next++;
    if (next < text.length && isUpperCase(text, next)) opening.sentenceEnds++;
  }
  return opening;
}

/**
 * How much a unit's own look says it is a title (positive) or an abstract (negative). In the seeds
 * titles are 17–165 characters, never end with a full stop and hold one sentence, six in seven in
 * Title Case; abstracts are 492–1919 characters of several sentences in sentence case, ending with
 * a full stop or a web address. Titles of up to 500 characters and one-sentence abstracts occur
 * elsewhere, so length only speaks clearly beyond that, and sentence case, which some titles
 * use, speaks softly. Each piece is capped so no one of them decides alone.
 */
function titleEvidence(text: string): number {
  let evidence = clamp(Math.log2(300 / text.length), -4, 1);
  evidence += endingEvidence(text);
  const opening = readOpening(text);
  evidence -= 1.5 * opening.sentenceEnds;
  if (opening.longWords >= 2) {
    const share = opening.capitalised / opening.longWords;
    evidence += share >= 0.4 ? Math.min(2, 5 * (share - 0.4)) : Math.max(-1, 2.5 * (share - 0.4));
  }
  return clamp(evidence, -MAX_EVIDENCE, MAX_EVIDENCE);
}

/**
 * Blank-line runs are structure when a block-layout file has two kinds, one blank line inside a
 * paper and two or more between papers, each before at least a quarter of its units. Then each
 * unit's run says whether a paper starts there (kind 2) or not (kind 1); otherwise it says nothing (0).
 */
function gapKinds(units: Unit[]): Uint8Array {
  const kinds = new Uint8Array(units.length);
  let single = 0;
  let longer = 0;
  for (let i = 1; i < units.length; i++) {
    if (units[i]!.gap === 1) single++;
    else if (units[i]!.gap > 1) longer++;
  }
  const gaps = units.length - 1;
  if (single < gaps / 4 || longer < gaps / 4) return kinds;
  for (let i = 1; i < units.length; i++) kinds[i] = units[i]!.gap > 1 ? 2 : units[i]!.gap === 1 ? 1 : 0;
  return kinds;
}

/** A unit's label: a title, the abstract of the title before it, or an abstract whose title is missing. */
const TITLE = 0;
const ABSTRACT = 1;
const ORPHAN = 2;
const LABELS = 3;
/** Alternation's cost of each label after each label (row: before, column: after), and at the file's ends. */
const TRANSITION_COST = [
  [BREAK_COST, 0, 2 * BREAK_COST],
  [0, Infinity, BREAK_COST],
  [0, Infinity, BREAK_COST],
];
const START_COST = [0, Infinity, BREAK_COST];
const END_COST = [BREAK_COST, 0, 0];

/**
 * Every unit's label: the labelling with the highest total score, where a title earns half its
 * unit's evidence, an abstract loses it, and each transition costs as above, plus GAP_COST where
 * a paper starts (any label but ABSTRACT) against the blank lines, or does not start on two.
 * Ties go to alternation. Linear: LABELS running scores and one choice per unit and label.
 */
function labelUnits(units: Unit[]): Uint8Array {
  const count = units.length;
  const kinds = gapKinds(units);
  const from = new Uint8Array(count * LABELS);
  const score = new Float64Array(LABELS);
  const next = new Float64Array(LABELS);
  const first = titleEvidence(units[0]!.text) / 2;
  for (let label = 0; label < LABELS; label++) score[label] = (label === TITLE ? first : -first) - START_COST[label]!;
  for (let i = 1; i < count; i++) {
    const kind = kinds[i]!;
    const evidence = titleEvidence(units[i]!.text) / 2;
    for (let label = 0; label < LABELS; label++) {
      const gapCost = kind !== 0 && (label !== ABSTRACT) !== (kind === 2) ? GAP_COST : 0;
      let best = -Infinity;
      let bestFrom = 0;
      for (let before = 0; before < LABELS; before++) {
        const cost = TRANSITION_COST[before]![label]!;
        const candidate = score[before]! - cost;
        if (candidate > best || (candidate === best && cost < TRANSITION_COST[bestFrom]![label]!)) {
          best = candidate;
          bestFrom = before;
        }
      }
      from[i * LABELS + label] = bestFrom;
      next[label] = best - gapCost + (label === TITLE ? evidence : -evidence);
    }
    score.set(next);
  }
  const labels = new Uint8Array(count);
  let last = TITLE;
  for (let label = 1; label < LABELS; label++) {
    if (score[label]! - END_COST[label]! >= score[last]! - END_COST[last]!) last = label;
  }
  labels[count - 1] = last;
  for (let i = count - 1; i > 0; i--) labels[i - 1] = from[i * LABELS + labels[i]!]!;
  return labels;
}

const MADE_UP_TITLE_WORDS = 8;

/** A title for an abstract whose own is missing: its first words, with an ellipsis if it goes on. */
function titleFromFirstWords(abstract: string): string {
  const words = abstract.split(/\s+/, MADE_UP_TITLE_WORDS + 1);
  const head = words
    .slice(0, MADE_UP_TITLE_WORDS)
    .join(' ')
    .replace(/[\s,;:.!?]+$/u, '');
  return words.length > MADE_UP_TITLE_WORDS ? `${head}…` : head;
}

export function parseDump(source: SourceFile, topic: string): ParseResult {
  const lines = source.text.split('\n');
  const start = skipHeader(lines);
  const layout = detectLayout(lines, start);
  const units = toUnits(lines, start, layout);
  const listings: Listing[] = [];
  const diagnostics: Diagnostic[] = [];
  const at = (unit: Unit) => ({ file: source.path, line: unit.line });

  if (units.length === 0) {
    diagnostics.push({ severity: 'warning', file: source.path, message: 'no listings found (header only)' });
    return { layout, listings, diagnostics };
  }

  const labels = labelUnits(units);
  for (let i = 0; i < units.length; i++) {
    const unit = units[i]!;
    if (labels[i] === ORPHAN) {
      diagnostics.push({
        severity: 'warning',
        ...at(unit),
        message: 'abstract with no title before it; kept, titled from its first words',
      });
      listings.push({
        origin: at(unit),
        topic,
        title: titleFromFirstWords(unit.text),
        abstract: unit.text,
        titleFromAbstract: true,
      });
      continue;
    }
    const next = units[i + 1];
    if (next === undefined || labels[i + 1] !== ABSTRACT) {
      diagnostics.push({
        severity: 'warning',
        ...at(unit),
        message: `title with no abstract${next === undefined ? ' at the end of the file' : ''}; kept without one`,
      });
      listings.push({ origin: at(unit), topic, title: unit.text, abstract: '' });
      continue;
    }
    // Alternation can outweigh any one unit's look; when it overrules the strongest, the file may be laid out otherwise.
    if (titleEvidence(unit.text) <= -MAX_EVIDENCE) {
      diagnostics.push({
        severity: 'warning',
        ...at(unit),
        message: 'reads like an abstract; taken as a title because titles and abstracts alternate here',
      });
    }
    listings.push({ origin: at(unit), topic, title: unit.text, abstract: next.text });
    i++;
  }
  return { layout, listings, diagnostics };
}
