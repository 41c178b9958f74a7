/**
 * `npm run bench [-- --sizes 1000,10000,100000 --runs 3]`
 *
 * For each corpus size: synthesise dumps from the seed statistics, run the whole pipeline
 * (content → astro → pagefind + service worker) from clean in a scratch copy of the project,
 * then again after one dump changed. Reports wall time and peak RSS of the process tree per stage,
 * pages per second, output size, and the bytes a cold first search fetches.
 * Writes bench-results/results.json and the table in BENCHMARKS.md.
 *
 * Every run gets its own scratch copy, and all are removed only at the end: on this machine's file
 * system, creating files right after deleting many is several times slower (100,000 files: ~6 s
 * into a fresh folder, 25–45 s just after deleting as many), which would time the benchmark's own
 * clean-up instead of the build.
 */
import { cp, mkdir, readdir, readFile, rm, stat, symlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { chromiumPath, launchChromium } from '../dev/browser.ts';
import { measure, type Measurement } from './measure.ts';
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

const STAGES = [
  { name: 'content', command: 'node', args: ['scripts/content.ts'] },
  { name: 'astro', command: 'astro', args: ['build'] },
  { name: 'index+sw', command: 'node', args: ['scripts/postbuild.ts'] },
] as const;
type StageName = (typeof STAGES)[number]['name'];

interface RunResult {
  stages: Record<StageName, { seconds: number; peakRssMb: number }>;
  totalSeconds: number;
  peakRssMb: number;
}

interface SizeResult {
  papers: number;
  topics: number;
  listings: number;
  clean: RunResult[];
  rebuild: RunResult[];
  pages: number;
  outputMb: number;
  outputFiles: number;
  search?: SearchBytes;
}

/** A copy of the project that shares node_modules but not Astro's cache, so runs start clean. */
async function scratchProject(work: string): Promise<void> {
  await rm(work, { recursive: true, force: true });
  await mkdir(path.join(work, 'node_modules'), { recursive: true });
  for (const entry of ['package.json', 'astro.config.mjs', 'tsconfig.json', 'src', 'scripts', 'public']) {
    await cp(path.join(PROJECT_ROOT, entry), path.join(work, entry), { recursive: true });
  }
  await mkdir(path.join(work, 'content'), { recursive: true });
  for (const entry of await readdir(path.join(PROJECT_ROOT, 'node_modules'))) {
    if (entry === '.astro' || entry === '.vite') continue;
    await symlink(path.join(PROJECT_ROOT, 'node_modules', entry), path.join(work, 'node_modules', entry));
  }
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

async function runPipeline(work: string, sources: string): Promise<RunResult> {
  const env = {
    ...process.env,
    PATH: `${path.join(PROJECT_ROOT, 'node_modules/.bin')}:${process.env.PATH}`,
    PAPER_SOURCES: sources,
    ASTRO_TELEMETRY_DISABLED: '1',
  };
  const stages = {} as RunResult['stages'];
  let totalSeconds = 0;
  let peakRssMb = 0;
  for (const stage of STAGES) {
    const result: Measurement = await measure(stage.command, [...stage.args], { cwd: work, env });
    // The stages' own one-line summaries say what a rebuild reused.
    for (const line of result.output.match(/^(content|search|offline): .*$/gm) ?? []) console.log(`    ${line}`);
    stages[stage.name] = { seconds: result.seconds, peakRssMb: result.peakRssMb };
    totalSeconds += result.seconds;
    peakRssMb = Math.max(peakRssMb, result.peakRssMb);
  }
  return { stages, totalSeconds, peakRssMb };
}

/** Changes one abstract in the first dump, as a curator adding a correction would. */
async function touchOneDump(sources: string, run: number): Promise<void> {
  const first = (await readdir(sources)).filter((name) => name.endsWith('.txt')).sort()[0]!;
  const file = path.join(sources, first);
  const text = await readFile(file, 'utf8');
  await writeFile(file, text.replace(/(\n[^\n]{300,}?)\.(\n)/, `$1, revised ${run}.$2`));
}

const median = (numbers: number[]) => [...numbers].sort((a, b) => a - b)[Math.floor(numbers.length / 2)]!;

function medianRun(list: RunResult[]): RunResult {
  const stages = {} as RunResult['stages'];
  for (const { name } of STAGES) {
    stages[name] = {
      seconds: median(list.map((run) => run.stages[name].seconds)),
      peakRssMb: median(list.map((run) => run.stages[name].peakRssMb)),
    };
  }
  return {
    stages,
    totalSeconds: median(list.map((run) => run.totalSeconds)),
    peakRssMb: median(list.map((run) => run.peakRssMb)),
  };
}

function table(all: SizeResult[]): string {
  const rows = [
    '| papers | run | content s | astro s | index+sw s | total s | peak RSS MB | pages/s | output MB (files) | first search KB (UI + query) |',
    '| ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
  ];
  for (const size of all) {
    for (const [label, list] of [
      ['clean', size.clean],
      ['one dump changed', size.rebuild],
    ] as const) {
      const run = medianRun(list);
      const search = size.search ? ((size.search.uiScripts + size.search.firstQuery) / 1024).toFixed(0) : '–';
      rows.push(
        `| ${size.papers.toLocaleString('en')} | ${label} | ${run.stages.content.seconds.toFixed(1)} | ${run.stages.astro.seconds.toFixed(1)} | ${run.stages['index+sw'].seconds.toFixed(1)} | ${run.totalSeconds.toFixed(1)} | ${run.peakRssMb.toFixed(0)} | ${(size.pages / run.stages.astro.seconds).toFixed(0)} | ${size.outputMb.toFixed(0)} (${size.outputFiles}) | ${label === 'clean' ? search : ''} |`,
      );
    }
  }
  return rows.join('\n');
}

const stats = await seedStatistics(path.join(PROJECT_ROOT, 'content/sources'));
const all: SizeResult[] = [];
const scratchFolders: string[] = [];
let browser: Awaited<ReturnType<typeof launchChromium>> | undefined;
if (!values['no-search']) {
  try {
    chromiumPath();
    browser = await launchChromium();
  } catch (error) {
    console.warn(`bench: no search measurement: ${error instanceof Error ? error.message : String(error)}`);
  }
}

try {
  for (const papers of sizes) {
    const corpus = await synthesizeCorpus(stats, papers, path.join(results, `corpus-${papers}`));
    console.log(`\n${papers} papers: ${corpus.topics} topics, ${corpus.listings} listings`);
    const result: SizeResult = {
      papers,
      topics: corpus.topics,
      listings: corpus.listings,
      clean: [],
      rebuild: [],
      pages: 0,
      outputMb: 0,
      outputFiles: 0,
    };
    let work = '';
    for (let run = 1; run <= runs; run++) {
      work = path.join(results, `work-${papers}-${run}`);
      scratchFolders.push(work);
      await scratchProject(work);
      const clean = await runPipeline(work, corpus.folder);
      result.clean.push(clean);
      console.log(
        `  clean ${run}: ${clean.totalSeconds.toFixed(1)} s, peak ${clean.peakRssMb.toFixed(0)} MB`,
        JSON.stringify(clean.stages),
      );
      await touchOneDump(corpus.folder, run);
      const rebuild = await runPipeline(work, corpus.folder);
      result.rebuild.push(rebuild);
      console.log(
        `  one dump changed ${run}: ${rebuild.totalSeconds.toFixed(1)} s, peak ${rebuild.peakRssMb.toFixed(0)} MB`,
        JSON.stringify(rebuild.stages),
      );
    }
    const output = await folderSize(path.join(work, 'dist'));
    result.outputMb = output.bytes / 1e6;
    result.outputFiles = output.files;
    result.pages = (await readdir(path.join(work, 'content/papers'))).length;
    if (browser) {
      result.search = await measureSearchBytes(browser, path.join(work, 'dist'), '/', 'topics/', [
        'memory network',
        'evolution',
      ]);
      console.log(`  first search: ${JSON.stringify(result.search)}`);
    }
    all.push(result);
  }
} finally {
  await browser?.close();
  await Promise.all(scratchFolders.map((folder) => rm(folder, { recursive: true, force: true })));
}

const machine = `${os.cpus().length} × ${os.cpus()[0]?.model ?? 'CPU'}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}, ${os.platform()} ${os.release()}`;
await mkdir(results, { recursive: true });
await writeFile(
  path.join(results, 'results.json'),
  `${JSON.stringify({ machine, date: new Date().toISOString(), runs, results: all }, null, 2)}\n`,
);
const report = `## ${new Date().toISOString().slice(0, 10)}: ${sizes.join(', ')} papers, median of ${runs}\n\nMachine: ${machine}\n\n${table(all)}\n`;
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
