/**
 * Builds the Pagefind index of a built site: papers, and topic pages below them.
 *
 * A larger atlas is indexed in parts (see `planIndexes`): the first in `pagefind/`, the rest in
 * `pagefind-2/`, `pagefind-3/`…, one after the other, so only one index is in memory at a time.
 * The browser merges them (src/scripts/pagefind.ts), reading their names from the list in
 * src/lib/search-indexes.ts. A part whose pages did not change since the last build is kept as
 * it is; one that changed is indexed over the last build's, where Pagefind writes only the files
 * that changed, and files the new index no longer refers to are removed after it.
 */
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { fileStates, sameState, type FileState } from './file-states.ts';
import { staleIndexFiles } from './pagefind-output.ts';
import { writeAtomically } from './pipeline/write/files.ts';
import { searchInput } from './search-input.ts';
import { inBatches } from '../src/lib/batches.ts';
import { isPageSegment } from '../src/lib/pages.ts';
import { INDEX_LIST_PATH, indexFolder, isIndexFolder, type IndexList } from '../src/lib/search-indexes.ts';
import { siteEntries } from '../src/lib/site-files.ts';

export interface IndexSummary {
  pages: number;
  /** How many Pagefind indexes the pages were split across. */
  indexes: number;
  /** Of those, how many were indexed again because their pages changed. */
  reindexed: number;
  /** Files of an earlier build's index that the new one no longer refers to. */
  removed: number;
  seconds: number;
}

export interface IndexLimits {
  /** From this many papers on, papers are split across at least two indexes. */
  splitFrom: number;
  /** The most papers one index holds. */
  papersPerIndex: number;
}

/**
 * A rebuild indexes again only the parts whose pages changed, so splitting pays from a few
 * thousand papers: at 10,000, indexing all pages takes ~5 s, one half ~2.5 s. Each run of papers
 * costs a reader's first query its own metadata and word chunks (at 10,000 papers, two runs and
 * the small first part: 331 KB instead of 271 KB), so runs stay few: two up to 50,000 papers,
 * then as many as keep Pagefind near 3.3 GB while it writes (~130 KB a page; measured at 100,000).
 */
export const INDEX_LIMITS: IndexLimits = { splitFrom: 5_000, papersPerIndex: 25_000 };

export interface IndexPart {
  /** The files of this part, as a glob relative to the site, so Pagefind reads them itself in parallel. */
  glob: string;
  /** The same files, listed. */
  files: string[];
}

/** A page under `papers/`: a paper's, or one of the A–Z list's pages (`papers/page-N/`). */
const PAPERS_FOLDER_PAGE = /^papers\/([^/]+)\/index\.html$/;

/** Papers whose slug starts with `prefix`, or, when `exact`, is exactly it. */
interface SlugGroup {
  prefix: string;
  exact: boolean;
  slugs: string[];
}

function groupByPrefix(slugs: string[], length: number): SlugGroup[] {
  const groups = new Map<string, SlugGroup>();
  for (const slug of slugs) {
    const exact = slug.length < length;
    const prefix = slug.slice(0, length);
    const key = exact ? `${prefix}/` : prefix;
    const group = groups.get(key) ?? { prefix, exact, slugs: [] };
    group.slugs.push(slug);
    groups.set(key, group);
  }
  return [...groups.values()];
}

/** Groups of at most `limit` papers by the start of their slug: one letter, more where needed. */
function slugGroups(slugs: string[], limit: number, length = 1): SlugGroup[] {
  return groupByPrefix(slugs, length).flatMap((group) => (group.exact || group.slugs.length <= limit ? [group] : slugGroups(group.slugs, limit, length + 1)));
}

/** The built site as the planner sees it, search indexes left out. */
export interface BuiltSite {
  /** HTML files, relative to the site, with `/` separators. */
  files: string[];
  /** HTML files and folders at the top of the site. */
  topLevel: { name: string; folder: boolean }[];
}

/** Groups per part: fine enough that parts come out within a few percent of even. */
const GROUPS_PER_PART = 16;

/**
 * Which pages go in which index. A small atlas has one. A larger one puts every page that is not
 * a paper (home, topics, lists) in the first part, which a rebuild indexes again whenever a topic
 * page changed, and splits papers into even runs of slug prefixes after it, so editing one paper
 * leaves the other runs' indexes as they are.
 */
