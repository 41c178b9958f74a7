/**
 * Long lists split into pages of a bounded size, so no page grows with the corpus.
 * Page 1 lives at the list's own path, page n at `<path>page-n/`.
 */
/** Where the content step writes a page per paper, `<slug>.mdx`, relative to the project root. */
export const PAPERS_FOLDER = 'content/papers';

export const TOPIC_PAGE_SIZE = 250;
export const INDEX_PAGE_SIZE = 500;

export interface Page<T> {
  items: T[];
  number: number;
  count: number;
  /** Path of each page, relative to the list's own path: `''`, `page-2/`, … */
  paths: string[];
}

export function pageParam(number: number): string | undefined {
  return number === 1 ? undefined : `page-${number}`;
}

/**
 * Whether a name in `papers/` belongs to the A–Z list (its first page, `index.html`, or a later
 * one, `page-2/`…), which no paper's slug may take: a paper's page is `papers/<slug>.html`.
 */
export function isPageSegment(segment: string): boolean {
  return /^(?:index|page-\d+)$/.test(segment);
}

/** The file of a paper's page, relative to the site (a slug pattern gives a glob of them). */
export function paperFile(slug: string): string {
  return `papers/${slug}.html`;
}

/** The slug of the paper whose page `file` is (relative to the site, `/` separators): the inverse of `paperFile`. */
export function paperOfFile(file: string): string | undefined {
  const slug = /^papers\/([^/]+)\.html$/.exec(file)?.[1];
  return slug === undefined || isPageSegment(slug) ? undefined : slug;
}

export function paginateList<T>(items: T[], size: number): Page<T>[] {
  const count = Math.max(1, Math.ceil(items.length / size));
  const paths = Array.from({ length: count }, (_, index) => (index === 0 ? '' : `${pageParam(index + 1)}/`));
  return paths.map((_, index) => ({
    items: items.slice(index * size, (index + 1) * size),
    number: index + 1,
    count,
    paths,
  }));
}
