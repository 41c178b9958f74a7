/**
 * A file's size and modification time: how the content step's render record and the search
 * index's page digests tell, as make does, that a file is still as they last saw it.
 */
import { statSync } from 'node:fs';
import { inBatches } from './batches.ts';

export type FileState = [size: number, mtimeMs: number];

/** Files looked at between turns of the event loop. */
const FILES_AT_ONCE = 64;

/**
 * Blocking, a batch at a time: the promise API's thread pool cost this machine kind twice the
 * processor time (10,000 pages stated and read: 1.0 against 0.45 s) that the search index's
 * digests take from Pagefind, which runs beside them.
 */
async function fileState(file: string): Promise<FileState | undefined> {
  try {
    const { size, mtimeMs } = statSync(file);
    return [size, mtimeMs];
  } catch {
    return undefined;
  }
}

/** The state of each file, undefined where it is missing. */
export function fileStates(files: readonly string[]): Promise<(FileState | undefined)[]> {
  return inBatches(files, FILES_AT_ONCE, fileState);
}

export function sameState(now: FileState | undefined, seen: FileState | undefined): boolean {
  return now !== undefined && seen !== undefined && now[0] === seen[0] && now[1] === seen[1];
}
