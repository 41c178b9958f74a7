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
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { siteEntries } from '../../lib/site-files.ts';

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
 * of the page just written (skipped, see skipCacheCopyOfPages); a page missing from the output is
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

/** Astro's own module that writes each rendered page into its cache; not among its package exports. */
const ASTRO_CACHE_MODULE = 'dist/core/build/incremental.js';

/**
 * Makes Astro's copy of each rendered page into its cache a no-op, and says whether it could. With
 * the cache's copy shared with the output folder (shareOutputWithCache), that copy rewrote every page
 * just written, to the same file (10,000 papers: 1.6–1.9 s of a clean `astro build`'s 16–17 s).
 * No setting turns it off, so the method is replaced on Astro's class; if a later Astro moves it,
 * pages are written twice again, which is slower but still right.
 */
export async function skipCacheCopyOfPages(): Promise<boolean> {
  const astroPackage = createRequire(import.meta.url).resolve('astro/package.json');
  const module: { IncrementalBuildCache?: { prototype: { writeOutputFile?: unknown } } } = await import(
    pathToFileURL(path.join(path.dirname(astroPackage), ASTRO_CACHE_MODULE)).href
  ).catch(() => ({}));
  const prototype = module.IncrementalBuildCache?.prototype;
  if (typeof prototype?.writeOutputFile !== 'function') return false;
  prototype.writeOutputFile = async () => {};
  return true;
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
        if (!(await skipCacheCopyOfPages()))
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
