/**
 * After `astro build`: index the site for search (parts indexed while Astro rendered, see
 * src/integrations/search-while-rendering.ts, are found up to date), then write the service
 * worker that makes it work offline. The order matters: the service worker precaches the index Pagefind wrote.
 */
import path from 'node:path';
import { outDir } from '../contract/build-env.ts';
import { buildSearchIndex, SEARCH_DIGESTS } from './search/build-index.ts';
import { generateServiceWorker } from './offline/generate.ts';
import { PROJECT_ROOT } from '../lib/project-root.ts';

const site = outDir(PROJECT_ROOT);

try {
  const search = await buildSearchIndex(site, { digestCache: path.join(PROJECT_ROOT, SEARCH_DIGESTS) });
  const parts = search.indexes > 1 ? ` in ${search.indexes} indexes` : '';
  const kept = search.reindexed < search.indexes ? `, ${search.indexes - search.reindexed} already up to date` : '';
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
