/**
 * The contract between the search indexer (scripts/search/build-index.ts) and the search UI
 * (src/scripts/pagefind.ts): a large atlas is indexed in parts, and this file names them.
 */

/** Where the list is, relative to the site base; it sits in the first index's folder. */
export const INDEX_LIST_PATH = `${indexFolder(0)}/atlas-indexes.json`;

export interface IndexList {
  /** Folders of the indexes to merge into the first one, relative to the site base, ending in `/`. */
  merge: string[];
  /**
   * Over every index, word-index files that go on with the forms of a word begun in the files
   * before, as `[start, ...lengths]`: a query word whose stem is the first `length` letters of
   * `start` needs the file whose name starts `start` (scripts/search/pagefind-output.ts).
   */
  splitForms: [start: string, ...lengths: number[]][];
}

/** The folder of the index at `position`: `pagefind` first (the one the browser loads), then `pagefind-2`… */
export function indexFolder(position: number): string {
  return position === 0 ? 'pagefind' : `pagefind-${position + 1}`;
}

export function isIndexFolder(name: string): boolean {
  return /^pagefind(-\d+)?$/.test(name);
}
