/**
 * Offline support in the page: registers the service worker, shows when the reader is offline,
 * offers a new version when one is ready, and lets a reader keep a whole topic for offline reading.
 */
import { KEPT_PAGES_CACHE } from '../../contract/offline-caches.ts';
import { OFFLINE_SEARCH_PATH, type OfflineSearch } from '../../contract/offline-policy.ts';
import { siteBase } from './pagefind.ts';

export function setUpOfflineIndicator(): void {
  const badge = document.querySelector<HTMLElement>('[data-offline-badge]');
  if (!badge) return;
  const show = () => {
    badge.hidden = navigator.onLine;
  };
  addEventListener('online', show);
  addEventListener('offline', show);
  show();
}

function offerUpdate(worker: ServiceWorker): void {
  const banner = document.querySelector<HTMLElement>('[data-update-banner]');
  if (!banner) return;
  banner.hidden = false;
  banner.querySelector('button')?.addEventListener('click', () => {
    navigator.serviceWorker.addEventListener('controllerchange', () => location.reload(), { once: true });
    worker.postMessage({ type: 'activate-update' });
  });
}

export function registerServiceWorker(): void {
  if (!('serviceWorker' in navigator)) return;
  void navigator.serviceWorker.register(`${siteBase()}sw.js`, { scope: siteBase() }).then((registration) => {
    // A waiting worker is a new deploy: swapping it in under an open page would mix two builds.
    if (registration.waiting && navigator.serviceWorker.controller) offerUpdate(registration.waiting);
    registration.addEventListener('updatefound', () => {
      const installing = registration.installing;
      installing?.addEventListener('statechange', () => {
        if (installing.state === 'installed' && navigator.serviceWorker.controller) offerUpdate(installing);
      });
    });
  });
  setUpKeepTopic();
  void setUpOfflineSearch();
}

/** Files fetched at once while keeping the whole search index. */
const SEARCH_FILES_AT_ONCE = 8;

const megabytes = (bytes: number) => `${Math.max(0.1, Math.round(bytes / 1e5) / 10)} MB`;

/** How many of `urls` the cache holds. */
async function keptCount(cache: Cache, urls: readonly string[]): Promise<number> {
  return (await Promise.all(urls.map((url) => cache.match(url)))).filter(Boolean).length;
}

/**
 * Adds `urls` to the cache of kept pages, `atOnce` at a time, telling `progress` how many are done;
 * one that fails to load does not stop the rest. Returns how many are kept.
 */
async function keepForOffline(
  urls: readonly string[],
  atOnce: number,
  progress: (done: number) => void,
): Promise<number> {
  const cache = await caches.open(KEPT_PAGES_CACHE);
  for (let start = 0; start < urls.length; start += atOnce) {
    await Promise.all(
      urls.slice(start, start + atOnce).map((url) =>
        cache.add(url).catch(() => {
          // The count returned shows what failed.
        }),
      ),
    );
    progress(Math.min(urls.length, start + atOnce));
  }
  return keptCount(cache, urls);
}

/**
 * “Make search available offline, 47 MB”, on the search page of an atlas whose index is too large
 * for a reader's first visit (contract/offline-policy.ts): keeps every index file at once.
 */
async function setUpOfflineSearch(): Promise<void> {
  const offer = document.querySelector<HTMLElement>('[data-offline-search]');
  const button = offer?.querySelector('button');
  const status = offer?.querySelector<HTMLElement>('[data-offline-search-status]');
  if (!offer || !button || !status || !('caches' in window)) return;
  const search = (await fetch(`${siteBase()}${OFFLINE_SEARCH_PATH}`)
    .then((response) => (response.ok ? response.json() : undefined))
    .catch(() => undefined)) as OfflineSearch | undefined;
  if (!search || search.precached) return;
  const urls = search.files.map((file) => `${siteBase()}${file}`);
  const show = (count: number) => {
    const whole = count === urls.length;
    button.hidden = whole;
    button.textContent = `Make search available offline, ${megabytes(search.bytes)}`;
    status.textContent = whole ? 'Search works offline.' : count > 0 ? `${count} of ${urls.length} files kept.` : '';
  };
  show(await keptCount(await caches.open(KEPT_PAGES_CACHE), urls));
  offer.hidden = false;
  button.addEventListener('click', async () => {
    button.disabled = true;
    const kept = await keepForOffline(urls, SEARCH_FILES_AT_ONCE, (done) => {
      status.textContent = `Saving ${done} of ${urls.length} files…`;
    });
    button.disabled = false;
    show(kept);
  });
}

/** “Make this topic available offline”, on topic pages of atlases too large to keep whole. */
function setUpKeepTopic(): void {
  const button = document.querySelector<HTMLButtonElement>('[data-keep-topic]');
  const status = document.querySelector<HTMLElement>('[data-keep-topic-status]');
  if (!button || !status || !('caches' in window)) return;
  button.hidden = false;
  button.addEventListener('click', async () => {
    const urls = [...document.querySelectorAll<HTMLAnchorElement>('[data-paper-list] h3 a')].map((link) => link.href);
    button.disabled = true;
    const kept = await keepForOffline(urls, 1, (done) => {
      status.textContent = `Saving ${done} of ${urls.length} papers…`;
    });
    status.textContent = `${kept} of ${urls.length} papers in this topic are available offline.`;
    button.disabled = false;
  });
}
