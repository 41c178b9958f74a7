/**
 * The contract between the search indexer (scripts/search-index.ts) and the search UI
 * (src/scripts/pagefind.ts): a large atlas is indexed in parts, and this file names them.
 */

/** Where the list is, relative to the site base; it sits in the first index's folder. */
export const INDEX_LIST_PATH = 'pagefind/atlas-indexes.json';

export interface IndexList {
  /** Folders of the indexes to merge into the first one, relative to the site base, ending in `/`. */
  merge: string[];
}
