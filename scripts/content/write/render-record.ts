/**
 * Stage 5a′, skip what is rendered already: a paper page whose paper and renderer are the same as
 * in the last run, and whose file is still as that run left it, is neither rendered nor read back.
 *
 * The record is a digest of what each page was rendered from, with the size and modification time
 * its file had afterwards. The renderer's digest covers the pipeline's and the schema's source, the
 * installed packages and Node's version, so changed code never leaves a page rendered the old way.
 * The record lives in node_modules/.cache/paper-atlas/, beside other tools' caches and outside the
 * generated folders.
 */
import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileStates, sameState, type FileState } from '../../../lib/file-states.ts';
import type { EnrichedPaper } from '../types.ts';
import { RECORDS_FOLDER, readRecord, writeRecord } from '../../../lib/build-records.ts';
import { PROJECT_ROOT } from '../../../lib/project-root.ts';

/** Where the record is, relative to the project root. */
export const RENDER_RECORD = `${RECORDS_FOLDER}/rendered-pages.json`;

/** What rendering depends on besides the paper: this code, the packages it runs with, and Node. */
const RENDERER_SOURCES = ['scripts/content', 'contract', 'lib'];
const RENDERER_PACKAGES = 'package-lock.json';

/** A page's file as the last run left it: the digest of what it was rendered from, and its state. */
type PageRecord = [inputs: string, state: FileState];

interface RecordFile {
  renderer: string;
  pages: Record<string, PageRecord>;
}

async function rendererDigest(): Promise<string> {
  const digest = createHash('sha256');
  for (const folder of RENDERER_SOURCES) {
    const files = (await readdir(path.join(PROJECT_ROOT, folder), { recursive: true }))
      .filter((file) => file.endsWith('.ts'))
      .sort();
    for (const file of files)
      digest.update(`\0${folder}/${file}\0`).update(await readFile(path.join(PROJECT_ROOT, folder, file)));
  }
  digest.update(await readFile(path.join(PROJECT_ROOT, RENDERER_PACKAGES)).catch(() => ''));
  // Node's version stands for its ICU data too, which splits excerpts into sentences.
  digest.update(`\0${process.version}`);
  return digest.digest('hex');
}

export function renderInputs(paper: EnrichedPaper): string {
  return createHash('sha256').update(JSON.stringify(paper)).digest('base64url');
}

export interface RenderRecord {
  /** Of `pages` (relative path → digest of its inputs), those whose file is as rendered from the same inputs. */
  current(pages: Map<string, string>): Promise<Set<string>>;
  /** Records `pages` as their files are now, in place of the last run's record. */
  save(pages: Map<string, string>): Promise<void>;
}

/** The last run's record, empty if there is none or the renderer changed since. */
export async function openRenderRecord(root: string): Promise<RenderRecord> {
  const file = path.join(root, RENDER_RECORD);
  const renderer = await rendererDigest();
  const stored = await readRecord<RecordFile>(file);
  const last = stored?.renderer === renderer ? stored.pages : {};
  const states = (pages: [string, string][]) => fileStates(pages.map(([relative]) => path.join(root, relative)));
  return {
    async current(pages) {
      const candidates = [...pages].filter(([relative, inputs]) => last[relative]?.[0] === inputs);
      const found = await states(candidates);
      return new Set(
        candidates.flatMap(([relative], index) => (sameState(found[index], last[relative]![1]) ? [relative] : [])),
      );
    },
    async save(pages) {
      const entries = [...pages];
      const found = await states(entries);
      const record: RecordFile = { renderer, pages: {} };
      entries.forEach(([relative, inputs], index) => {
        const state = found[index];
        if (state) record.pages[relative] = [inputs, state];
      });
      await writeRecord(file, record);
    },
  };
}
