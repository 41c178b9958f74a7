/**
 * Keeps the built site between builds, so a rebuild leaves unchanged pages where they are.
 *
 * Astro empties `dist/` before every build; with `experimental.incrementalBuild` it then copies
 * each unchanged page back from its cache, a file creation per paper (~13 s of a 10,000-paper
 * rebuild on this machine). A page already in `dist/` is kept as it is instead, so this
 * integration turns the emptying off and does its job afterwards: whatever this build neither
 * wrote nor kept is removed, as are folders left empty.
 */
import type { AstroIntegration } from 'astro';
import { lstat, mkdir, readdir, readlink, rm, rmdir, stat, symlink } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { siteEntries } from '../../lib/site-files.ts';
import { ASTRO_CACHE_MODULE, interceptPageWrites } from './page-writes.ts';

/**
 * File timestamps come from the kernel's coarse clock, a few milliseconds behind `Date.now()`;
 * a build takes far longer than this, so nothing from the previous one falls inside it.
 */
const CLOCK_SLACK_MS = 1000;

export interface StaleOutput {
  files: string[];
  /** Folders with nothing left in them once `files` are gone. */
  folders: string[];
}

/**
 * Files in `site` that are stale: not among `kept` (pages this build rendered or kept from the
 * last one) and written before `since`. The search indexes are left to the indexer
 * (scripts/search/build-index.ts), which replaces them after the build. Which folders end up empty
 * comes from the same listing: reading each folder again cost a clean 10,000-paper build 10,000
 * folder reads.
 */
export async function findStaleOutput(site: string, kept: ReadonlySet<string>, since: number): Promise<StaleOutput> {
  const files: string[] = [];
  const folders: string[] = [];
  const occupied = new Set<string>();
  const root = path.resolve(site);
  for (const entry of await siteEntries(root)) {
    const file = path.join(entry.parentPath, entry.name);
    if (entry.isDirectory()) folders.push(file);
    else if (!kept.has(file) && (await stat(file)).mtimeMs < since) files.push(file);
    else
      for (let folder = entry.parentPath; folder !== root && !occupied.has(folder); folder = path.dirname(folder))
        occupied.add(folder);
  }
  return { files, folders: folders.filter((folder) => !occupied.has(folder)) };
}

/** Removes the stale files, then the folders they leave empty, deepest first. */
export async function removeStaleOutput({ files, folders }: StaleOutput): Promise<void> {
  await Promise.all(files.map((file) => rm(file, { force: true })));
  for (const folder of folders.sort((a, b) => b.length - a.length)) await rmdir(folder);
}

/**
 * Astro's incremental build also writes every page it renders into its own cache (`dist/` inside
 * `cacheDir`), to copy it back when the output folder lost it. This build keeps the output folder,
 * so that copy only doubled the files a build creates (10,000 papers: 10,000 folders and files,
 * 2.2 GB at 100,000). Pointing Astro's copy at the output folder itself makes each "copy" a rewrite
 * of the page just written (skipped, see page-writes.ts); a page missing from the output is
 * then rendered again, never stale.
 */
export async function shareOutputWithCache(cacheDir: string, outDir: string): Promise<void> {
  const copy = path.join(cacheDir, 'dist');
  const target = path.resolve(outDir);
  const existing = await lstat(copy).catch(() => undefined);
  if (existing?.isSymbolicLink() && (await readlink(copy)) === target) return;
  if (existing) await rm(copy, { recursive: true, force: true });
  await mkdir(cacheDir, { recursive: true });
  await symlink(target, copy, 'dir');
}

export function incrementalOutput(): AstroIntegration {
  let started = 0;
  let outDir = '';
  /** Whether the output folder was empty when the build began: then nothing in it can be stale. */
  let fresh = false;
  return {
    name: 'paper-atlas:incremental-output',
    hooks: {
      'astro:config:setup': ({ updateConfig }) => {
        updateConfig({ vite: { build: { emptyOutDir: false } } });
      },
      'astro:config:done': async ({ config, logger }) => {
        outDir = fileURLToPath(config.outDir);
        await shareOutputWithCache(fileURLToPath(config.cacheDir), outDir);
        if (!(await interceptPageWrites()))
          logger.warn(
            `astro/${ASTRO_CACHE_MODULE} has no IncrementalBuildCache.writeOutputFile; every page is written twice`,
          );
      },
      'astro:build:start': async () => {
        started = Date.now() - CLOCK_SLACK_MS;
        fresh = (await readdir(outDir).catch(() => [])).length === 0;
      },
      'astro:build:done': async ({ dir, assets, logger }) => {
        if (fresh) return;
        const kept = new Set([...assets.values()].flat().map((url) => fileURLToPath(url)));
        const stale = await findStaleOutput(fileURLToPath(dir), kept, started);
        await removeStaleOutput(stale);
        if (stale.files.length > 0) logger.info(`removed ${stale.files.length} file(s) of earlier builds`);
      },
    },
  };
}
