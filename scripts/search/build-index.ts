/**
 * Builds the Pagefind index of a built site: papers, and topic pages below them.
 *
 * A larger atlas is indexed in parts (scripts/search/plan.ts): the first in `pagefind/`, the
 * rest in `pagefind-2/`, `pagefind-3/`…, two at a time where their indexes fit in memory together
 * (see `PAGEFIND_MEMORY`). The browser merges them (src/scripts/pagefind.ts), reading their names
 * from the list in contract/search-indexes.ts. A part whose pages did not change since the last
 * build is kept as it is (scripts/search/stamps.ts); one that changed is indexed over the last
 * build's, where Pagefind writes only the files that changed, and files the new index no longer
 * refers to are removed after it (scripts/search/pagefind-output.ts).
 */
import { rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { splitWordForms, staleIndexFiles } from './pagefind-output.ts';
import { pagefindArgs, runPagefind } from './run-pagefind.ts';
import { INDEX_LIMITS, planIndexes, readSite, type IndexLimits, type IndexPart } from './plan.ts';
import {
  partInputs,
  prepareIndexFolders,
  readDigestCache,
  removeStamp,
  writeDigestCache,
  writeStamp,
  type PageDigests,
  type PartStamp,
} from './stamps.ts';
import { RECORDS_FOLDER } from '../../lib/build-records.ts';
import { INDEX_LIST_PATH, indexFolder, type IndexList } from '../../contract/search-indexes.ts';

export interface IndexSummary {
  pages: number;
  /** How many Pagefind indexes the pages were split across. */
  indexes: number;
  /** Of those, how many were indexed again because their pages changed. */
  reindexed: number;
  /** Files of an earlier build's index that the new one no longer refers to. */
  removed: number;
  seconds: number;
}

/**
 * Pagefind indexes mostly on one core and holds up to ~130 KB a page while it writes (measured at
 * 10,000 and 100,000 papers), so two parts run at once on two cores while together they stay
 * below the 4 GB the content step takes at 100,000 papers anyway: at 10,000 papers the two halves
 * run side by side, at 100,000 the runs of ~12,500 papers two by two (measured together: 2.3–2.5 GB).
 */
export const PAGEFIND_MEMORY = { bytesPerPage: 130_000, budget: 3.6e9, atOnce: Math.min(2, os.availableParallelism()) };

/** `work` over `items`, up to `atOnce` at a time while their `weight` stays within `budget`; one always runs. */
export async function withinBudget<Item>(
  items: readonly Item[],
  weight: (item: Item) => number,
  { atOnce, budget }: { atOnce: number; budget: number },
  work: (item: Item) => Promise<void>,
): Promise<void> {
  const waiting = [...items];
  const running = new Set<Promise<void>>();
  let load = 0;
  while (waiting.length > 0 || running.size > 0) {
    while (
      waiting.length > 0 &&
      (running.size === 0 || (running.size < atOnce && load + weight(waiting[0]!) <= budget))
    ) {
      const item = waiting.shift()!;
      load += weight(item);
      const job: Promise<void> = work(item).finally(() => {
        load -= weight(item);
        running.delete(job);
      });
      running.add(job);
    }
    await Promise.race(running);
  }
}

export interface IndexOptions {
  limits?: IndexLimits;
  /** A file outside the site to keep page digests in between builds; without it every page is read. */
  digestCache?: string;
}

/** Where a build keeps its page digests for the next one, relative to the project root. */
export const SEARCH_DIGESTS = `${RECORDS_FOLDER}/search-pages.json`;

/** What indexing a part needs of the last build: its index folders' stamps and its page digests. */
export interface Indexing {
  site: string;
  /** Pagefind's version, part of every stamp. */
  version: string;
  stamps: Map<string, PartStamp>;
  known: PageDigests;
  /** Pagefind's priority (see runPagefind): indexing beside Astro's rendering gives way to it. */
  priority: number;
}

/** Readies `site`'s index folders for `parts` parts (see prepareIndexFolders) and reads the last digests. */
export async function startIndexing(
  site: string,
  parts: number,
  { digestCache, priority = 0 }: { digestCache?: string | undefined; priority?: number } = {},
): Promise<Indexing> {
  const stamps = await prepareIndexFolders(site, parts);
  const version = (await runPagefind(['--version'])).trim();
  return { site, version, stamps, known: await readDigestCache(digestCache, site), priority };
}

export interface PartResult {
  /** The digest of each of the part's pages, to keep for the next build. */
  pages: PageDigests;
  /** Whether Pagefind ran; if not, the part's index was already made from these pages. */
  indexed: boolean;
  /** Files of the part's last index that the new one no longer refers to, now removed. */
  removed: number;
}

/** Indexes the part at `position`, unless its folder's stamp says it is already made from these pages. */
export async function indexPart(
  { site, version, stamps, known, priority }: Indexing,
  position: number,
  part: IndexPart,
): Promise<PartResult> {
  const outputPath = path.join(site, indexFolder(position));
  const args = pagefindArgs(site, part.glob, outputPath, part.files.length);
  const command = [version, ...args];
  const last = stamps.get(indexFolder(position));
  const compared = last ? await partInputs(site, part.files, command, known) : undefined;
  if (compared && compared.inputs === last?.inputs) return { pages: compared.pages, indexed: false, removed: 0 };
  await removeStamp(outputPath);
  // With no stamp to compare against, Pagefind runs whatever the digest, which is taken while it reads.
  const [, inputs] = await Promise.all([
    runPagefind(args, { priority }),
    compared ?? partInputs(site, part.files, command, known),
  ]);
  const stale = await staleIndexFiles(outputPath);
  await Promise.all(stale.map((file) => rm(file)));
  await writeStamp(outputPath, { inputs: inputs.inputs });
  return { pages: inputs.pages, indexed: true, removed: stale.length };
}

export async function buildSearchIndex(
  site: string,
  { limits = INDEX_LIMITS, digestCache }: IndexOptions = {},
): Promise<IndexSummary> {
  const started = performance.now();
  const parts = planIndexes(await readSite(site), limits);
  const indexing = await startIndexing(site, parts.length, { digestCache });
  /** Every page's digest, kept for the next build. */
  const digests: PageDigests = new Map();
  let removed = 0;
  let reindexed = 0;
  const { bytesPerPage, ...concurrency } = PAGEFIND_MEMORY;
  await withinBudget(
    [...parts.entries()],
    ([, part]) => part.files.length * bytesPerPage,
    concurrency,
    async ([position, part]) => {
      const result = await indexPart(indexing, position, part);
      for (const [file, digest] of result.pages) digests.set(file, digest);
      removed += result.removed;
      if (result.indexed) reindexed++;
    },
  );
  const splitForms = await Promise.all(
    parts.map((_, position) => splitWordForms(path.join(site, indexFolder(position)))),
  );
  const list: IndexList = {
    merge: parts.slice(1).map((_, position) => `${indexFolder(position + 1)}/`),
    splitForms: splitForms.flat(),
  };
  await writeFile(path.join(site, INDEX_LIST_PATH), JSON.stringify(list));
  if (digestCache) await writeDigestCache(digestCache, site, digests);
  const pages = parts.reduce((sum, part) => sum + part.files.length, 0);
  return { pages, indexes: parts.length, reindexed, removed, seconds: (performance.now() - started) / 1000 };
}
