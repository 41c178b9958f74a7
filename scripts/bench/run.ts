/**
 * `npm run bench [-- --sizes 1000,10000,100000 --runs 3 --no-search]` (`--runs 1` suits 100,000 papers)
 *
 * For each corpus size: synthesise dumps from the seed statistics, then in each run build the
 * whole pipeline (content → astro → pagefind + service worker) three times:
 * - clean: a fresh checkout (scratch.ts), nothing cached;
 * - one dump changed: the same copy again, after one abstract was corrected;
 * - fresh clone, caches restored, one dump changed: a new checkout into which the folders the
 *   deploy workflow caches are copied from the first, then another abstract corrected, as a
 *   deploy on GitHub runs.
 * Each build is paired with Hugo + Pagefind building the same corpus (hugo-reference.ts), ours then
 * theirs, so the machine's load hits both alike. Reports medians of wall time and peak RSS of the
 * process tree per stage, the median of the pairs' ratios, pages per second, output size, and the
 * bytes a cold first search fetches. Writes bench-results/results.json and the table in BENCHMARKS.md.
 *
 * Every build of ours runs in the same folder, as every deploy checks out to the same path (the
 * records keep the site's absolute path); a finished copy is moved aside, not deleted. All scratch
 * folders are removed only at the end: on this machine's file system, creating files right after
 * deleting many is several times slower (100,000 files: ~6 s into a fresh folder, 25–45 s just
 * after deleting as many), which would time the benchmark's own clean-up instead of the build.
 */
import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parseArgs, promisify } from 'node:util';
import { chromiumPath, launchChromium } from '../dev/browser.ts';
import { hugoEnv, hugoVersion, REFERENCE_STAGES, writeHugoSite } from './hugo-reference.ts';
import { measure } from './measure.ts';
import { deployCachePaths, freshCheckout, restoreCaches } from './scratch.ts';
import { measureSearchBytes, type SearchBytes } from './search-bytes.ts';
import { seedStatistics, synthesizeCorpus } from './synthesize.ts';
import { PROJECT_ROOT } from '../../lib/project-root.ts';

const results = path.join(PROJECT_ROOT, 'bench-results');
const { values } = parseArgs({
  options: {
    sizes: { type: 'string', default: '1000,10000' },
    runs: { type: 'string', default: '3' },
    'no-search': { type: 'boolean', default: false },
  },
});
const sizes = values.sizes.split(',').map(Number);
const runs = Number(values.runs);

interface Stage {
  name: string;
  command: string;
  args: readonly string[];
  env?: NodeJS.ProcessEnv;
}

const STAGES: Stage[] = [
  { name: 'content', command: 'node', args: ['scripts/content.ts'] },
  // With the environment package.json's build script gives it.
  { name: 'astro', command: 'astro', args: ['build'], env: { MIMALLOC_PURGE_DELAY: '0' } },
  { name: 'index+sw', command: 'node', args: ['scripts/postbuild.ts'] },
];

interface RunResult {
  stages: Record<string, { seconds: number; peakRssMb: number }>;
  totalSeconds: number;
  peakRssMb: number;
}

/** One build of ours and, when Hugo is installed, the reference's build of the same corpus right after. */
interface Pair {
  ours: RunResult;
  reference?: RunResult;
}

const ROWS = {
  clean: 'clean',
  changed: 'one dump changed',
  restored: 'fresh clone, caches restored, one dump changed',
} as const;
type Row = keyof typeof ROWS;

interface SizeResult {
  papers: number;
  topics: number;
  listings: number;
  pairs: Record<Row, Pair[]>;
  pages: number;
  outputMb: number;
  outputFiles: number;
  search?: SearchBytes;
}

async function folderSize(folder: string): Promise<{ bytes: number; files: number }> {
  let bytes = 0;
  let files = 0;
  for (const entry of await readdir(folder, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile()) continue;
    bytes += (await stat(path.join(entry.parentPath, entry.name))).size;
    files++;
  }
  return { bytes, files };
}

const PATH = `${path.join(PROJECT_ROOT, 'node_modules/.bin')}:${process.env.PATH}`;

async function runStages(stages: Stage[], cwd: string, env: NodeJS.ProcessEnv): Promise<RunResult> {
  const result: RunResult = { stages: {}, totalSeconds: 0, peakRssMb: 0 };
  for (const stage of stages) {
    const measured = await measure(stage.command, [...stage.args], {
      cwd,
      env: { ...process.env, PATH, ...env, ...stage.env },
    });
    // The stages' own one-line summaries say what a rebuild reused.
    for (const line of measured.output.match(/^(content|search|offline): .*$/gm) ?? []) console.log(`    ${line}`);
    result.stages[stage.name] = { seconds: measured.seconds, peakRssMb: measured.peakRssMb };
    result.totalSeconds += measured.seconds;
    result.peakRssMb = Math.max(result.peakRssMb, measured.peakRssMb);
  }
  return result;
}

