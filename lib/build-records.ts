/**
 * What a build keeps for the next one (the render record, the search index's page digests, the
 * dates papers were first seen, the map's positions): JSON files in one folder, each read as the
 * last run left it or not at all, and written whole.
 */
import { mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { writeAtomically } from './atomic-write.ts';

/** The records' folder, relative to the project root; the deploy workflow caches it. */
export const RECORDS_FOLDER = 'node_modules/.cache/paper-atlas';

/**
 * The most memory the last content step took, `{ bytes }`: what the build takes anyway, which the
 * search indexing beside Astro's rendering stays within (src/integrations/search-while-rendering.ts).
 */
export const CONTENT_PEAK = `${RECORDS_FOLDER}/content-peak.json`;

/** The record in `file`, or undefined where there is none or it cannot be read: a build then starts afresh. */
export async function readRecord<T>(file: string): Promise<T | undefined> {
  try {
    return JSON.parse(await readFile(file, 'utf8')) as T;
  } catch {
    return undefined;
  }
}

export async function writeRecord(file: string, record: unknown): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true });
  writeAtomically(file, JSON.stringify(record));
}
