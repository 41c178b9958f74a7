/**
 * Files of a Pagefind index folder that its current metadata no longer refers to.
 *
 * Pagefind names fragments, word and filter chunks and the metadata by a hash of their content
 * and skips writing a file whose name already exists, so indexing into the folder of the last
 * build writes only what changed. Files of pages that changed or left stay behind; this finds them.
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { cborStrings } from './cbor.ts';

/** Pagefind starts each decompressed data file with this. */
const SIGNATURE = 'pagefind_dcd';
/** Folders of hashed files, each file named `<hash>.<extension>`. */
const HASHED_FOLDERS = ['fragment', 'index', 'filter'];

interface IndexEntry {
  languages: Record<string, { hash: string }>;
}

/** Names the index refers to: its metadata files and every hash the metadata holds. */
async function referencedNames(folder: string): Promise<Set<string>> {
  const entry = JSON.parse(await readFile(path.join(folder, 'pagefind-entry.json'), 'utf8')) as IndexEntry;
  const names = new Set<string>();
  for (const { hash } of Object.values(entry.languages)) {
    const meta = `pagefind.${hash}.pf_meta`;
    names.add(meta);
    const data = gunzipSync(await readFile(path.join(folder, meta)));
    if (data.subarray(0, SIGNATURE.length).toString('latin1') !== SIGNATURE) {
      throw new Error(`${path.join(folder, meta)}: not Pagefind metadata this version can read`);
    }
    for (const name of cborStrings(data.subarray(SIGNATURE.length))) names.add(name);
  }
  return names;
}

export async function staleIndexFiles(folder: string): Promise<string[]> {
  const referenced = await referencedNames(folder);
  const stale = (await readdir(folder))
    .filter((name) => name.endsWith('.pf_meta') && !referenced.has(name))
    .map((name) => path.join(folder, name));
  for (const hashed of HASHED_FOLDERS) {
    const names = await readdir(path.join(folder, hashed)).catch(() => []);
    for (const name of names) {
      if (!referenced.has(name.slice(0, name.lastIndexOf('.')))) stale.push(path.join(folder, hashed, name));
    }
  }
  return stale;
}