/** Changes one abstract in the first dump, as a curator adding a correction would. */
async function touchOneDump(sources: string, revision: string): Promise<void> {
  const first = (await readdir(sources)).filter((name) => name.endsWith('.txt')).sort()[0]!;
  const file = path.join(sources, first);
  const text = await readFile(file, 'utf8');
  await writeFile(file, text.replace(/(\n[^\n]{300,}?)\.(\n)/, `$1, revised ${revision}.$2`));
}

const median = (numbers: number[]) => [...numbers].sort((a, b) => a - b)[Math.floor(numbers.length / 2)]!;

function medianRun(list: RunResult[]): RunResult {
  const stages: RunResult['stages'] = {};
  for (const name of Object.keys(list[0]!.stages)) {
    stages[name] = {
      seconds: median(list.map((run) => run.stages[name]!.seconds)),
      peakRssMb: median(list.map((run) => run.stages[name]!.peakRssMb)),
    };
  }
  return {
    stages,
    totalSeconds: median(list.map((run) => run.totalSeconds)),
    peakRssMb: median(list.map((run) => run.peakRssMb)),
  };
}

const seconds = (run: RunResult, stage: string) => run.stages[stage]!.seconds.toFixed(1);

function table(all: SizeResult[]): string {
  const rows = [
    '| papers | run | content s | astro s | index+sw s | total s | Hugo + Pagefind s | ours ÷ Hugo + Pagefind | peak RSS MB | pages/s | output MB (files) | first search KB (UI + query) |',
    '| ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
  ];
  for (const size of all) {
    for (const [row, label] of Object.entries(ROWS) as [Row, string][]) {
      const pairs = size.pairs[row];
      const ours = medianRun(pairs.map((pair) => pair.ours));
      const measured = pairs.flatMap((pair) =>
        pair.reference ? [{ ours: pair.ours, reference: pair.reference }] : [],
      );
      const reference = measured.length > 0 ? medianRun(measured.map((pair) => pair.reference)) : undefined;
      const referenceCell = reference
        ? `${reference.totalSeconds.toFixed(1)} (${seconds(reference, 'hugo')} + ${seconds(reference, 'pagefind')})`
        : '–';
      const ratio = reference
        ? median(measured.map((pair) => pair.ours.totalSeconds / pair.reference.totalSeconds)).toFixed(1)
        : '–';
      const search = size.search ? ((size.search.uiScripts + size.search.firstQuery) / 1024).toFixed(0) : '–';
      rows.push(
        `| ${size.papers.toLocaleString('en')} | ${label} | ${seconds(ours, 'content')} | ${seconds(ours, 'astro')} | ${seconds(ours, 'index+sw')} | ${ours.totalSeconds.toFixed(1)} | ${referenceCell} | ${ratio} | ${ours.peakRssMb.toFixed(0)} | ${(size.pages / ours.stages.astro!.seconds).toFixed(0)} | ${size.outputMb.toFixed(0)} (${size.outputFiles}) | ${row === 'clean' ? search : ''} |`,
      );
    }
  }
  return rows.join('\n');
}

const stats = await seedStatistics(path.join(PROJECT_ROOT, 'content/sources'));
const all: SizeResult[] = [];
const hugo = await hugoVersion();
if (!hugo) console.warn('bench: no Hugo + Pagefind reference: `hugo` not found (Debian package hugo)');
const restored = await deployCachePaths();
let browser: Awaited<ReturnType<typeof launchChromium>> | undefined;
if (!values['no-search']) {
  try {
    chromiumPath();
    browser = await launchChromium();
  } catch (error) {
    console.warn(`bench: no search measurement: ${error instanceof Error ? error.message : String(error)}`);
  }
}

await mkdir(results, { recursive: true });
const scratch = await mkdtemp(path.join(results, 'scratch-'));
const atlas = path.join(scratch, 'atlas');

