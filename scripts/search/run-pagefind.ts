/** Runs Pagefind's own program and turns its failure into one readable message. */
import { execFile } from 'node:child_process';
import { setPriority } from 'node:os';
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

/**
 * Pagefind's Linux build allocates through jemalloc, which keeps freed memory in several arenas for
 * ten seconds, about a whole run, so it stayed counted while the index was built. One arena handing
 * it back after a second: 10,000 pages peak 1.40 → 1.19 GB, the same index, no slower. After 0.2 s
 * instead of 1 s, the two halves of 10,000 papers indexed side by side peak lower in seven of seven
 * alternating pairs (median 935 instead of 1,008 MB), in the same time (median 12.6 / 12.8 s); at
 * 100,000, two pairs were alike within their noise. Not part of a command's stamp: it changes no
 * output. Pagefind's other builds do not read it.
 */
const ALLOCATOR_SETTINGS = { _RJEM_MALLOC_CONF: 'narenas:1,dirty_decay_ms:200' };

/** A leading `NAME=value` of a command is a setting of its environment, as a shell reads it. */
const SETTING = /^([A-Z_]+)=(.*)$/;

/**
 * Runs Pagefind with a command line: settings of its environment (`NAME=value`) first, then arguments,
 * at `priority` (os.setPriority's scale: 19 gives way to every other process).
 * @returns what Pagefind printed
 */
export async function runPagefind(command: string[], { priority = 0 } = {}): Promise<string> {
  let settings = 0;
  while (SETTING.test(command[settings] ?? '')) settings++;
  const env = {
    ...process.env,
    ...ALLOCATOR_SETTINGS,
    ...Object.fromEntries(command.slice(0, settings).map((word) => SETTING.exec(word)!.slice(1))),
  };
  try {
    const running = promisify(execFile)(await pagefindBinary(), command.slice(settings), {
      env,
      maxBuffer: 64 * 1024 * 1024,
    });
    // Set before Pagefind starts its threads, which take their priority from its first.
    if (priority !== 0 && running.child.pid !== undefined) setPriority(running.child.pid, priority);
    return (await running).stdout;
  } catch (error) {
    const { stdout = '', stderr = '' } = error as { stdout?: string; stderr?: string };
    const said = `${stdout}\n${stderr}`.trim().split('\n').slice(-12).join('\n');
    throw new Error(`Pagefind could not index the site:\n${said || String(error)}`);
  }
}

/**
 * How much of the word index goes in one file, in Pagefind's unit (a word's pages plus its places
 * in them; Pagefind's default is 20,000). A query fetches the files of its words from every index,
 * and its first one also each index's metadata, which names every file. The two balance at a size
 * that grows with the square root of the pages indexed. Cold first queries, six of them averaged
 * (scripts/bench/search-bytes.ts), with the files src/scripts/pagefind.ts adds for word forms:
 * 462 pages 155 → 108 KB (20,000 → 645); 10,000 papers in two parts of ~5,000 pages 335 → 278 KB
 * (→ 2,130); half or twice the size gave 109/289 and 108/296 KB.
 */
export function indexChunkSize(pages: number): number {
  return Math.round(30 * Math.sqrt(pages));
}

/** The command line that indexes `glob` of `site`, `pages` pages, into `outputPath`, settings first. */
export function pagefindArgs(site: string, glob: string, outputPath: string, pages: number): string[] {
  return [
    // Read by Pagefind 1.5 and 1.6 (pagefind/src/options.rs); a Pagefind without it keeps its default
    // size, which tests/browser/search.test.ts would notice in the bytes of a first query.
    `PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE=${indexChunkSize(pages)}`,
    ...['--site', site, '--glob', glob, '--output-path', outputPath, '--force-language', 'en'],
  ];
}
