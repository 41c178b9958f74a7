/**
 * What only a paper's own page shows (rendered abstract, links, sources, the dumps' verbatim text),
 * kept as one small JSON file per page digest among the build records instead of in Astro's data store.
 *
 * Astro bundles the whole data store into the build as one module; at 100,000 papers the abstracts
 * alone made it hundreds of megabytes, which the build could not get past. Lists need only the card
 * (contract/schema.ts), so the store keeps that and each paper page reads its own details here.
 *
 * The content step writes the details of every page it generates, from the tree it wrote the page
 * from; the loader (src/loaders/papers.ts) renders only a page whose digest has none, such as one
 * edited by hand. Parsing 10,000 generated pages back took the loader 3.2 s.
 */
import { createHash } from 'node:crypto';
import { mkdir, readdir, readFile, rm } from 'node:fs/promises';
import { isTemporaryFile, writeAtomically } from '../lib/atomic-write.ts';
import { RECORDS_FOLDER } from '../lib/build-records.ts';
import type { PaperDetailData } from './schema.ts';

export interface PaperDetail extends PaperDetailData {
  /** The page body (the abstract and its headings) rendered to HTML. */
  html: string;
  /** The same body as plain text. */
  text: string;
}

/** Bumped when PaperDetail changes, so files of another shape are never read as this one. */
const DETAIL_FORMAT = 'v4';

/** The folder of detail files, among the build records of the project at `root`. */
export function detailsFolder(root: URL): URL {
  return new URL(`${RECORDS_FOLDER}/details/${DETAIL_FORMAT}/`, root);
}

/** What names a page's details: the digest of the page file's whole text. */
export function pageDigest(text: string): string {
  return createHash('sha256').update(text).digest('base64url');
}

function detailFile(folder: URL, digest: string): URL {
  return new URL(`${digest}.json`, folder);
}

export async function readPaperDetail(folder: URL, digest: string): Promise<PaperDetail> {
  try {
    return JSON.parse(await readFile(detailFile(folder, digest), 'utf8')) as PaperDetail;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    throw new Error(`the rendered paper ${digest} is missing from ${folder.pathname}; run \`npm run build\` again`);
  }
}

export function writePaperDetail(folder: URL, digest: string, detail: PaperDetail): void {
  writeAtomically(detailFile(folder, digest), JSON.stringify(detail));
}

/**
 * Digests that already have a detail file, read once so an unchanged paper costs no file check.
 * Removes what a build stopped halfway left unfinished, and files of other formats.
 */
export async function storedDigests(folder: URL): Promise<Set<string>> {
  await mkdir(folder, { recursive: true });
  // Detail files of earlier formats, and of builds before formats were named, are never read again.
  const parent = new URL('../', folder);
  for (const entry of await readdir(parent, { withFileTypes: true })) {
    if (entry.name !== DETAIL_FORMAT) await rm(new URL(entry.name, parent), { recursive: true, force: true });
  }
  const names = await readdir(folder);
  await Promise.all(names.filter(isTemporaryFile).map((name) => rm(new URL(name, folder), { force: true })));
  return new Set(names.filter((name) => name.endsWith('.json')).map((name) => name.slice(0, -'.json'.length)));
}

/** Removes detail files of papers that changed or left the atlas, so the cache does not grow forever. */
export async function pruneDetails(folder: URL, stored: Set<string>, kept: Set<string>): Promise<void> {
  await Promise.all(
    [...stored].filter((digest) => !kept.has(digest)).map((digest) => rm(detailFile(folder, digest), { force: true })),
  );
}
