/**
 * Writes dist/sw.js: the worker in worker.js with this build's precache list, which workbox-build
 * computes (URL → content hash). Runs after Pagefind, so the search index is in the list.
 */
import { createHash } from 'node:crypto';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { KEPT_PAGES_CACHE } from '../../src/lib/offline-caches.ts';
import { offlineMode, type OfflineMode } from '../../src/lib/offline-policy.ts';
import { isPageSegment } from '../../src/lib/pages.ts';
import { INDEX_LIST_PATH } from '../../src/lib/search-indexes.ts';

/** What every visitor gets: the shell, the search runtime and index. Pages come on top in `all` mode. */
const SHELL_PATTERNS = [
  'index.html',
  '404.html',
  'offline/index.html',
  'search/index.html',
  'topics/index.html',
  '_astro/**/*',
  '*.{svg,png,webmanifest}',
  'icons/*',
  'pagefind/pagefind.js',
  'pagefind/pagefind-worker.js',
  INDEX_LIST_PATH,
  // Every index a large atlas is split into (scripts/search-index.ts): `pagefind/`, `pagefind-2/`…
  'pagefind*/pagefind-entry.json',
  'pagefind*/wasm.en.pagefind',
  'pagefind*/*.pf_meta',
  'pagefind*/index/*',
  'pagefind*/filter/*',
];
const PAGE_PATTERNS = ['**/*.html', 'pagefind*/fragment/*'];

export interface ServiceWorkerSummary {
  mode: OfflineMode;
  files: number;
  bytes: number;
}

/** `papers/x/index.html` → `papers/x/`: the address readers use. */
function addressOf(file: string): string {
  return file === 'index.html' ? '' : file.replace(/(^|\/)index\.html$/, '$1');
}

export async function generateServiceWorker(site: string, base: string): Promise<ServiceWorkerSummary> {
  const papers = (await readdir(path.join(site, 'papers'), { withFileTypes: true })).filter(
    (entry) => entry.isDirectory() && !isPageSegment(entry.name),
  ).length;
  const mode = offlineMode(papers);
  // Imported here, not at the top: workbox-build weighs ~85 MB, which would sit beside Pagefind's
  // peak while postbuild indexes the site first.
  const { getManifest } = await import('workbox-build');
  const { manifestEntries, count, size, warnings } = await getManifest({
    globDirectory: site,
    globPatterns: mode === 'all' ? [...SHELL_PATTERNS, ...PAGE_PATTERNS] : SHELL_PATTERNS,
    globIgnores: ['pagefind*/playground/**', 'sw.js'],
    maximumFileSizeToCacheInBytes: 5 * 1024 * 1024,
  });
  if (warnings.length > 0) throw new Error(`service worker: ${warnings.join('; ')}`);
  const precache: Record<string, string> = {};
  for (const entry of [...manifestEntries].sort((a, b) => (a.url < b.url ? -1 : 1))) {
    precache[`${base}${addressOf(entry.url)}`] = entry.revision ?? 'immutable';
  }
  const version = createHash('sha256').update(JSON.stringify(precache)).digest('hex').slice(0, 12);
  const config = { version, base, mode, offlinePage: `${base}offline/`, keptCache: KEPT_PAGES_CACHE, precache };
  const worker = await readFile(new URL('./worker.js', import.meta.url), 'utf8');
  await writeFile(path.join(site, 'sw.js'), `const CONFIG = ${JSON.stringify(config)};\n${worker}`);
  return { mode, files: count, bytes: size };
}
