/**
 * What the atlas reads of a Pagefind index folder's metadata: the files it no longer refers to,
 * and where its word index splits a word's forms.
 *
 * Pagefind names fragments, word and filter chunks and the metadata by a hash of their content
 * and skips writing a file whose name already exists, so indexing into the folder of the last
 * build writes only what changed. Files of pages that changed or left stay behind; this finds them.
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { decodeCbor, textStrings } from './cbor.ts';
import { readRecord, writeRecord } from '../../lib/build-records.ts';

/** Pagefind starts each decompressed data file with this. */
const SIGNATURE = 'pagefind_dcd';
/** Folders of hashed files, each file named `<hash>.<extension>`. */
const HASHED_FOLDERS = ['fragment', 'index', 'filter'];

interface IndexEntry {
  languages: Record<string, { hash: string }>;
}

/** Pagefind's metadata of an index folder (pagefind/src/index/index_metadata.rs), per language. */
type Metadata = [version: string, pages: unknown[], chunks: [from: string, to: string, hash: string][], ...unknown[]];

/** The metadata files of an index folder, by name, and what they hold. */
async function readMetadata(folder: string): Promise<Map<string, Metadata>> {
  const entry = JSON.parse(await readFile(path.join(folder, 'pagefind-entry.json'), 'utf8')) as IndexEntry;
  const metadata = new Map<string, Metadata>();
  for (const { hash } of Object.values(entry.languages)) {
    const meta = `pagefind.${hash}.pf_meta`;
    metadata.set(meta, (await readDataFile(path.join(folder, meta))) as Metadata);
  }
  return metadata;
}

/** Names the index refers to: its metadata files and every hash the metadata holds. */
async function referencedNames(folder: string): Promise<Set<string>> {
  const names = new Set<string>();
  for (const [meta, data] of await readMetadata(folder)) {
    names.add(meta);
    for (const name of textStrings(data)) names.add(name);
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

/** A word of a word-index file and the pages it is on (pagefind/src/index/index_words.rs). */
type IndexedWord = [word: string, pages: [pageDelta: number, ...unknown[]][], ...unknown[]];

/** Reads a Pagefind data file: gzip, its signature, then CBOR. */
async function readDataFile(file: string): Promise<unknown> {
  const data = gunzipSync(await readFile(file));
  if (data.subarray(0, SIGNATURE.length).toString('latin1') !== SIGNATURE) {
    throw new Error(`${file}: not a Pagefind file this version can read`);
  }
  return decodeCbor(data.subarray(SIGNATURE.length));
}

/** `[start, ...lengths]` of the word-index files a stem's forms run on into; see `splitWordForms`. */
type SplitForms = [start: string, ...lengths: number[]][];

/** Where an index folder keeps what `splitWordForms` found, for the metadata it read it from. */
const SPLIT_FORMS_FILE = 'atlas-split-forms.json';

/** The pages a word index file's words are on, in order (their page numbers are kept as differences). */
async function readWords(file: string): Promise<{ word: string; pages: number[] }[]> {
  const [words] = (await readDataFile(file)) as [IndexedWord[]];
  return words.map(([word, pages]) => {
    let page = 0;
    return { word, pages: pages.map(([delta]) => (page += delta)) };
  });
}

/** The starts of `text` from two letters to `longest`. */
function starts(text: string, longest: number): string[] {
  const letters = [...text];
  return Array.from({ length: Math.min(longest, letters.length) - 1 }, (_, index) =>
    letters.slice(0, index + 2).join(''),
  );
}

/**
 * Where a word's longer forms run on from one word-index file into the next and bring pages of
 * their own: `[start, ...lengths]` for each such file, where `start` is its first letters (Pagefind
 * names a file by the shortest start of its first word that sorts after the file before: one
 * letter more than the two share), and a query word whose stem is the first `length` letters of
 * `start` needs the file. A stem needs a file when its words there are on a page none of its words
 * in the files before are on: the parts of a compound are not ("network-based" is indexed as
 * "networkbas" and as "network"), nor, mostly, the longer words starting "in". Stems of one letter
 * are left out. The search loads these files for the stems of a query (src/scripts/pagefind.ts).
 */
export async function splitWordForms(folder: string): Promise<SplitForms> {
  const metadata = await readMetadata(folder);
  // Reading every word takes ~0.5 s for 5,000 pages: an index kept from the last build keeps its answer.
  const cache = path.join(folder, SPLIT_FORMS_FILE);
  const files = [...metadata.keys()];
  const kept = await readRecord<{ files: string[]; split: SplitForms }>(cache);
  if (kept && kept.files.join() === files.join()) return kept.split;
  const split: SplitForms = [];
  for (const [, [, , chunks]] of metadata) {
    // The stems to follow: those a file shares with the file before. Every start of one is one too.
    const followed = new Set(chunks.slice(1).flatMap(([from]) => starts(from, [...from].length - 1)));
    /** The pages of the words read so far, by the followed stem they start with. */
    const pagesOf = new Map<string, Set<number>>();
    for (const [position, [from, , hash]] of chunks.entries()) {
      const words = await readWords(path.join(folder, 'index', `${hash}.pf_index`));
      const lengths: number[] = [];
      for (const stem of position > 0 ? starts(from, [...from].length - 1) : []) {
        const earlier = pagesOf.get(stem);
        // The stem's words come first in the file, which starts with it.
        for (const { word, pages } of words) {
          if (!word.startsWith(stem)) break;
          if (pages.some((page) => !earlier?.has(page))) {
            lengths.push([...stem].length);
            break;
          }
        }
      }
      if (lengths.length > 0) split.push([from, ...lengths]);
      for (const { word, pages } of words) {
        for (const stem of starts(word, Number.POSITIVE_INFINITY)) {
          if (!followed.has(stem)) break;
          const known = pagesOf.get(stem) ?? new Set<number>();
          for (const page of pages) known.add(page);
          pagesOf.set(stem, known);
        }
      }
    }
  }
  await writeRecord(cache, { files, split });
  return split;
}
