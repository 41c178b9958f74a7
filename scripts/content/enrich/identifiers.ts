/**
 * arXiv identifiers and DOIs in a paper's title or abstract, so its page can link to the paper
 * itself (src/lib/find-paper.ts builds the links). Found offline, from the text alone.
 */
import type { PaperIdentifiers } from '../types.ts';
import { trimUrl } from '../normalise.ts';

/** Archives of old-style identifiers (`cs/0112017`, `math.GT/0309136`), as arXiv lists them. */
const OLD_ARCHIVES = [
  'acc-phys',
  'adap-org',
  'alg-geom',
  'ao-sci',
  'astro-ph',
  'atom-ph',
  'bayes-an',
  'chao-dyn',
  'chem-ph',
  'cmp-lg',
  'comp-gas',
  'cond-mat',
  'cs',
  'dg-ga',
  'funct-an',
  'gr-qc',
  'hep-ex',
  'hep-lat',
  'hep-ph',
  'hep-th',
  'math',
  'math-ph',
  'mtrl-th',
  'nlin',
  'nucl-ex',
  'nucl-th',
  'patt-sol',
  'physics',
  'plasm-ph',
  'q-alg',
  'q-bio',
  'quant-ph',
  'solv-int',
  'supr-con',
];

/**
 * New style `YYMM.NNNN(N)` with an optional version, alone, after `arXiv:` or in an arxiv.org address.
 * Not part of a longer number or dotted version (`1.2401.12345`, `2401.12345.1`) nor of a DOI's word (`arXiv.2401…`).
 */
const NEW_STYLE = /(?<![\w.-])(\d{2})(\d{2})\.(\d{4,5})(?:v\d+)?(?![\w.]*\d|\w)/g;
const OLD_STYLE = new RegExp(
  `(?<![\\w.-])(${OLD_ARCHIVES.join('|')})(\\.[A-Z]{2})?/(\\d{2})(\\d{2})(\\d{3})(?:v\\d+)?(?![\\w.]*\\d|\\w)`,
  'g',
);
/** `10.<registrant>/<suffix>`; the suffix runs to the next space, less trailing punctuation. */
const DOI = /(?<![\w.])10\.\d{4,9}\/[^\s"<>]+/g;

/** A month 01–12 of a year arXiv existed in: new style from April 2007, old style 1991 to March 2007. */
const validMonth = (month: string) => Number(month) >= 1 && Number(month) <= 12;

function newStyle(text: string): string[] {
  const found: string[] = [];
  for (const match of text.matchAll(NEW_STYLE)) {
    const [, year, month, number] = match as unknown as [string, string, string, string];
    const yymm = Number(year + month);
    // Four-digit numbers until December 2014, five from January 2015.
    if (!validMonth(month) || yymm < 704 || number.length !== (yymm < 1501 ? 4 : 5)) continue;
    found.push(`${year}${month}.${number}`);
  }
  return found;
}

function oldStyle(text: string): string[] {
  const found: string[] = [];
  for (const match of text.matchAll(OLD_STYLE)) {
    const [, archive, subject = '', year, month, number] = match as unknown as [
      string,
      string,
      string | undefined,
      string,
      string,
      string,
    ];
    const yy = Number(year);
    if (!validMonth(month) || (yy > 7 && yy < 91) || (yy === 7 && Number(month) > 3)) continue;
    found.push(`${archive}${subject}/${year}${month}${number}`);
  }
  return found;
}

function dois(text: string): string[] {
  return [...text.matchAll(DOI)].map((match) => trimUrl(match[0])).filter((doi) => /\/[^/]/.test(doi));
}

const distinct = (items: string[]) => [...new Set(items)];

/** Identifiers in the texts, each once, arXiv ids without their version. */
export function findIdentifiers(texts: string[]): PaperIdentifiers {
  return {
    arxiv: distinct(texts.flatMap((text) => [...newStyle(text), ...oldStyle(text)])),
    doi: distinct(texts.flatMap(dois)),
  };
}
