/**
 * Names of the caches the page script (src/scripts/offline.ts) and the service worker share.
 * No imports: both the page's bundle and the worker's take it in.
 */

/**
 * Pages and search files a reader kept with “Make this topic available offline” or “Make search
 * available offline”; the worker empties it when a new build takes over.
 */
export const KEPT_PAGES_CACHE = 'atlas-kept-pages';
