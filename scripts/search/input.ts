/**
 * What Pagefind reads of a page, for telling whether a part of the search index must be built
 * again: the page's HTML without the elements marked `data-pagefind-ignore="all"`, which Pagefind
 * skips entirely (their text, filters and metadata). A paper's related list and the navigation
 * change whenever a neighbour does; leaving them out keeps an edit to one paper from re-indexing
 * every part that holds one of its neighbours.
 *
 * An element is cut only where its extent is certain: it is one whose end tag HTML never implies,
 * it holds no raw text (script, style…) or comment, and every tag inside it closes in order
 * (attribute values skipped), as Astro writes them. Anywhere else it stays in, which can cost an
 * unneeded re-index, never a stale one.
 */

const MARK = 'data-pagefind-ignore="all"';

/** Elements whose end tag the HTML parser never implies from what follows them. */
const CUTTABLE = new Set([
  'aside',
  'nav',
  'section',
  'div',
  'ul',
  'ol',
  'details',
  'header',
  'footer',
  'article',
  'main',
]);

/** Elements whose content is not markup, so a `<` inside them starts no tag. */
const RAW_TEXT = new Set([
  'script',
  'style',
  'textarea',
  'title',
  'xmp',
  'iframe',
  'noembed',
  'noframes',
  'noscript',
  'plaintext',
  'template',
]);

/** Elements that never have content or an end tag. */
const VOID = new Set([
  'area',
  'base',
  'br',
  'col',
  'embed',
  'hr',
  'img',
  'input',
  'link',
  'meta',
  'param',
  'source',
  'track',
  'wbr',
]);

interface Tag {
  name: string;
  closing: boolean;
  /** Written `<…/>`. */
  selfClosing: boolean;
  /** Its attributes, read only where asked for. */
  attributes: Map<string, string>;
  /** Index just after its `>`. */
  end: number;
}

const isSpace = (code: number) => code === 32 || code === 10 || code === 9 || code === 13 || code === 12;
const isNameStart = (code: number) => (code >= 97 && code <= 122) || (code >= 65 && code <= 90);
const isNamePart = (code: number) => isNameStart(code) || (code >= 48 && code <= 57) || code === 45;
/** Ends an attribute name: space, `"`, `'`, `>`, `/` or `=`. */
const endsAttributeName = (code: number) =>
  isSpace(code) || code === 34 || code === 39 || code === 62 || code === 47 || code === 61;

function skipWhile(html: string, at: number, test: (code: number) => boolean): number {
  let position = at;
  while (position < html.length && test(html.charCodeAt(position))) position++;
  return position;
}

/**
 * The tag at `at` (a `<`), or undefined where it is not a plain start or end tag. Written with
 * character codes rather than regular expressions: it runs for every tag inside every ignored
 * element of every page (10,000 paper pages: 0.24 s instead of 0.46 s).
 */
function readTag(html: string, at: number, readAttributes = false): Tag | undefined {
  const closing = html.charCodeAt(at + 1) === 47;
  const nameStart = at + (closing ? 2 : 1);
  if (!isNameStart(html.charCodeAt(nameStart))) return undefined;
  let position = skipWhile(html, nameStart + 1, isNamePart);
  const name = html.slice(nameStart, position).toLowerCase();
  const attributes = new Map<string, string>();
  for (;;) {
    position = skipWhile(html, position, isSpace);
    const code = html.charCodeAt(position);
    if (code === 62) return { name, closing, selfClosing: false, attributes, end: position + 1 };
    if (code === 47 && html.charCodeAt(position + 1) === 62)
      return { name, closing, selfClosing: true, attributes, end: position + 2 };
    const attributeEnd = skipWhile(html, position, (next) => !endsAttributeName(next));
    if (attributeEnd === position) return undefined;
    const attribute = readAttributes ? html.slice(position, attributeEnd).toLowerCase() : '';
    position = skipWhile(html, attributeEnd, isSpace);
    let value = '';
    if (html.charCodeAt(position) === 61) {
      position = skipWhile(html, position + 1, isSpace);
      const quote = html[position];
      if (quote === '"' || quote === "'") {
        const close = html.indexOf(quote, position + 1);
        if (close === -1) return undefined;
        if (readAttributes) value = html.slice(position + 1, close);
        position = close + 1;
      } else {
        const valueEnd = skipWhile(html, position, (next) => !isSpace(next) && next !== 62);
        if (readAttributes) value = html.slice(position, valueEnd);
        position = valueEnd;
      }
    }
    if (readAttributes) attributes.set(attribute, value);
  }
}

/**
 * Where the ignored element starting at `at` ends, or undefined where that is not certain: every
 * tag inside must close in order (void elements aside), as Astro writes them.
 */
function ignoredElementEnd(html: string, at: number): number | undefined {
  const start = readTag(html, at, true);
  if (!start || start.closing || start.attributes.get('data-pagefind-ignore') !== 'all' || !CUTTABLE.has(start.name))
    return undefined;
  const open = [start.name];
  let position = start.end;
  while (open.length > 0) {
    const next = html.indexOf('<', position);
    if (next === -1) return undefined;
    const tag = readTag(html, next);
    if (!tag || RAW_TEXT.has(tag.name)) return undefined;
    if (tag.closing) {
      if (open.pop() !== tag.name) return undefined;
    } else if (!VOID.has(tag.name)) {
      // `<div/>` is an open div to an HTML parser, but closed to this reading: too unsure to cut.
      if (tag.selfClosing) return undefined;
      open.push(tag.name);
    }
    position = tag.end;
  }
  return position;
}

export function searchInput(html: string): string {
  let kept = '';
  let from = 0;
  for (let found = html.indexOf(MARK); found !== -1; found = html.indexOf(MARK, Math.max(found + MARK.length, from))) {
    const start = html.lastIndexOf('<', found);
    if (start < from) continue;
    const end = ignoredElementEnd(html, start);
    if (end === undefined) continue;
    kept += html.slice(from, start);
    from = end;
  }
  return kept + html.slice(from);
}