export function planIndexes(site: BuiltSite, limits: IndexLimits = INDEX_LIMITS): IndexPart[] {
  const slugs = site.files
    .flatMap((file) => PAPERS_FOLDER_PAGE.exec(file)?.[1] ?? [])
    .filter((segment) => !isPageSegment(segment))
    .sort();
  if (slugs.length < limits.splitFrom) return [{ glob: '**/*.html', files: site.files }];

  const isShared = (file: string) => !file.startsWith('papers/') || file === 'papers/index.html';
  const shared: IndexPart = {
    glob: `{${site.topLevel
      .filter((entry) => entry.name !== 'papers')
      .map((entry) => (entry.folder ? `${entry.name}/**/*.html` : entry.name))
      .concat('papers/index.html')
      .join(',')}}`,
    files: site.files.filter(isShared),
  };
  const count = Math.max(2, Math.ceil(slugs.length / limits.papersPerIndex));
  const perPart = slugs.length / count;
  const runs = Array.from({ length: count }, () => ({ patterns: [] as string[], files: [] as string[] }));
  let placed = 0;
  for (const group of slugGroups(slugs, Math.ceil(perPart / GROUPS_PER_PART)).sort((a, b) => (a.prefix < b.prefix ? -1 : 1))) {
    // A group goes to the part its middle falls in, so each part ends within half a group of even.
    const run = runs[Math.min(count - 1, Math.floor((placed + group.slugs.length / 2) / perPart))]!;
    run.patterns.push(`papers/${group.prefix}${group.exact ? '' : '*'}/index.html`);
    run.files.push(...group.slugs.map((slug) => `papers/${slug}/index.html`));
    placed += group.slugs.length;
  }
  // Pagefind refuses a glob that matches nothing: a part can be empty with fewer papers than runs.
  return [shared, ...runs.map((run) => ({ glob: `{${run.patterns.join(',')}}`, files: run.files }))].filter((part) => part.files.length > 0);
}

async function readSite(site: string): Promise<BuiltSite> {
  const files: string[] = [];
  const topLevel: BuiltSite['topLevel'] = [];
  for (const entry of await siteEntries(site)) {
    const file = path.relative(site, path.join(entry.parentPath, entry.name)).split(path.sep).join('/');
    const isHtml = entry.isFile() && entry.name.endsWith('.html');
    if (isHtml) files.push(file);
    if (!file.includes('/') && (isHtml || entry.isDirectory())) topLevel.push({ name: file, folder: entry.isDirectory() });
  }
  return { files: files.sort(), topLevel };
}

/**
 * Written into a part's folder once Pagefind and the clean-up after it finished: what the index
 * was built from. A folder without it is unfinished (or from before stamps) and starts empty.
 */
const STAMP_FILE = 'atlas-part.json';

/** Pages read at once while digesting a part. */
const FILES_AT_ONCE = 64;

interface PartStamp {
  inputs: string;
}

/** The digest of what Pagefind reads of a page, with the state of its file when it was taken. */
type PageDigest = [digest: string, state: FileState];

/**
 * Page digests of the last build, kept outside the site (it is deployed) so that a rebuild reads
 * only the pages whose file changed: at 10,000 papers, about 100 instead of all.
 */
interface DigestCache {
  site: string;
  pages: Record<string, PageDigest>;
}

async function readDigestCache(file: string | undefined, site: string): Promise<Map<string, PageDigest>> {
  if (!file) return new Map();
  try {
    const cache = JSON.parse(await readFile(file, 'utf8')) as DigestCache;
    return new Map(cache.site === site ? Object.entries(cache.pages) : []);
  } catch {
    return new Map();
  }
}

async function writeDigestCache(file: string, site: string, digests: Map<string, PageDigest>): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true });
  await writeAtomically(file, JSON.stringify({ site, pages: Object.fromEntries(digests) } satisfies DigestCache));
}

/**
 * A digest of everything a part's index is made from: Pagefind's version and arguments, what it
 * reads of every page. A page whose file is as in `known` is not read again; every page's digest
 * goes into `known`.
 */
