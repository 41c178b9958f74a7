/**
 * Indexes runs of papers for search while Astro renders the rest of the site.
 *
 * Astro renders on one thread, papers in slug order, so the runs of papers a large atlas's search
 * index is split into (scripts/search/plan.ts) are written one after another. A run whose pages
 * this build all rendered is indexed as soon as its last page is written, by the indexer's own
 * code, which stamps the run's folder; the indexing after the build (scripts/postbuild.ts) finds it
 * up to date and does the rest. 100,000 papers, `astro build` and the indexing after it: 242–271 s
 * before, 224 / 227 s with this (six of eight runs indexed while pages rendered).
 *
 * One run at a time, at the lowest priority, and only while Astro and it together stay within the
 * memory the content step took, so the build's peak does not rise: at 100,000 papers Astro holds
 * ~1.9 GB and a run ~1.6 GB, within the content step's ~3.9 GB; at 10,000, Astro's ~0.85 GB and a
 * half's ~0.6 GB are more than the content step's ~0.8 GB, and the whole index waits for the end of
 * the build as before.
 */
import type { AstroIntegration } from 'astro';
import { readdir } from 'node:fs/promises';
import { constants } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { PAPERS_FOLDER } from '../../contract/pages.ts';
import { CONTENT_PEAK, readRecord } from '../../lib/build-records.ts';
import {
  indexPart,
  PAGEFIND_MEMORY,
  SEARCH_DIGESTS,
  startIndexing,
  type Indexing,
  type PartResult,
} from '../../scripts/search/build-index.ts';
import { INDEX_LIMITS, paperRuns, type IndexLimits, type IndexPart } from '../../scripts/search/plan.ts';
import { writeDigestCache, type PageDigests } from '../../scripts/search/stamps.ts';
import { indexFolder } from '../../contract/search-indexes.ts';
import { interceptPageWrites, onPageWritten } from './page-writes.ts';

export interface RunSchedule {
  /** Bytes Astro and the indexing may hold together. */
  budget: number;
  /** The bytes Astro holds now. */
  memory: () => number;
  /** Indexes the run that is the index's part at `position`. */
  index: (position: number, run: IndexPart) => Promise<PartResult>;
}

export interface RunsIndexed {
  /** Runs indexed, or found up to date, while pages rendered. */
  indexed: number;
  /** Runs all written whose indexing would have taken more memory than the schedule allows. */
  deferred: number;
  /** Why a run's indexing failed; the indexing after the build does it again and reports its own error. */
  failures: string[];
  /** The digest of every page of the runs indexed. */
  pages: PageDigests;
}

/**
 * Indexes each of `runs` once `pageWritten` has heard of all its pages, one at a time. Run `n` is
 * part `n + 1` of the index, after the part of pages that are not papers.
 */
export class RunsAsWritten {
  readonly #runs: readonly IndexPart[];
  readonly #schedule: RunSchedule;
  /** The run each page belongs to, until it is written. */
  readonly #runOfPage = new Map<string, number>();
  readonly #unwritten: number[];
  readonly #ready: number[] = [];
  #running: Promise<void> | undefined;
  #finished = false;
  readonly #result: RunsIndexed = { indexed: 0, deferred: 0, failures: [], pages: new Map() };

  constructor(runs: readonly IndexPart[], schedule: RunSchedule) {
    this.#runs = runs;
    this.#schedule = schedule;
    this.#unwritten = runs.map((run) => run.files.length);
    for (const [number, run] of runs.entries()) for (const file of run.files) this.#runOfPage.set(file, number);
  }

  /** How many runs this build planned. */
  get planned(): number {
    return this.#runs.length;
  }

  pageWritten(file: string): void {
    const number = this.#runOfPage.get(file);
    if (number === undefined) return;
    this.#runOfPage.delete(file);
    if (--this.#unwritten[number]! === 0) {
      this.#ready.push(number);
      this.#next();
    }
  }

  /** Starts no more runs, and waits for the one under way: the rest is left to the indexing after the build. */
  async finish(): Promise<RunsIndexed> {
    this.#finished = true;
    await this.#running;
    return this.#result;
  }

  #next(): void {
    if (this.#running || this.#finished) return;
    const number = this.#ready.shift();
    if (number === undefined) return;
    const run = this.#runs[number]!;
    if (this.#schedule.memory() + run.files.length * PAGEFIND_MEMORY.bytesPerPage > this.#schedule.budget) {
      this.#result.deferred++;
      this.#next();
      return;
    }
    this.#running = this.#schedule
      .index(number + 1, run)
      .then(
        ({ pages }) => {
          for (const [file, digest] of pages) this.#result.pages.set(file, digest);
          this.#result.indexed++;
        },
        (error: unknown) => {
          const reason = error instanceof Error ? error.message : String(error);
          this.#result.failures.push(`${indexFolder(number + 1)}: ${reason}`);
        },
      )
      .finally(() => {
        this.#running = undefined;
        this.#next();
      });
  }
}

/** The slugs of the papers the content step wrote, as the paper loader reads them. */
async function paperSlugs(root: string): Promise<string[]> {
  const names = await readdir(path.join(root, PAPERS_FOLDER)).catch(() => [] as string[]);
  return names.filter((name) => name.endsWith('.mdx')).map((name) => name.slice(0, -'.mdx'.length));
}

export function searchWhileRendering({ limits = INDEX_LIMITS }: { limits?: IndexLimits } = {}): AstroIntegration {
  let root = '';
  let site = '';
  let digestCache = '';
  /** This build's runs and what indexing them started from; none when the atlas is indexed whole. */
  let session: { runs: RunsAsWritten; indexing: Indexing } | undefined;
  let stopListening = () => {};
  return {
    name: 'paper-atlas:search-while-rendering',
    hooks: {
      'astro:config:done': ({ config }) => {
        root = fileURLToPath(config.root);
        // As scripts/postbuild.ts names it, without a trailing slash: the site is part of each run's stamp.
        site = path.resolve(fileURLToPath(config.outDir));
        digestCache = path.join(root, SEARCH_DIGESTS);
      },
      'astro:build:start': async () => {
        session = undefined;
        const planned = paperRuns(await paperSlugs(root), limits);
        if (planned.length === 0 || !(await interceptPageWrites())) return;
        const contentPeak = await readRecord<{ bytes: number }>(path.join(root, CONTENT_PEAK));
        // Astro renders on one thread; Pagefind takes what the other core has left, not time from it.
        const priority = constants.priority.PRIORITY_LOW;
        const indexing = await startIndexing(site, planned.length + 1, { digestCache, priority });
        const runs = new RunsAsWritten(planned, {
          budget: contentPeak?.bytes ?? 0,
          memory: () => process.memoryUsage.rss(),
          index: (position, run) => indexPart(indexing, position, run),
        });
        session = { runs, indexing };
        stopListening = onPageWritten((file) => runs.pageWritten(file));
      },
      'astro:build:done': async ({ logger }) => {
        stopListening();
        if (!session) return;
        const { indexed, deferred, failures, pages } = await session.runs.finish();
        if (pages.size > 0) await writeDigestCache(digestCache, site, new Map([...session.indexing.known, ...pages]));
        for (const failure of failures) logger.warn(`search: ${failure}; indexed again after the build`);
        if (indexed + deferred === 0) return;
        const memory =
          deferred > 0
            ? `; ${deferred} after the build, as Astro and one would take more memory than the content step did`
            : '';
        logger.info(
          `search: ${indexed} of ${session.runs.planned} runs of papers indexed while pages rendered${memory}`,
        );
      },
    },
  };
}
