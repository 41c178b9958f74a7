/**
 * Long lists split into pages of a bounded size, so no page grows with the corpus.
 * Page 1 lives at the list's own path, page n at `<path>page-n/`.
 */
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

/** Whether a path segment names one of a list's pages (`page-2`…), which no paper's slug may do. */
export function isPageSegment(segment: string): boolean {
  return /^page-\d+$/.test(segment);
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
