/**
 * Stage 2, normalise: verbatim listing → display text with proper typography, and a match key.
 *
 * The dumps carry remnants of the LaTeX the abstracts were written in (`\%`, ``` ``x'' ```, `M^{3}`,
 * `textbf{Gen}`, `\href{url}{text}` flattened to `url{text}`). These are text repairs, not escaping:
 * escaping for MDX happens by construction when the page is serialised.
 */
import type { Listing, NormalisedListing } from './types.ts';

const SUPERSCRIPT: Record<string, string> = {
  '0': '⁰',
  '1': '¹',
  '2': '²',
  '3': '³',
  '4': '⁴',
  '5': '⁵',
  '6': '⁶',
  '7': '⁷',
  '8': '⁸',
  '9': '⁹',
  '+': '⁺',
  '-': '⁻',
  '−': '⁻',
  '=': '⁼',
  '(': '⁽',
  ')': '⁾',
  n: 'ⁿ',
  i: 'ⁱ',
};
const SUBSCRIPT: Record<string, string> = {
  '0': '₀',
  '1': '₁',
  '2': '₂',
  '3': '₃',
  '4': '₄',
  '5': '₅',
  '6': '₆',
  '7': '₇',
  '8': '₈',
  '9': '₉',
  '+': '₊',
  '-': '₋',
  '=': '₌',
  '(': '₍',
  ')': '₎',
};
const ACCENT_MARKS: Record<string, string> = {
  "'": '\u0301',
  '`': '\u0300',
  '^': '\u0302',
  '"': '\u0308',
  '~': '\u0303',
  '=': '\u0304',
  '.': '\u0307',
};
/** Symbols that appear with their backslash. */
const SYMBOLS: Record<string, string> = {
  times: '×',
  approx: '≈',
  sim: '~',
  leq: '≤',
  le: '≤',
  geq: '≥',
  ge: '≥',
  neq: '≠',
  pm: '±',
  cdot: '·',
  infty: '∞',
  circ: '∘',
  ldots: '…',
  dots: '…',
  cdots: '⋯',
  in: '∈',
  ll: '≪',
  gg: '≫',
  propto: '∝',
  alpha: 'α',
  beta: 'β',
  gamma: 'γ',
  delta: 'δ',
  epsilon: 'ε',
  varepsilon: 'ε',
  eta: 'η',
  theta: 'θ',
  lambda: 'λ',
  mu: 'μ',
  pi: 'π',
  rho: 'ρ',
  sigma: 'σ',
  tau: 'τ',
  phi: 'φ',
  psi: 'ψ',
  omega: 'ω',
  Phi: 'Φ',
  Psi: 'Ψ',
  Omega: 'Ω',
  Delta: 'Δ',
  Sigma: 'Σ',
  Gamma: 'Γ',
  Lambda: 'Λ',
};
/** Arrows are unambiguous words, so they are repaired whether or not the backslash survived. */
const ARROWS: Record<string, string> = {
  rightarrow: '→',
  leftarrow: '←',
  Rightarrow: '⇒',
  Leftarrow: '⇐',
  leftrightarrow: '↔',
  Leftrightarrow: '⇔',
  uparrow: '↑',
  downarrow: '↓',
  mapsto: '↦',
  longrightarrow: '⟶',
};
const STYLE_COMMANDS =
  'textbf|textit|texttt|textsc|textrm|textsf|emph|underline|mathrm|mathbf|mathit|mathsf|mathtt|mathcal|mathbb|mathscr|boldsymbol|operatorname';

