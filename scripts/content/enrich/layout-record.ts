/**
 * The last run's map positions, so a map stays stable as papers are added (enrich/layout.ts).
 * Kept in node_modules/.cache/paper-atlas/ beside the render record; a changed layout method
 * starts the map afresh.
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { EnrichedPaper, Position } from '../types.ts';
import { RECORDS_FOLDER, readRecord, writeRecord } from '../../../lib/build-records.ts';

/** Where the record is, relative to the project root. */
export const LAYOUT_RECORD = `${RECORDS_FOLDER}/map-positions.json`;

interface RecordFile {
  method: string;
  positions: Record<string, Position>;
}

async function methodDigest(): Promise<string> {
  return createHash('sha256')
    .update(await readFile(new URL('./layout.ts', import.meta.url)))
    .digest('base64url');
}

/** Paper slug → its position in the last run; empty without a record or after the method changed. */
export async function readLastPositions(root: string): Promise<Map<string, Position>> {
  const record = await readRecord<RecordFile>(path.join(root, LAYOUT_RECORD));
  return record?.method === (await methodDigest()) ? new Map(Object.entries(record.positions)) : new Map();
}

export async function saveLayoutRecord(root: string, papers: EnrichedPaper[]): Promise<void> {
  const record: RecordFile = {
    method: await methodDigest(),
    positions: Object.fromEntries(papers.map((paper) => [paper.slug, paper.position])),
  };
  await writeRecord(path.join(root, LAYOUT_RECORD), record);
}
