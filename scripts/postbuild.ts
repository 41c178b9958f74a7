/**
 * After `astro build`: index the site for search, then generate the service worker that makes
 * it work offline. The order matters: the service worker precaches the index Pagefind wrote.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildSearchIndex } from './search-index.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const site = path.join(root, 'dist');

try {
  const search = await buildSearchIndex(site);
  console.log(`search: indexed ${search.pages} pages in ${search.seconds.toFixed(1)} s`);
} catch (error) {
  console.error(`postbuild: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
}
