/**
 * Loads Pagefind's browser API on first use. Only the part of Pagefind a query needs is fetched:
 * its runtime, the index chunks for the words typed, and the fragments of the results shown.
 */
import { INDEX_LIST_PATH, indexFolder, type IndexList } from '../../contract/search-indexes.ts';

export interface PagefindResultData {
  url: string;
  excerpt: string;
  meta: { title?: string };
  filters: Record<string, string[]>;
}

export interface PagefindSearch {
  results: { id: string; data: () => Promise<PagefindResultData> }[];
  /** Result counts per filter value for this query. */
  filters: Record<string, Record<string, number>>;
}

export interface Pagefind {
  options: (options: Record<string, unknown>) => Promise<void>;
  init: () => Promise<void>;
  mergeIndex: (url: string, options?: Record<string, unknown>) => Promise<void>;
  search: (query: string | null, options?: { filters?: Record<string, string[]> }) => Promise<PagefindSearch | null>;
  filters: () => Promise<Record<string, Record<string, number>>>;
}

/** The site's base path, which the layout writes on <body>. */
export function siteBase(): string {
  return document.body.dataset.base ?? '/';
}

let loading: Promise<Pagefind> | undefined;

export function loadPagefind(): Promise<Pagefind> {
  loading ??= (async () => {
    const url = `${siteBase()}${indexFolder(0)}/pagefind.js`;
    // A large atlas is indexed in parts; this tiny list names the ones to merge into the first.
    const [pagefind, list] = await Promise.all([
      import(/* @vite-ignore */ url) as Promise<Pagefind>,
      fetch(`${siteBase()}${INDEX_LIST_PATH}`).then(async (response) => {
        if (!response.ok) throw new Error(`search index list: HTTP ${response.status}`);
        return (await response.json()) as IndexList;
      }),
    ]);
    await pagefind.options({
      baseUrl: siteBase(),
      excerptLength: 22,
      highlightParam: 'highlight',
      // Pagefind asks for `pagefind-entry.json?ts=<now>` so it never reads a stale index; the
      // service worker ignores that parameter when it answers offline.
    });
    for (const folder of list.merge) await pagefind.mergeIndex(`${siteBase()}${folder}`, { baseUrl: siteBase() });
    await pagefind.init();
    // Facet counts come with results only once the filter index is loaded.
    await pagefind.filters();
    return pagefind;
  })();
  loading.catch(() => {
    loading = undefined;
  });
  return loading;
}
