/**
 * Offline support in the page: registers the service worker, shows when the reader is offline,
 * offers a new version when one is ready, and lets a reader keep a whole topic for offline reading.
 */
import { KEPT_PAGES_CACHE } from '../../contract/offline-caches.ts';
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
    const cache = await caches.open(KEPT_PAGES_CACHE);
    let done = 0;
    for (const url of urls) {
      try {
        await cache.add(url);
      } catch {
        // One page that fails to load must not stop the rest; the count below shows it.
      }
      done++;
      status.textContent = `Saving ${done} of ${urls.length} papers…`;
    }
    const kept = (await Promise.all(urls.map((url) => cache.match(url)))).filter(Boolean).length;
    status.textContent = `${kept} of ${urls.length} papers in this topic are available offline.`;
    button.disabled = false;
  });
}