async function partInputs(site: string, part: IndexPart, command: string[], known: Map<string, PageDigest>): Promise<string> {
  const states = await fileStates(part.files.map((file) => path.join(site, file)));
  const entries = part.files.map((file, index) => ({ file, state: states[index] }));
  const pages = await inBatches(entries, FILES_AT_ONCE, async ({ file, state }): Promise<PageDigest> => {
    const seen = known.get(file);
    if (seen && sameState(state, seen[1])) return seen;
    // A page gone since the listing fails here. One written since its state was taken is digested
    // as read, under the older state, so the next build reads it again.
    const text = await readFile(path.join(site, file), 'utf8');
    return [createHash('sha256').update(searchInput(text)).digest('base64url'), state ?? [-1, -1]];
  });
  const digest = createHash('sha256').update(JSON.stringify(command));
  part.files.forEach((file, index) => {
    known.set(file, pages[index]!);
    digest.update(`\0${file}\0${pages[index]![0]}`);
  });
  return digest.digest('hex');
}

async function readStamp(folder: string): Promise<PartStamp | undefined> {
  try {
    return JSON.parse(await readFile(path.join(folder, STAMP_FILE), 'utf8')) as PartStamp;
  } catch {
    return undefined;
  }
}

/**
 * Prepares the index folders of the last build for indexing in place: folders beyond `parts` go,
 * and so does any folder without a stamp, whose last indexing did not finish: a file cut short
 * under its final name would be kept by Pagefind, which skips files whose name exists.
 * @returns the stamps of the folders kept, by folder name
 */
async function prepareIndexFolders(site: string, parts: number): Promise<Map<string, PartStamp>> {
  const wanted = new Set(Array.from({ length: parts }, (_, position) => indexFolder(position)));
  const stamps = new Map<string, PartStamp>();
  for (const name of (await readdir(site)).filter(isIndexFolder)) {
    const folder = path.join(site, name);
    const stamp = wanted.has(name) ? await readStamp(folder) : undefined;
    if (stamp) stamps.set(name, stamp);
    else await rm(folder, { recursive: true, force: true });
  }
  return stamps;
}

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

async function runPagefind(args: string[]): Promise<string> {
  try {
    return (await promisify(execFile)(await pagefindBinary(), args, { maxBuffer: 64 * 1024 * 1024 })).stdout;
  } catch (error) {
    const { stdout = '', stderr = '' } = error as { stdout?: string; stderr?: string };
    const said = `${stdout}\n${stderr}`.trim().split('\n').slice(-12).join('\n');
    throw new Error(`Pagefind could not index the site:\n${said || String(error)}`);
  }
}

export interface IndexOptions {
  limits?: IndexLimits;
  /** A file outside the site to keep page digests in between builds; without it every page is read. */
  digestCache?: string;
}

export async function buildSearchIndex(site: string, { limits = INDEX_LIMITS, digestCache }: IndexOptions = {}): Promise<IndexSummary> {
  const started = performance.now();
  const parts = planIndexes(await readSite(site), limits);
  const stamps = await prepareIndexFolders(site, parts.length);
  const version = (await runPagefind(['--version'])).trim();
  const known = await readDigestCache(digestCache, site);
  let removed = 0;
  let reindexed = 0;
  // One part after the other, each index freed before the next is built.
  for (const [position, part] of parts.entries()) {
    const outputPath = path.join(site, indexFolder(position));
    const args = ['--site', site, '--glob', part.glob, '--output-path', outputPath, '--force-language', 'en'];
    const command = [version, ...args];
    const last = stamps.get(indexFolder(position));
    const digest = last ? await partInputs(site, part, command, known) : undefined;
    if (last && last.inputs === digest) continue;
    await rm(path.join(outputPath, STAMP_FILE), { force: true });
    // With no stamp to compare against, Pagefind runs whatever the digest, which is taken while it reads.
    const [inputs] = await Promise.all([digest ?? partInputs(site, part, command, known), runPagefind(args)]);
    const stale = await staleIndexFiles(outputPath);
    await Promise.all(stale.map((file) => rm(file)));
    removed += stale.length;
    reindexed++;
    await writeFile(path.join(outputPath, STAMP_FILE), JSON.stringify({ inputs } satisfies PartStamp));
  }
  const list: IndexList = { merge: parts.slice(1).map((_, position) => `${indexFolder(position + 1)}/`) };
  await writeFile(path.join(site, INDEX_LIST_PATH), JSON.stringify(list));
  if (digestCache) await writeDigestCache(digestCache, site, new Map(parts.flatMap((part) => part.files.map((file) => [file, known.get(file)!] as const))));
  const pages = parts.reduce((sum, part) => sum + part.files.length, 0);
  return { pages, indexes: parts.length, reindexed, removed, seconds: (performance.now() - started) / 1000 };
}
