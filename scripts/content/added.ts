/**
 * When each paper joined the atlas: the commit time of the dump line that first listed it, the
 * earliest over every dump that lists it. One `git blame` per dump gives every line's commit at once.
 *
 * A line git cannot date (no git, no repository, a dump or line not committed yet) takes
 * SOURCE_DATE_EPOCH when it is set, so a reproducible build stays reproducible; otherwise the time
 * the paper was first seen, remembered in node_modules/.cache/paper-atlas/ so that a rebuild gives
 * an unchanged paper the same date, and the first time: now.
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { sourceDateEpoch } from '../../contract/build-env.ts';
import { inBatches } from '../../lib/batches.ts';
import type { Diagnostic, Paper } from './types.ts';
import { RECORDS_FOLDER, readRecord, writeRecord } from '../../lib/build-records.ts';

/** Where first-seen times of papers git cannot date are kept, relative to the project root. */
export const REMEMBERED_DATES = `${RECORDS_FOLDER}/added-dates.json`;
/** Dumps blamed at once: git is single-threaded per file, and the pipeline works beside it. */
const BLAMES_AT_ONCE = 2;
const UNCOMMITTED = /^0{40}$/;

/** Commit time (ms) of each committed line of a dump, by 1-based line; `shallow` if some are older than the clone. */
export interface DumpBlame {
  times: Map<number, number>;
  shallow: boolean;
}

/** Runs git and gives its output, or undefined when git is missing or fails (not a repository, file not tracked). */
function git(args: string[], cwd: string): Promise<Buffer | undefined> {
  return new Promise((resolve) => {
    const child = spawn('git', args, { cwd, stdio: ['ignore', 'pipe', 'ignore'] });
    const chunks: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => chunks.push(chunk));
    child.on('error', () => resolve(undefined));
    child.on('close', (code) => resolve(code === 0 ? Buffer.concat(chunks) : undefined));
  });
}

/**
 * Reads `git blame --porcelain`: each line of the file is a header `<commit> <line then> <line now>`,
 * the commit's fields the first time it appears (`committer-time`, `boundary`…), and the line's text after a tab.
 */
export function parseBlame(output: string): DumpBlame {
  const commitTimes = new Map<string, number>();
  const boundaries = new Set<string>();
  const lineCommits = new Map<number, string>();
  let commit = '';
  let line = 0;
  for (const row of output.split('\n')) {
    if (row.startsWith('\t')) {
      lineCommits.set(line, commit);
      continue;
    }
    const header = /^([0-9a-f]{40}) \d+ (\d+)/.exec(row);
    if (header) {
      commit = header[1]!;
      line = Number(header[2]);
    } else if (row.startsWith('committer-time ')) {
      commitTimes.set(commit, Number(row.slice('committer-time '.length)) * 1000);
    } else if (row === 'boundary') {
      boundaries.add(commit);
    }
  }
  const times = new Map<number, number>();
  let shallow = false;
  for (const [number, hash] of lineCommits) {
    if (UNCOMMITTED.test(hash)) continue;
    times.set(number, commitTimes.get(hash)!);
    shallow ||= boundaries.has(hash);
  }
  return { times, shallow };
}

/** The blame of one dump, or undefined when git cannot say anything about it. */
export async function blameDump(file: string): Promise<DumpBlame | undefined> {
  // --root: a root commit is where lines began, not the edge of a shallow history.
  const output = await git(['blame', '--porcelain', '--root', '--', path.basename(file)], path.dirname(file));
  // Only header fields are read, so any encoding of the dump's own text will do.
  return output && parseBlame(output.toString('latin1'));
}

/** Blames every dump, a few at a time; keyed by the dump's path as origins name it. */
export async function blameDumps(
  files: { shown: string; full: string }[],
): Promise<Map<string, DumpBlame | undefined>> {
  const blames = await inBatches(files, BLAMES_AT_ONCE, (file) => blameDump(file.full));
  return new Map(files.map((file, index) => [file.shown, blames[index]]));
}

export interface AddedDates {
  /** ISO 8601 time for each paper, in the order given. */
  dates: string[];
  /** Papers dated by git, the others by SOURCE_DATE_EPOCH, a remembered first sighting or now. */
  fromGit: number;
  diagnostics: Diagnostic[];
  /** First sightings to remember for next time: papers git could not date. */
  remembered: Record<string, string>;
}

export interface DatingOptions {
  /** Earlier first sightings by paper key (loadRememberedDates). */
  remembered: Record<string, string>;
  /** ms; default SOURCE_DATE_EPOCH, and when unset, the time of the call. */
  sourceDateEpoch?: number;
  now?: number;
}

export function addedDates(
  papers: Paper[],
  blames: Map<string, DumpBlame | undefined>,
  options: DatingOptions,
): AddedDates {
  const epoch = options.sourceDateEpoch ?? sourceDateEpoch();
  const now = new Date(options.now ?? Date.now()).toISOString();
  const remembered: Record<string, string> = {};
  const shallowDumps = new Set<string>();
  let fromGit = 0;
  const dates = papers.map((paper) => {
    let earliest = Infinity;
    for (const origin of paper.variants.flatMap((variant) => variant.origins)) {
      const blame = blames.get(origin.file);
      const time = blame?.times.get(origin.line);
      if (time !== undefined && time < earliest) earliest = time;
      if (blame?.shallow) shallowDumps.add(origin.file);
    }
    if (earliest !== Infinity) {
      fromGit++;
      return new Date(earliest).toISOString();
    }
    if (epoch !== undefined) return new Date(epoch).toISOString();
    remembered[paper.key] = options.remembered[paper.key] ?? now;
    return remembered[paper.key]!;
  });
  const diagnostics: Diagnostic[] = [...shallowDumps].slice(0, 1).map((file) => ({
    severity: 'warning',
    file,
    message: `git history is shallow${shallowDumps.size > 1 ? ` (and for ${shallowDumps.size - 1} more dumps)` : ''}: papers older than it are dated by its oldest commit; clone the full history (fetch-depth: 0)`,
  }));
  return { dates, fromGit, diagnostics, remembered };
}

export async function loadRememberedDates(root: string): Promise<Record<string, string>> {
  return (await readRecord<Record<string, string>>(path.join(root, REMEMBERED_DATES))) ?? {};
}

export async function saveRememberedDates(root: string, remembered: Record<string, string>): Promise<void> {
  await writeRecord(path.join(root, REMEMBERED_DATES), remembered);
}