/** Our build in `atlas` of the corpus in `sources`, then the reference's in `hugoSite`, both logged. */
async function pair(label: string, sources: string, hugoSite: string): Promise<Pair> {
  const ours = await runStages(STAGES, atlas, { PAPER_SOURCES: sources, ASTRO_TELEMETRY_DISABLED: '1' });
  console.log(
    `  ${label}: ${ours.totalSeconds.toFixed(1)} s, peak ${ours.peakRssMb.toFixed(0)} MB`,
    JSON.stringify(ours.stages),
  );
  if (!hugo) return { ours };
  await writeHugoSite(sources, hugoSite);
  const reference = await runStages(REFERENCE_STAGES, hugoSite, hugoEnv(hugoSite));
  console.log(
    `  ${label}, Hugo + Pagefind: ${reference.totalSeconds.toFixed(1)} s, peak ${reference.peakRssMb.toFixed(0)} MB`,
    JSON.stringify(reference.stages),
  );
  return { ours, reference };
}

try {
  for (const papers of sizes) {
    const corpus = await synthesizeCorpus(stats, papers, path.join(results, `corpus-${papers}`));
    console.log(`\n${papers} papers: ${corpus.topics} topics, ${corpus.listings} listings`);
    const result: SizeResult = {
      papers,
      topics: corpus.topics,
      listings: corpus.listings,
      pairs: { clean: [], changed: [], restored: [] },
      pages: 0,
      outputMb: 0,
      outputFiles: 0,
    };
    let cleanCopy = '';
    for (let run = 1; run <= runs; run++) {
      const hugoSite = path.join(scratch, `hugo-${papers}-${run}`);
      await freshCheckout(atlas);
      result.pairs.clean.push(await pair(`${ROWS.clean} ${run}`, corpus.folder, hugoSite));
      await touchOneDump(corpus.folder, `${run}`);
      result.pairs.changed.push(await pair(`${ROWS.changed} ${run}`, corpus.folder, hugoSite));

      cleanCopy = path.join(scratch, `atlas-${papers}-${run}`);
      await rename(atlas, cleanCopy);
      await freshCheckout(atlas);
      await restoreCaches(cleanCopy, atlas, restored);
      await touchOneDump(corpus.folder, `${run} again`);
      // A Hugo deploy restores at most Hugo's file cache, which this site leaves empty: its clone starts from content alone.
      result.pairs.restored.push(await pair(`${ROWS.restored} ${run}`, corpus.folder, `${hugoSite}-restored`));
      await rename(atlas, `${cleanCopy}-restored`);
    }
    const output = await folderSize(path.join(cleanCopy, 'dist'));
    result.outputMb = output.bytes / 1e6;
    result.outputFiles = output.files;
    result.pages = (await readdir(path.join(cleanCopy, 'content/papers'))).length;
    if (browser) {
      result.search = await measureSearchBytes(browser, path.join(cleanCopy, 'dist'), '/', 'topics/', [
        'memory network',
        'evolution',
      ]);
      console.log(`  first search: ${JSON.stringify(result.search)}`);
    }
    all.push(result);
  }
} finally {
  await browser?.close();
  // This run's copies, and any an interrupted run left.
  for (const entry of await readdir(results)) {
    if (entry.startsWith('scratch-')) await rm(path.join(results, entry), { recursive: true, force: true });
  }
}

const pagefind = JSON.parse(await readFile(path.join(PROJECT_ROOT, 'node_modules/pagefind/package.json'), 'utf8')) as {
  version: string;
};
const reference = hugo
  ? `Hugo ${hugo.split(' ')[1]} + Pagefind ${pagefind.version} (scripts/bench/hugo/), each build right after one of ours on the same corpus; the ratio is the median of the pairs' ratios`
  : 'none, no `hugo` installed';
const machine = `${os.cpus().length} × ${os.cpus()[0]?.model ?? 'CPU'}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}, ${os.platform()} ${os.release()}`;
await writeFile(
  path.join(results, 'results.json'),
  `${JSON.stringify({ machine, reference, date: new Date().toISOString(), runs, results: all }, null, 2)}\n`,
);
const report = `## ${new Date().toISOString().slice(0, 10)}: ${sizes.join(', ')} papers, median of ${runs}\n\nMachine: ${machine}\n\nReference: ${reference}\n\n${table(all)}\n`;
console.log(`\n${report}`);
const benchmarks = path.join(PROJECT_ROOT, 'BENCHMARKS.md');
const existing = await readFile(benchmarks, 'utf8').catch(
  () => '# Benchmarks\n\nWritten by `npm run bench`; newest first.\n',
);
const [head, ...rest] = existing.split(/\n(?=## )/);
await writeFile(
  benchmarks,
  `${[head!.trimEnd(), report.trimEnd(), ...rest.map((section) => section.trimEnd())].join('\n\n')}\n`,
);
// Its tables aligned as the project's formatter keeps them, so `npm run lint` stays clean.
await promisify(execFile)('biome', ['format', '--write', benchmarks], {
  cwd: PROJECT_ROOT,
  env: { ...process.env, PATH },
});
