/**
 * After `astro build`: index the site for search, then write the service worker that makes it
 * work offline. The order matters: the service worker precaches the index Pagefind wrote.
 */
import path from 'node:path';
import { outDir } from '../contract/build-env.ts';
import { buildSearchIndex } from './search/build-index.ts';
import { generateServiceWorker } from './offline/generate.ts';
import { RECORDS_FOLDER } from '../lib/build-records.ts';
import { PROJECT_ROOT } from '../lib/project-root.ts';

/** Page digests the search indexer keeps between builds, beside the content step's render record. */
const SEARCH_DIGESTS = `${RECORDS_FOLDER}/search-pages.json`;
const site = outDir(PROJECT_ROOT);

try {
  const search = await buildSearchIndex(site, { digestCache: path.join(PROJECT_ROOT, SEARCH_DIGESTS) });
  const parts = search.indexes > 1 ? ` in ${search.indexes} indexes` : '';
  const kept =
    search.reindexed < search.indexes ? `, ${search.indexes - search.reindexed} unchanged since the last build` : '';
  const removed = search.removed > 0 ? `, ${search.removed} files of the last index removed` : '';
  console.log(`search: ${search.pages} pages${parts}${kept}, ${search.seconds.toFixed(1)} s${removed}`);
  const worker = await generateServiceWorker(site);
  const precached = worker.mode === 'all' ? 'every page' : 'the shell';
  const index = worker.search.precached
    ? ' and the search index'
    : ` (the ${(worker.search.bytes / 1e6).toFixed(1)} MB search index is kept as searches use it, or whole on request)`;
  console.log(`offline: ${precached}${index} precached, ${worker.files} files, ${(worker.bytes / 1e6).toFixed(1)} MB`);
} catch (error) {
  console.error(`postbuild: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
}
