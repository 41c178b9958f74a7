/**
 * A file's size and modification time: how the content step's render record and the search
 * index's page digests tell, as make does, that a file is still as they last saw it.
 */
import { stat } from 'node:fs/promises';
import { inBatches } from './batches.ts';

export type FileState = [size: number, mtimeMs: number];

/** Files looked at at once. */
const FILES_AT_ONCE = 64;

async function fileState(file: string): Promise<FileState | undefined> {
  try {
    const { size, mtimeMs } = await stat(file);
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
