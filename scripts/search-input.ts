/**
 * What Pagefind reads of a page, for telling whether a part of the search index must be built
 * again: the page's HTML without the elements marked `data-pagefind-ignore="all"`, which Pagefind
 * skips entirely (their text, filters and metadata). A paper's related list and the navigation
 * change whenever a neighbour does; leaving them out keeps an edit to one paper from re-indexing
 * every part that holds one of its neighbours.
 *
 * An element is cut only where its extent is certain: it is one whose end tag HTML never implies,
 * it holds no raw text (script, style…) or comment, and its end tag is found by counting start and
 * end tags of its name, attribute values skipped. Anywhere else it stays in, which can cost an
 * unneeded re-index, never a stale one.
 */

const MARK = 'data-pagefind-ignore="all"';

/** Elements whose end tag the HTML parser never implies from what follows them. */
const CUTTABLE = new Set(['aside', 'nav', 'section', 'div', 'ul', 'ol', 'details', 'header', 'footer', 'article', 'main']);

/** Elements whose content is not markup, so a `<` inside them starts no tag. */
const RAW_TEXT = new Set(['script', 'style', 'textarea', 'title', 'xmp', 'iframe', 'noembed', 'noframes', 'noscript', 'plaintext', 'template']);

interface Tag {
  name: string;
  closing: boolean;
  attributes: Map<string, string>;
  /** Index just after its `>`. */
  end: number;
}

const TAG_NAME = /[a-zA-Z][a-zA-Z0-9-]*/y;
const SPACE = /[\t\n\f\r ]*/y;
const ATTRIBUTE_NAME = /[^\t\n\f\r "'>/=]+/y;
const UNQUOTED_VALUE = /[^\t\n\f\r >]*/y;

function match(pattern: RegExp, html: string, at: number): string {
  pattern.lastIndex = at;
  return pattern.exec(html)?.[0] ?? '';
}

/** The tag at `at` (a `<`), or undefined where it is not a plain start or end tag. */
function readTag(html: string, at: number): Tag | undefined {
  const closing = html[at + 1] === '/';
  let position = at + (closing ? 2 : 1);
  const name = match(TAG_NAME, html, position).toLowerCase();
  if (!name) return undefined;
  position += name.length;
  const attributes = new Map<string, string>();
  for (;;) {
    position += match(SPACE, html, position).length;
    if (html[position] === '>') return { name, closing, attributes, end: position + 1 };
    if (html.startsWith('/>', position)) return { name, closing, attributes, end: position + 2 };
    const attribute = match(ATTRIBUTE_NAME, html, position).toLowerCase();
    if (!attribute) return undefined;
    position += attribute.length + match(SPACE, html, position + attribute.length).length;
    let value = '';
    if (html[position] === '=') {
      position += 1 + match(SPACE, html, position + 1).length;
      const quote = html[position];
      if (quote === '"' || quote === "'") {
        const close = html.indexOf(quote, position + 1);
        if (close === -1) return undefined;
        value = html.slice(position + 1, close);
        position = close + 1;
      } else {
        value = match(UNQUOTED_VALUE, html, position);
        position += value.length;
      }
    }
    attributes.set(attribute, value);
  }
}

/** Where the ignored element starting at `at` ends, or undefined where that is not certain. */
function ignoredElementEnd(html: string, at: number): number | undefined {
  const start = readTag(html, at);
  if (!start || start.closing || start.attributes.get('data-pagefind-ignore') !== 'all' || !CUTTABLE.has(start.name)) return undefined;
  let depth = 1;
  let position = start.end;
  while (depth > 0) {
    const next = html.indexOf('<', position);
    if (next === -1) return undefined;
    const tag = readTag(html, next);
    if (!tag || RAW_TEXT.has(tag.name)) return undefined;
    if (tag.name === start.name) depth += tag.closing ? -1 : 1;
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
