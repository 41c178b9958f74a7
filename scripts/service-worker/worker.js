/*
 * Paper Atlas service worker. Generated into dist/sw.js by scripts/service-worker/generate.ts,
 * which puts the build's CONFIG above this text; edit this file, not dist/sw.js.
 *
 * One precache per build: a new deploy installs beside the old one and takes over only when the
 * reader reloads, so a page is never served from one build with a search index from another.
 */
/* global CONFIG */
const PRECACHE = `atlas-precache-${CONFIG.version}`;
const VISITED = `atlas-visited-${CONFIG.version}`;
/** Filled by the page's “Make this topic available offline”; emptied when a new build takes over. */
const KEPT = CONFIG.keptCache;
const REVISIONS = `${CONFIG.base}__revisions__`;
const BATCH = 24;

const absolute = (path) => new URL(path, self.location.origin).href;

/** Queries never change what a page is: `?q=`, `?highlight=` and Pagefind's `?ts=` cache-buster. */
function cacheKey(url) {
  return `${url.origin}${url.pathname}`;
}

async function previousPrecache() {
  const names = (await caches.keys()).filter((name) => name.startsWith('atlas-precache-') && name !== PRECACHE);
  for (const name of names) {
    const cache = await caches.open(name);
    const revisions = await cache.match(absolute(REVISIONS));
    if (revisions) return { cache, revisions: await revisions.json() };
  }
  return null;
}

async function precache() {
  const cache = await caches.open(PRECACHE);
  const previous = await previousPrecache();
  const entries = Object.entries(CONFIG.precache);
  for (let start = 0; start < entries.length; start += BATCH) {
    await Promise.all(
      entries.slice(start, start + BATCH).map(async ([path, revision]) => {
        const url = absolute(path);
        if (previous && previous.revisions[path] === revision) {
          const kept = await previous.cache.match(url);
          if (kept) return cache.put(url, kept);
        }
        const response = await fetch(new Request(url, { cache: 'reload', credentials: 'same-origin' }));
        if (!response.ok) throw new Error(`precache: ${response.status} for ${url}`);
        return cache.put(url, response);
      }),
    );
  }
  await cache.put(absolute(REVISIONS), new Response(JSON.stringify(CONFIG.precache)));
}

self.addEventListener('install', (event) => {
  event.waitUntil(
    precache().then(() => {
      // The first worker may start at once; a later one waits for the reader to reload.
      if (!self.registration.active) return self.skipWaiting();
      return undefined;
    }),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      const keep = new Set([PRECACHE, VISITED]);
      const names = await caches.keys();
      const replacing = names.some((name) => name.startsWith('atlas-precache-') && name !== PRECACHE);
      await Promise.all(
        names
          .filter((name) => name.startsWith('atlas-') && !keep.has(name) && (name !== KEPT || replacing))
          .map((name) => caches.delete(name)),
      );
      await self.clients.claim();
    })(),
  );
});

self.addEventListener('message', (event) => {
  if (event.data && event.data.type === 'activate-update') self.skipWaiting();
});

async function fromCaches(key) {
  for (const name of [PRECACHE, VISITED, KEPT]) {
    const cache = await caches.open(name);
    const hit = await cache.match(key);
    if (hit) return hit;
  }
  return undefined;
}

async function respond(request, url) {
  const key = cacheKey(url);
  const cached = await fromCaches(key);
  if (cached) return cached;
  try {
    const response = await fetch(request);
    if (response.ok && CONFIG.mode === 'visited') {
      const cache = await caches.open(VISITED);
      await cache.put(key, response.clone());
    }
    return response;
  } catch (error) {
    if (request.mode === 'navigate') {
      const offline = await fromCaches(absolute(CONFIG.offlinePage));
      if (offline) return offline;
    }
    throw error;
  }
}

self.addEventListener('fetch', (event) => {
  const { request } = event;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin || !url.pathname.startsWith(CONFIG.base)) return;
  event.respondWith(respond(request, url));
});