const URL_PATTERN = /\bhttps?:\/\/[^\s{}<>"]+/g;

function mapAll(text: string, table: Record<string, string>): string | null {
  let out = '';
  for (const char of text) {
    const mapped = table[char];
    if (mapped === undefined) return null;
    out += mapped;
  }
  return out;
}

/** `M^{3}` → M³, `8e^{-5}` → 8e⁻⁵; a script with no Unicode form keeps a readable `^(…)`. */
function repairScripts(text: string): string {
  return text
    .replace(/\^\{([^{}]*)\}|\^([0-9n])/g, (_match, group: string | undefined, single: string | undefined) => {
      const content = group ?? single ?? '';
      return mapAll(content, SUPERSCRIPT) ?? (content.length === 1 ? `^${content}` : `^(${content})`);
    })
    .replace(/_\{([^{}]*)\}/g, (_match, content: string) => mapAll(content, SUBSCRIPT) ?? `_(${content})`);
}

/** Text without any of these has no LaTeX to repair, which is most text: it skips every rule below. */
const LATEX_HINT = new RegExp(`[\\\\^_{}\`]|${STYLE_COMMANDS}|${Object.keys(ARROWS).join('|')}`);

/** Display text for a title or an abstract. Pure, so the same input always gives the same page. */
export function normaliseText(input: string): string {
  let text = input.normalize('NFC');
  if (!LATEX_HINT.test(text)) return text.replace(/\s+/g, ' ').trim();
  // `{\raise.17ex\hbox{$\scriptstyle\sim$}}` lost its backslashes and became `{raise.17ex\scriptstyle\sim}`.
  text = text.replace(/\{\s*\\?raise[^{}]*?\\?scriptstyle\s*\\?sim\s*\}/g, '~');
  // `\href{url}{text}` flattened to `url{text}`: keep the words and the address.
  text = text.replace(
    /(https?:\/\/[^\s{}]+?)([.,;:]?)\{([^{}]*)\}?/g,
    (_m, url: string, stop: string, label: string) =>
      label.trim() ? `${label.trim()} (${url})${stop}` : `${url}${stop}`,
  );
  text = text.replace(/\\([`'^"~=.])\{?([A-Za-z])\}?/g, (_m, accent: string, letter: string) =>
    `${letter}${ACCENT_MARKS[accent] ?? ''}`.normalize('NFC'),
  );
  text = text.replace(/``([^`']*?)(''|")/g, '“$1”').replace(/(^|[\s(])`([^`'\n]+)'/g, '$1‘$2’');
  text = text.replace(new RegExp(`\\\\?(?:${STYLE_COMMANDS})\\{([^{}]*)\\}`, 'g'), '$1');
  text = text.replace(
    /\\?\b(rightarrow|leftarrow|Rightarrow|Leftarrow|leftrightarrow|Leftrightarrow|uparrow|downarrow|mapsto|longrightarrow)\b/g,
    (_m, name: string) => ARROWS[name] ?? name,
  );
  text = text.replace(/\\([A-Za-z]+)\b/g, (match, name: string) => SYMBOLS[name] ?? match);
  text = text
    .replace(/\\([%&_#${}])/g, '$1')
    .replace(/\\ /g, ' ')
    .replace(/\\,/g, ' ');
  text = repairScripts(text);
  // Braces around a number (`{20.97%}`) only grouped it for LaTeX; other braces may be meant.
  text = text.replace(/\{([\d.,%+\-−]*\d[\d.,%+\-−]*)\}/g, '$1');
  return text.replace(/\s+/g, ' ').trim();
}

/**
 * The match key of a title: listings with the same key are the same paper.
 * Case, accents, punctuation, LaTeX remnants and spacing do not count.
 */
export function titleKey(displayTitle: string): string {
  return displayTitle
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

export function normaliseListing(listing: Listing): NormalisedListing {
  const displayTitle = normaliseText(listing.title);
  return {
    ...listing,
    displayTitle,
    displayAbstract: normaliseText(listing.abstract),
    key: titleKey(displayTitle),
  };
}

/** Web addresses in display text, without the sentence punctuation that follows them. */
export function findUrls(text: string): string[] {
  const urls: string[] = [];
  for (const match of text.matchAll(URL_PATTERN)) urls.push(trimUrl(match[0]));
  return urls;
}

/** `https://x.org/a).` → `https://x.org/a`, but `https://x.org/a_(b)` keeps its balanced parenthesis. */
export function trimUrl(url: string): string {
  let trimmed = url;
  for (;;) {
    const last = trimmed.at(-1);
    if (last && '.,;:!?\'"'.includes(last)) trimmed = trimmed.slice(0, -1);
    else if (last === ')' && (trimmed.match(/\(/g)?.length ?? 0) < (trimmed.match(/\)/g)?.length ?? 0))
      trimmed = trimmed.slice(0, -1);
    else return trimmed;
  }
}
