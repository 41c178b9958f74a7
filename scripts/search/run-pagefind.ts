/** Runs Pagefind's own program and turns its failure into one readable message. */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

let binary: Promise<string> | undefined;

/**
 * Pagefind's own program, found the way its npm launcher finds it, and run directly: it indexes the
 * same pages as Pagefind's Node API faster (10,000 pages in 9.4 s instead of 10.3 s into an empty
 * folder, 4.8 s instead of 6.3 s over the last build's index), and without the launcher's Node
 * process (~40 MB) beside its peak.
 */
function pagefindBinary(): Promise<string> {
  binary ??= (async () => {
    const { resolveBinaryPath } = (await import(new URL('resolveBinary.js', import.meta.resolve('pagefind')).href)) as {
      resolveBinaryPath: (names: string[]) => string;
    };
    return resolveBinaryPath(['pagefind_extended', 'pagefind']);
  })();
  return binary;
}

/** @returns what Pagefind printed */
export async function runPagefind(args: string[], settings: Record<string, string> = {}): Promise<string> {
  try {
    const env = { ...process.env, ...settings };
    return (await promisify(execFile)(await pagefindBinary(), args, { env, maxBuffer: 64 * 1024 * 1024 })).stdout;
  } catch (error) {
    const { stdout = '', stderr = '' } = error as { stdout?: string; stderr?: string };
    const said = `${stdout}\n${stderr}`.trim().split('\n').slice(-12).join('\n');
    throw new Error(`Pagefind could not index the site:\n${said || String(error)}`);
  }
}

/** The arguments that index `glob` of `site` into `outputPath`. */
export function pagefindArgs(site: string, glob: string, outputPath: string): string[] {
  return ['--site', site, '--glob', glob, '--output-path', outputPath, '--force-language', 'en'];
}

/**
 * How much of the word index goes in one file, in Pagefind's unit (a word's pages and its places in
 * them; Pagefind's default is 20,000). A query fetches the file of each of its words, and its first
 * one also the index's metadata, which names every file: smaller files cost a larger metadata file.
 * The two balance at a size growing with the square root of the pages indexed: a cold first query
 * on the seeds (468 pages) fetched 148 → 107 KB, and at 10,000 papers (parts of ~5,000 pages)
 * 335 → 268 KB.
 */
export function indexChunkSize(pages: number): number {
  return Math.round(30 * Math.sqrt(pages));
}

/** Pagefind's settings for indexing `pages` pages; read by Pagefind 1.5 and 1.6 (pagefind/src/options.rs). */
export function pagefindSettings(pages: number): Record<string, string> {
  return { PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE: String(indexChunkSize(pages)) };
}
