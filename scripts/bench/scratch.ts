/**
 * Scratch copies of the project for `npm run bench`: a fresh checkout, and the caches the deploy
 * workflow restores into one.
 */
import { execFile } from 'node:child_process';
import { access, copyFile, mkdir, readdir, readFile, symlink } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { parse } from 'yaml';
import { PROJECT_ROOT } from '../../lib/project-root.ts';

const run = promisify(execFile);
const exists = (file: string) =>
  access(file).then(
    () => true,
    () => false,
  );

/** Where Astro, Vite and the build's own records keep state in node_modules: a checkout starts without. */
const BUILD_STATE_IN_NODE_MODULES = new Set(['.astro', '.vite', '.cache']);

/**
 * What a fresh clone of the working tree holds, in `work`: every file git tracks or would track
 * (as the working tree has it, uncommitted edits included), and the installed packages, linked.
 * No build state comes along: the records, Astro's and Vite's caches and every generated folder
 * are untracked, and node_modules' cache folders are left for the build to create.
 */
export async function freshCheckout(work: string): Promise<void> {
  const { stdout } = await run('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], {
    cwd: PROJECT_ROOT,
    maxBuffer: 64 * 1024 * 1024,
  });
  for (const file of new Set(stdout.split('\0').filter(Boolean))) {
    const from = path.join(PROJECT_ROOT, file);
    // A tracked file deleted in the working tree is one the next commit deletes.
    if (!(await exists(from))) continue;
    await mkdir(path.dirname(path.join(work, file)), { recursive: true });
    await copyFile(from, path.join(work, file));
  }
  await mkdir(path.join(work, 'node_modules'), { recursive: true });
  for (const entry of await readdir(path.join(PROJECT_ROOT, 'node_modules'))) {
    if (BUILD_STATE_IN_NODE_MODULES.has(entry)) continue;
    await symlink(path.join(PROJECT_ROOT, 'node_modules', entry), path.join(work, 'node_modules', entry));
  }
}

interface Workflow {
  jobs: Record<string, { steps: { uses?: string; with?: { path?: string } }[] }>;
}

/** The folders the deploy workflow's actions/cache step keeps between deploys, read from the workflow itself. */
export async function deployCachePaths(): Promise<string[]> {
  const workflow = parse(await readFile(path.join(PROJECT_ROOT, '.github/workflows/deploy.yml'), 'utf8')) as Workflow;
  const step = Object.values(workflow.jobs)
    .flatMap((job) => job.steps)
    .find((candidate) => candidate.uses?.startsWith('actions/cache'));
  if (!step?.with?.path) throw new Error('bench: .github/workflows/deploy.yml has no actions/cache step with a path');
  return step.with.path.split('\n').flatMap((line) => (line.trim() ? [line.trim()] : []));
}

/**
 * Copies `folders` of the build in `from` into the fresh checkout `to`, modification times kept as
 * the cache's tar keeps them: the build's records tell unchanged files by size and time.
 */
export async function restoreCaches(from: string, to: string, folders: string[]): Promise<void> {
  for (const folder of folders) {
    if (!(await exists(path.join(from, folder)))) continue;
    await mkdir(path.join(to, folder), { recursive: true });
    await run('cp', ['-a', `${path.join(from, folder)}/.`, path.join(to, folder)]);
  }
}
