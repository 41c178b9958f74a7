/**
 * Stage 1, parse: a dump's text → its title/abstract listings, verbatim.
 *
 * Two layouts occur and are detected per file from the text itself:
 * - block: header lines, then title, blank line, abstract, blank lines;
 * - line: two header lines, `Subscribe` glued to the first title, then title/abstract lines alternating.
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
  for (let i = start; i < lines.length; i++) {
    const text = (lines[i] ?? '').replace(/\s+$/u, '').replace(/^\s+/u, '');
    if (text === '') {
      current = null;
      continue;
    }
    if (layout === 'block' && current) {
      current.text += ` ${text}`;
    } else {
      current = { text, line: i + 1 };
      units.push(current);
    }
  }
  return units;
}

/**
 * True for text that reads as an abstract rather than a title: long, or a long sentence ending in a full stop.
 * In the seeds titles are at most 165 characters and never end with a full stop; abstracts are 492 or more.
 */
export function looksLikeAbstract(text: string): boolean {
  return text.length > 300 || (text.length > 100 && text.endsWith('.'));
}

/** A title that reads like prose is still a title when a clearly longer abstract follows it. */
function isTitle(text: string, next: string | undefined): boolean {
  if (!looksLikeAbstract(text)) return true;
  return next !== undefined && text.length <= 250 && next.length > 2 * text.length && looksLikeAbstract(next);
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

  let i = 0;
  while (i < units.length) {
    const title = units[i] as Unit;
    const next = units[i + 1];
    if (!isTitle(title.text, next?.text)) {
      diagnostics.push({
        severity: 'error',
        ...at(title),
        message: 'abstract with no title before it; skipped',
      });
      i += 1;
      continue;
    }
    // A title whose next unit is another title (itself followed by an abstract) has lost its abstract.
    const abstractMissing =
      next === undefined ||
      (!looksLikeAbstract(next.text) && units[i + 2] !== undefined && looksLikeAbstract(units[i + 2]!.text));
    if (abstractMissing) {
      diagnostics.push({
        severity: 'warning',
        ...at(title),
        message: `title with no abstract${next === undefined ? ' at the end of the file' : ''}; kept without one`,
      });
      listings.push({ origin: at(title), topic, title: title.text, abstract: '' });
      i += 1;
      continue;
    }
    listings.push({ origin: at(title), topic, title: title.text, abstract: next.text });
    i += 2;
  }
  return { layout, listings, diagnostics };
}
