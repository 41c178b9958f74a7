/**
 * The pages Astro's build renders, reported as each is written, and written once.
 *
 * With `experimental.incrementalBuild`, Astro calls `IncrementalBuildCache.writeOutputFile` right
 * after writing each page it rendered (not one it kept from the last build), to copy the page into
 * its cache. This build's cache copy is the output folder itself (incremental-output.ts), so that
 * copy rewrote the page just written (10,000 papers: 1.6–1.9 s of a clean `astro build`'s 16–17 s).
 * No setting turns it off and Astro has no hook per page, so the method is replaced on Astro's
 * class by one that tells the listeners instead. If a later Astro moves it, pages are written
 * twice again and nobody hears of them: slower, still right.
 */
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

/** Astro's own module that copies each rendered page into its cache; not among its package exports. */
export const ASTRO_CACHE_MODULE = 'dist/core/build/incremental.js';

/** Told the page's file, relative to the output folder with `/` separators, once it is written. */
export type PageListener = (file: string) => void;

const listeners = new Set<PageListener>();
let intercepted: Promise<boolean> | undefined;

/** Astro's cache class, with the method its build calls after writing each page it rendered. */
interface PageCache {
  prototype: { writeOutputFile?: (settings: unknown, file: string, body: unknown) => Promise<void> };
}

/** Astro's incremental build cache class, imported by its file from the installed `astro`; undefined if it moved. */
export async function astroPageCache(): Promise<PageCache | undefined> {
  const astroPackage = createRequire(import.meta.url).resolve('astro/package.json');
  const module: { IncrementalBuildCache?: PageCache } = await import(
    pathToFileURL(path.join(path.dirname(astroPackage), ASTRO_CACHE_MODULE)).href
  ).catch(() => ({}));
  return module.IncrementalBuildCache;
}

async function intercept(): Promise<boolean> {
  const prototype = (await astroPageCache())?.prototype;
  if (typeof prototype?.writeOutputFile !== 'function') return false;
  // Astro passes the file as the tail of its URL, so a name outside ASCII comes percent-encoded.
  prototype.writeOutputFile = async (_settings: unknown, file: string) => {
    const written = decodeURIComponent(file);
    for (const listener of listeners) listener(written);
  };
  return true;
}

/**
 * Replaces Astro's cache copy of each page with telling the listeners; once per process, however
 * many integrations ask. Astro loads the config with Node's own `import`, so this is the module
 * instance its build uses.
 * @returns whether the installed Astro has the method
 */
export function interceptPageWrites(): Promise<boolean> {
  intercepted ??= intercept();
  return intercepted;
}

/** Listens to pages written from now on; the function returned stops listening. */
export function onPageWritten(listener: PageListener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
