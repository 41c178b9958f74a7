/*
 * Paper Atlas service worker, on Workbox. scripts/offline/generate.ts bundles it into
 * dist/sw.js with this build's precache list (Workbox's injectManifest) and offline mode.
 *
 * Precached files are kept by revision in Workbox's precache: a new deploy downloads only what
 * changed, installs beside the one in use and takes over only when the reader reloads (the page
 * offers it, src/scripts/offline.ts), so a page is never served from one build with a search
 * index from another.
 */
/* global __OFFLINE_MODE__ */
import { clientsClaim } from 'workbox-core';
import { PrecacheController, PrecacheRoute } from 'workbox-precaching';
import { registerRoute, setCatchHandler } from 'workbox-routing';
import { CacheFirst, NetworkOnly } from 'workbox-strategies';
import { KEPT_PAGES_CACHE } from '../../contract/offline-caches.ts';

const MANIFEST = self.__WB_MANIFEST;

/** A short digest of this build's precache list (FNV-1a), to tell its caches from an earlier build's. */
function buildName(entries) {
  let hash = 0x811c9dc5;
  for (const character of entries.map((entry) => `${entry.url} ${entry.revision}`).join('\n')) {
    hash = Math.imul(hash ^ character.charCodeAt(0), 0x01000193) >>> 0;
  }
  return hash.toString(16).padStart(8, '0');
}

/** Pages kept as they are read when the atlas is too large to precache whole; one per build. */
const VISITED = `atlas-visited-${buildName(MANIFEST)}`;

const precache = new PrecacheController();
precache.addToCacheList(MANIFEST);
// Queries never change what a file is: `?q=`, `?topic=`, `?highlight=` and Pagefind's `?ts=` cache-buster.
registerRoute(new PrecacheRoute(precache, { ignoreURLParametersMatching: [/.*/] }));

/**
 * Files precached at once. Workbox's own install takes one file after the other, a round trip each:
 * 959 files installed in 7.0 s instead of 4.2 s on a local server, and far slower over a real link.
 * Each file still goes through Workbox's precache strategy, which skips what is cached already.
 */
const AT_ONCE = 24;

/** Everything else in the site's scope: a kept or visited page or search file, or the network. */
const keptPages = {
  cachedResponseWillBeUsed: async ({ cachedResponse, request }) =>
    cachedResponse ?? (await (await caches.open(KEPT_PAGES_CACHE)).match(request, { ignoreSearch: true })),
};
const keptAsUsed = new CacheFirst({ cacheName: VISITED, matchOptions: { ignoreSearch: true }, plugins: [keptPages] });
// Search files not precached (an index above the size bound) are kept as searches use them.
const isSearchFile = (href) =>
  href.startsWith(self.registration.scope) && /^pagefind[^/]*\//.test(href.slice(self.registration.scope.length));
registerRoute(({ url }) => isSearchFile(url.href), keptAsUsed);
registerRoute(
  ({ url }) => url.href.startsWith(self.registration.scope),
  __OFFLINE_MODE__ === 'visited' ? keptAsUsed : new NetworkOnly(),
);

// A page that is neither saved nor reachable gets the offline page.
setCatchHandler(
  async ({ request }) =>
    (request.mode === 'navigate' && (await precache.matchPrecache('offline/index.html'))) || Response.error(),
);

self.addEventListener('install', (event) => {
  const entries = [...precache.getURLsToCacheKeys()];
  event.waitUntil(
    (async () => {
      // Made at once, so a later build can tell it is replacing this one even if nothing was visited.
      await caches.open(VISITED);
      for (let start = 0; start < entries.length; start += AT_ONCE) {
        await Promise.all(
          entries.slice(start, start + AT_ONCE).flatMap(([url, cacheKey]) =>
            precache.strategy.handleAll({
              event,
              params: { cacheKey },
              request: new Request(url, { cache: 'reload', credentials: 'same-origin' }),
            }),
          ),
        );
      }
    })(),
  );
});

// Workbox drops precached files this build no longer lists.
self.addEventListener('activate', precache.activate);
self.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      // Pages of an earlier build, and those kept from it, go; so do caches of the worker before Workbox.
      const earlier = (await caches.keys()).filter(
        (name) => name.startsWith('atlas-') && name !== VISITED && name !== KEPT_PAGES_CACHE,
      );
      if (earlier.length > 0) earlier.push(KEPT_PAGES_CACHE);
      await Promise.all(earlier.map((name) => caches.delete(name)));
    })(),
  );
});
clientsClaim();

self.addEventListener('message', (event) => {
  if (event.data?.type === 'activate-update') self.skipWaiting();
});
