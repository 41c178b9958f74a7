/**
 * How much of the site the service worker keeps. Shared by the pages (which offer “make this topic
 * available offline” only when needed) and by the script that writes the service worker.
 */
export const PRECACHE_ALL_LIMIT = Number(process.env.OFFLINE_PRECACHE_LIMIT ?? 2000);

/** `all`: every page and the whole index on the first visit; `visited`: the shell and index, pages as read. */
export type OfflineMode = 'all' | 'visited';

export function offlineMode(paperCount: number): OfflineMode {
  return paperCount <= PRECACHE_ALL_LIMIT ? 'all' : 'visited';
}

/**
 * Above this size (OFFLINE_SEARCH_LIMIT, in MB) the search index is not part of a reader's first
 * visit: its files are kept as searches use them, and the search page offers the whole index as an
 * explicit choice that states its size ("Make search available offline, 47 MB").
 */
export const SEARCH_PRECACHE_LIMIT_BYTES = Number(process.env.OFFLINE_SEARCH_LIMIT ?? 10) * 1e6;

/** Written beside the index by scripts/offline/generate.ts, read by the search page's offer. */
export const OFFLINE_SEARCH_PATH = 'pagefind-offline.json';

export interface OfflineSearch {
  /** Whether the first visit already keeps the whole index. */
  precached: boolean;
  /** The index's files, relative to the site, and their total size. */
  files: string[];
  bytes: number;
}
