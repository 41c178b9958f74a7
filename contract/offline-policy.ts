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
