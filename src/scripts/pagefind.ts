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
  preload: (query: string) => Promise<void>;
  filters: () => Promise<Record<string, Record<string, number>>>;
}

/** The site's base path, which the layout writes on <body>. */
export function siteBase(): string {
  return document.body.dataset.base ?? '/';
}

/** Pagefind drops these from a query (its search in pagefind.js); the rest is lower-cased and split at spaces. */
const DROPPED = /[\p{Pd}\p{Pe}\p{Pf}\p{Pi}\p{Po}\p{Ps}]/gu;

/**
 * Index files to load for a query besides those Pagefind picks. Pagefind finds the longer forms of
 * each word too ("synthetic data" finds "synthetic datasets"), but only among the words of the
 * index files it has loaded, and it loads the file that holds the word's stem. This atlas's index
 * files are small (scripts/search/run-pagefind.ts), so a stem's forms may run on into the next
 * files; the index list names those that bring pages of their own, and the stems that need them.
 * Pagefind stems with Snowball's English stemmer, this with Porter's, its elder: they agree on
 * all but a few words, and 2,067 queries on the seed atlas (every title and key term, partly
 * typed words) found what one index file holding every word finds.
 */
async function filesOfForms(query: string, splitForms: IndexList['splitForms']): Promise<string[]> {
  const { stemmer } = await import('stemmer');
  const words = query.toLowerCase().replace(DROPPED, '').split(/\s+/).filter(Boolean);
  // The word too, for where Snowball leaves it as it is and Porter does not ("SNNs").
  const stems = words.flatMap((word) => [word, stemmer(word)]);
  return splitForms.flatMap(([start, ...lengths]) =>
    stems.some((stem) => lengths.includes([...stem].length) && start.startsWith(stem)) ? [start] : [],
  );
}

export interface AtlasSearch {
  search: (query: string, filters: Record<string, string[]>) => Promise<PagefindSearch | null>;
}

let loading: Promise<AtlasSearch> | undefined;

export function loadSearch(): Promise<AtlasSearch> {
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
    return {
      async search(query, filters) {
        // Loaded at once with the files Pagefind picks for the query.
        await pagefind.preload([query, ...(await filesOfForms(query, list.splitForms))].join(' '));
        return pagefind.search(query, { filters });
      },
    };
  })();
  loading.catch(() => {
    loading = undefined;
  });
  return loading;
}
