/**
 * What each part of the search index was built from, so a rebuild indexes again only the parts
 * whose pages changed. A part's stamp is a digest of Pagefind's version and arguments and of what
 * it reads of every page; each page's digest is kept between builds with the state of its file, so
 * a rebuild reads only the pages whose file changed.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { readdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileStates, sameState, type FileState } from '../../lib/file-states.ts';
import { searchInput } from './input.ts';
import { readRecord, writeRecord } from '../../lib/build-records.ts';
import { inBatches } from '../../lib/batches.ts';
import { indexFolder, isIndexFolder } from '../../contract/search-indexes.ts';

/**
 * Written into a part's folder once Pagefind and the clean-up after it finished: what the index
 * was built from. A folder without it is unfinished (or from before stamps) and starts empty.
 */
const STAMP_FILE = 'atlas-part.json';

/** Pages read between turns of the event loop while digesting a part (blocking, as lib/file-states.ts says why). */
const FILES_AT_ONCE = 64;

export interface PartStamp {
  inputs: string;
}

/** The digest of what Pagefind reads of a page, with the state of its file when it was taken. */
export type PageDigest = [digest: string, state: FileState];

/** Page digests by file, relative to the site. */
export type PageDigests = Map<string, PageDigest>;

/**
 * Page digests of the last build, kept outside the site (it is deployed) so that a rebuild reads
 * only the pages whose file changed: at 10,000 papers, about 100 instead of all.
 */
interface DigestCache {
  site: string;
  pages: Record<string, PageDigest>;
}

export async function readDigestCache(file: string | undefined, site: string): Promise<PageDigests> {
  if (!file) return new Map();
  const cache = await readRecord<DigestCache>(file);
  return new Map(cache?.site === site ? Object.entries(cache.pages) : []);
}

export async function writeDigestCache(file: string, site: string, digests: PageDigests): Promise<void> {
  await writeRecord(file, { site, pages: Object.fromEntries(digests) } satisfies DigestCache);
}

export interface PartInputs {
  /** The part's stamp: a digest of everything its index is made from. */
  inputs: string;
  /** The digest of each of its pages, to keep for the next build. */
  pages: PageDigests;
}

/**
 * What a part's index is made from: Pagefind's command (version and arguments) and what it reads
 * of every page. A page whose file is as in `known` is not read again.
 */
export async function partInputs(
  site: string,
  files: readonly string[],
  command: readonly string[],
  known: ReadonlyMap<string, PageDigest>,
): Promise<PartInputs> {
  const states = await fileStates(files.map((file) => path.join(site, file)));
  const entries = files.map((file, index) => ({ file, state: states[index] }));
  const digests = await inBatches(entries, FILES_AT_ONCE, async ({ file, state }): Promise<PageDigest> => {
    const seen = known.get(file);
    if (seen && sameState(state, seen[1])) return seen;
    // A page gone since the listing fails here. One written since its state was taken is digested
    // as read, under the older state, so the next build reads it again.
    const text = readFileSync(path.join(site, file), 'utf8');
    return [createHash('sha256').update(searchInput(text)).digest('base64url'), state ?? [-1, -1]];
  });
  const digest = createHash('sha256').update(JSON.stringify(command));
  for (const [index, file] of files.entries()) digest.update(`\0${file}\0${digests[index]![0]}`);
  return { inputs: digest.digest('hex'), pages: new Map(files.map((file, index) => [file, digests[index]!])) };
}

async function readStamp(folder: string): Promise<PartStamp | undefined> {
  try {
    return JSON.parse(await readFile(path.join(folder, STAMP_FILE), 'utf8')) as PartStamp;
  } catch {
    return undefined;
  }
}

/** Marks a part's folder unfinished, before Pagefind writes into it. */
export function removeStamp(folder: string): Promise<void> {
  return rm(path.join(folder, STAMP_FILE), { force: true });
}

/** Marks a part's folder finished: its index is made from `stamp`. */
export function writeStamp(folder: string, stamp: PartStamp): Promise<void> {
  return writeFile(path.join(folder, STAMP_FILE), JSON.stringify(stamp));
}

/**
 * Prepares the index folders of the last build for indexing in place: folders beyond `parts` go,
 * and so does any folder without a stamp, whose last indexing did not finish: a file cut short
 * under its final name would be kept by Pagefind, which skips files whose name exists.
 * @returns the stamps of the folders kept, by folder name
 */
export async function prepareIndexFolders(site: string, parts: number): Promise<Map<string, PartStamp>> {
  const wanted = new Set(Array.from({ length: parts }, (_, position) => indexFolder(position)));
  const stamps = new Map<string, PartStamp>();
  // A clean build's output folder does not exist yet when Astro starts writing it.
  const names = await readdir(site).catch(() => [] as string[]);
  for (const name of names.filter(isIndexFolder)) {
    const folder = path.join(site, name);
    const stamp = wanted.has(name) ? await readStamp(folder) : undefined;
    if (stamp) stamps.set(name, stamp);
    else await rm(folder, { recursive: true, force: true });
  }
  return stamps;
}
