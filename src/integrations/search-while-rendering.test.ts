import { access, mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { AstroIntegration, AstroIntegrationLogger } from 'astro';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PAPERS_FOLDER, paperFile } from '../../contract/pages.ts';
import { CONTENT_PEAK, writeRecord } from '../../lib/build-records.ts';
import { buildSearchIndex, SEARCH_DIGESTS } from '../../scripts/search/build-index.ts';
import type { IndexPart } from '../../scripts/search/plan.ts';
import { astroPageCache } from './page-writes.ts';
import { RunsAsWritten, searchWhileRendering } from './search-while-rendering.ts';

const run = (...slugs: string[]): IndexPart => ({ glob: '', files: slugs.map(paperFile) });
const settle = () => new Promise((resolve) => setTimeout(resolve, 10));
const exists = (file: string) =>
  access(file).then(
    () => true,
    () => false,
  );
async function until(condition: () => Promise<boolean>): Promise<void> {
  while (!(await condition())) await settle();
}

describe('RunsAsWritten', () => {
  it('indexes a run once all its pages are written, one at a time, and defers one over the memory budget', async () => {
    let memory = 100;
    const started: number[] = [];
    const finishers: (() => void)[] = [];
    const runs = new RunsAsWritten([run('a1', 'a2'), run('b1'), run('c1', 'c2')], {
      budget: 1_000_000,
      memory: () => memory,
      index: (position, part) => {
        started.push(position);
        return new Promise((resolve) =>
          finishers.push(() =>
            resolve({ pages: new Map(part.files.map((file) => [file, ['d', [1, 1]]])), indexed: true, removed: 0 }),
          ),
        );
      },
    });

    runs.pageWritten(paperFile('a1'));
    runs.pageWritten(paperFile('c1'));
    runs.pageWritten('topics/memory/index.html');
    expect(started).toEqual([]);
    runs.pageWritten(paperFile('a2'));
    runs.pageWritten(paperFile('b1'));
    runs.pageWritten(paperFile('c2'));
    // Runs are the index's parts 1, 2, 3: part 0 holds the pages that are not papers.
    expect(started).toEqual([1]);
    finishers[0]!();
    await settle();
    expect(started).toEqual([1, 2]);
    // Astro now holds so much that a run of two pages no longer fits beside it.
    memory = 1_000_000 - 130_000;
    finishers[1]!();
    await settle();
    const result = await runs.finish();

    expect(started).toEqual([1, 2]);
    expect(result).toMatchObject({ indexed: 2, deferred: 1, failures: [] });
    expect([...result.pages.keys()]).toEqual(['a1', 'a2', 'b1'].map(paperFile));
  });

  it('starts no run once the build is done, and reports a run that failed', async () => {
    const started: number[] = [];
    const runs = new RunsAsWritten([run('a'), run('b')], {
      budget: Number.POSITIVE_INFINITY,
      memory: () => 0,
      index: async (position) => {
        started.push(position);
        throw new Error('Pagefind could not index the site');
      },
    });
    runs.pageWritten(paperFile('a'));
    const result = await runs.finish();
    runs.pageWritten(paperFile('b'));

    expect(started).toEqual([1]);
    expect(result).toMatchObject({ indexed: 0, failures: ['pagefind-2: Pagefind could not index the site'] });
  });
});

describe('searchWhileRendering in a build', () => {
  let root: string;
  const site = () => path.join(root, 'dist');
  const logged: string[] = [];
  const logger = {
    info: (line: string) => logged.push(line),
    warn: (line: string) => logged.push(`warning: ${line}`),
  } as unknown as AstroIntegrationLogger;

  async function page(file: string, text: string): Promise<void> {
    await mkdir(path.dirname(path.join(site(), file)), { recursive: true });
    await writeFile(
      path.join(site(), file),
      `<html lang="en"><body><main data-pagefind-body><h1>${file}</h1><p>${text}</p></main></body></html>`,
    );
  }

  const texts: Record<string, string> = {
    alpha: 'spiking networks on chips',
    beta: 'symbolic reasoning with graphs',
    gamma: 'memory in recurrent models',
    delta: 'graph neural networks',
  };

  /** Runs the integration's hooks as Astro's build does, writing the papers in slug order into an output folder that does not exist yet. */
  async function build(contentPeak: number, { waitForFirstRun = true } = {}): Promise<void> {
    await writeRecord(path.join(root, CONTENT_PEAK), { bytes: contentPeak });
    const { hooks } = searchWhileRendering({ limits: { splitFrom: 4, papersPerIndex: 10 } }) as Required<
      Pick<AstroIntegration, 'hooks'>
    >;
    const config = { root: pathToFileURL(`${root}/`), outDir: pathToFileURL(`${site()}/`) };
    await hooks['astro:config:done']!({ config, logger } as never);
    await hooks['astro:build:start']!({ logger } as never);
    const astro = (await astroPageCache())!.prototype;
    for (const [index, slug] of ['alpha', 'beta', 'delta', 'gamma'].entries()) {
      await page(paperFile(slug), texts[slug]!);
      await astro.writeOutputFile!({}, paperFile(slug), '');
      // The first run is indexed while the next one's pages are written, as Astro renders them.
      if (index === 1 && waitForFirstRun) await until(() => exists(path.join(site(), 'pagefind-2/atlas-part.json')));
    }
    await page('index.html', 'an atlas of papers');
    await hooks['astro:build:done']!({ logger } as never);
  }

  beforeEach(async () => {
    root = await mkdtemp(path.join(os.tmpdir(), 'atlas-search-rendering-'));
    logged.length = 0;
    await mkdir(path.join(root, PAPERS_FOLDER), { recursive: true });
    for (const slug of Object.keys(texts)) await writeFile(path.join(root, PAPERS_FOLDER, `${slug}.mdx`), '');
  });
  afterEach(async () => {
    await rm(root, { recursive: true, force: true });
  });

  it('indexes the runs of papers during the build, and the indexing after it finds them up to date', async () => {
    await build(4e9);
    expect(logged).toEqual(['search: 2 of 2 runs of papers indexed while pages rendered']);
    expect((await readdir(site())).filter((name) => name.startsWith('pagefind')).sort()).toEqual([
      'pagefind-2',
      'pagefind-3',
    ]);

    const after = await buildSearchIndex(site(), {
      limits: { splitFrom: 4, papersPerIndex: 10 },
      digestCache: path.join(root, SEARCH_DIGESTS),
    });
    expect(after).toMatchObject({ pages: 5, indexes: 3, reindexed: 1 });
  });

  it('leaves every run to the indexing after the build when Astro and a run would outgrow the content step', async () => {
    await build(process.memoryUsage.rss(), { waitForFirstRun: false });
    expect(logged).toEqual([
      'search: 0 of 2 runs of papers indexed while pages rendered; 2 after the build, as Astro and one would take more memory than the content step did',
    ]);
    expect((await readdir(site())).filter((name) => name.startsWith('pagefind'))).toEqual([]);
  });
});
