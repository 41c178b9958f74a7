/**
 * `node scripts/bench/added-dates.ts [--papers 10000] [--commits 3] [--runs 3]`
 *
 * What dating papers by git blame costs against the content step it is part of: a synthetic corpus
 * is committed in a few steps (each commit adds a share of every dump's lines), then the content
 * step runs from clean, and git blame alone runs over the same dumps. Medians of `runs`.
 */
import { execFileSync } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { blameDumps } from '../content/added.ts';
import { PROJECT_ROOT } from '../../lib/project-root.ts';
import { runPipeline } from '../content/index.ts';
import { seedStatistics, synthesizeCorpus } from './synthesize.ts';

const root = PROJECT_ROOT;
const { values } = parseArgs({
  options: {
    papers: { type: 'string', default: '10000' },
    commits: { type: 'string', default: '3' },
    runs: { type: 'string', default: '3' },
  },
});
const papers = Number(values.papers);
const commits = Number(values.commits);
const runs = Number(values.runs);
const median = (numbers: number[]) => [...numbers].sort((a, b) => a - b)[Math.floor(numbers.length / 2)]!;

const work = await mkdtemp(path.join(os.tmpdir(), 'paper-atlas-dates-'));
try {
  const sources = path.join(work, 'sources');
  const corpus = await synthesizeCorpus(await seedStatistics(path.join(root, 'content/sources')), papers, sources);
  const names = (await readdir(sources)).filter((name) => name.endsWith('.txt')).sort();
  const full = new Map(
    await Promise.all(names.map(async (name) => [name, await readFile(path.join(sources, name), 'utf8')] as const)),
  );
  const git = (...args: string[]) =>
    execFileSync('git', ['-c', 'user.name=Bench', '-c', 'user.email=bench@example.invalid', ...args], { cwd: sources });
  git('init', '-q');
  for (let commit = 1; commit <= commits; commit++) {
    // Each commit lists a larger share of every dump, as a curator adding papers would.
    for (const [name, text] of full) {
      const lines = text.split('\n');
      await writeFile(
        path.join(sources, name),
        lines.slice(0, Math.ceil((lines.length * commit) / commits)).join('\n'),
      );
    }
    git('add', '-A');
    git('commit', '-q', '-m', `papers, part ${commit}`, `--date=2025-0${commit}-01T00:00:00Z`);
  }
  console.log(`${papers} papers, ${corpus.listings} listings in ${names.length} dumps, ${commits} commits`);

  const content: number[] = [];
  const waiting: number[] = [];
  const blame: number[] = [];
  for (let run = 1; run <= runs; run++) {
    const project = await mkdtemp(path.join(work, 'project-'));
    const started = performance.now();
    const result = await runPipeline({ root: project, sources });
    content.push((performance.now() - started) / 1000);
    waiting.push(result.datingSeconds);
    const blameStarted = performance.now();
    await blameDumps(names.map((name) => ({ shown: name, full: path.join(sources, name) })));
    blame.push((performance.now() - blameStarted) / 1000);
    console.log(
      `  run ${run}: content step ${content.at(-1)!.toFixed(2)} s (${result.datedByGit} of ${result.papers} papers dated by git, ${waiting.at(-1)!.toFixed(2)} s waiting for it); git blame alone ${blame.at(-1)!.toFixed(2)} s`,
    );
    await rm(project, { recursive: true, force: true });
  }
  const [c, w, b] = [median(content), median(waiting), median(blame)];
  console.log(
    `median: content step ${c.toFixed(2)} s; git blame ${b.toFixed(2)} s = ${((b / c) * 100).toFixed(1)} % of it; ` +
      `the content step waited ${w.toFixed(2)} s = ${((w / c) * 100).toFixed(1)} % (blame runs beside parsing and merging)`,
  );
} finally {
  await rm(work, { recursive: true, force: true });
}
