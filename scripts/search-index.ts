/**
 * Builds the Pagefind index of a built site: papers, and topic pages below them.
 *
 * Pagefind holds about 130 KB per page while it writes an index (1.4 GB at 10,000 pages, 12.6 GB
 * at 100,000), so a large atlas is indexed in parts of about `pagesPerIndex` pages, one after the
 * other: the first in `pagefind/`, the rest in `pagefind-2/`, `pagefind-3/`… The browser merges them
 * (src/scripts/pagefind.ts), reading their names from the list in src/lib/search-indexes.ts.
 * Each part is written over the last build's, where Pagefind writes only the files that changed
 * (10,000 pages after one dump changed: 4.8 s instead of 9.4 s); files the new index
 * no longer refers to are removed after it.
 */
import { execFile } from 'node:child_process';
import { readdir, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { staleIndexFiles } from './pagefind-output.ts';
import { isPageSegment } from '../src/lib/pages.ts';
import { INDEX_LIST_PATH, indexFolder, isIndexFolder, type IndexList } from '../src/lib/search-indexes.ts';

export interface IndexSummary {
  pages: number;
  /** How many Pagefind indexes the pages were split across. */
  indexes: number;
  /** Files of an earlier build's index that the new one no longer refers to. */
  removed: number;
  seconds: number;
}

/** Keeps Pagefind near 3.3 GB while it writes (measured at 100,000 pages), at any corpus size. */
export const PAGES_PER_INDEX = 25_000;

export interface IndexPart {
  /** The files of this part, as a glob relative to the site, so Pagefind reads them itself in parallel. */
  glob: string;
  pages: number;
}

/** A page under `papers/`: a paper's, or one of the A–Z list's pages (`papers/page-N/`). */
const PAPERS_FOLDER_PAGE = /^papers\/([^/]+)\/index\.html$/;

/** Papers whose slug starts with `prefix`, or, when `exact`, is exactly it. */
interface SlugGroup {
  prefix: string;
  exact: boolean;
  count: number;
}

function groupByPrefix(slugs: string[], length: number): Map<string, { group: SlugGroup; slugs: string[] }> {
  const groups = new Map<string, { group: SlugGroup; slugs: string[] }>();
  for (const slug of slugs) {
    const exact = slug.length < length;
    const prefix = slug.slice(0, length);
    const key = exact ? `${prefix}/` : prefix;
    const entry = groups.get(key) ?? { group: { prefix, exact, count: 0 }, slugs: [] };
    entry.group.count++;
    entry.slugs.push(slug);
    groups.set(key, entry);
  }
  return groups;
}

/** Groups of at most `limit` papers by the start of their slug: one letter, more where needed. */
function slugGroups(slugs: string[], limit: number, length = 1): SlugGroup[] {
  return [...groupByPrefix(slugs, length).values()].flatMap(({ group, slugs: members }) =>
    group.exact || group.count <= limit ? [group] : slugGroups(members, limit, length + 1),
  );
}

/** The built site as the planner sees it, search indexes left out. */
export interface BuiltSite {
  /** HTML files, relative to the site, with `/` separators. */
  files: string[];
  /** HTML files and folders at the top of the site. */
  topLevel: { name: string; folder: boolean }[];
}

/**
 * Which pages go in which index. The first part holds every page that is not a paper (home,
 * topics, lists) and papers follow in runs of slug prefixes, so every part holds papers, which mark
 * their body for Pagefind, and parts come out about even. A part holds at most `pagesPerIndex`
 * papers; the first holds the shared pages on top.
 */
export function planIndexes(site: BuiltSite, pagesPerIndex: number): IndexPart[] {
  if (site.files.length <= pagesPerIndex) return [{ glob: '**/*.html', pages: site.files.length }];
  const slugs = site.files
    .flatMap((file) => PAPERS_FOLDER_PAGE.exec(file)?.[1] ?? [])
    .filter((segment) => !isPageSegment(segment))
    .sort();
  const shared = site.topLevel
    .filter((entry) => entry.name !== 'papers')
    .map((entry) => (entry.folder ? `${entry.name}/**/*.html` : entry.name))
    .concat('papers/index.html');
  const target = Math.ceil(site.files.length / Math.ceil(site.files.length / pagesPerIndex));
  const parts = [{ patterns: shared, pages: site.files.length - slugs.length, papers: 0 }];
  for (const group of slugGroups(slugs, pagesPerIndex).sort((a, b) => (a.prefix < b.prefix ? -1 : 1))) {
    let part = parts.at(-1)!;
    if (part.papers > 0 && part.pages + group.count > target) parts.push((part = { patterns: [], pages: 0, papers: 0 }));
    part.patterns.push(`papers/${group.prefix}${group.exact ? '' : '*'}/index.html`);
    part.pages += group.count;
    part.papers += group.count;
  }
  return parts.map((part) => ({ glob: `{${part.patterns.join(',')}}`, pages: part.pages }));
}

async function readSite(site: string): Promise<BuiltSite> {
  const files: string[] = [];
  const topLevel: BuiltSite['topLevel'] = [];
  for (const entry of await readdir(site, { withFileTypes: true, recursive: true })) {
    const file = path.relative(site, path.join(entry.parentPath, entry.name)).split(path.sep).join('/');
    if (isIndexFolder(file.split('/')[0]!)) continue;
    const isHtml = entry.isFile() && entry.name.endsWith('.html');
    if (isHtml) files.push(file);
    if (!file.includes('/') && (isHtml || entry.isDirectory())) topLevel.push({ name: file, folder: entry.isDirectory() });
  }
  return { files, topLevel };
}

/**
 * Prepares the index folders of the last build for indexing in place: folders beyond `parts` go,
 * the rest stay, so Pagefind writes only files that changed. If the last run did not finish (the
 * list of parts is written last) a file may be cut short under its final name, which Pagefind
 * would keep, so then every folder goes.
 */
async function prepareIndexFolders(site: string, parts: number): Promise<void> {
  const listFile = path.join(site, INDEX_LIST_PATH);
  const finished = await stat(listFile).then(
    () => true,
    () => false,
  );
  await rm(listFile, { force: true });
  const kept = new Set(Array.from({ length: finished ? parts : 0 }, (_, position) => indexFolder(position)));
  const folders = (await readdir(site)).filter((name) => isIndexFolder(name) && !kept.has(name));
  await Promise.all(folders.map((name) => rm(path.join(site, name), { recursive: true, force: true })));
}

/**
 * Pagefind's own program, found the way its npm launcher finds it, and run directly: it indexes the
 * same pages as Pagefind's Node API faster (10,000 pages in 9.4 s instead of 10.3 s into an empty
 * folder, 4.8 s instead of 6.3 s over the last build's index), and without the launcher's Node
 * process (~40 MB) beside its peak.
 */
async function pagefindBinary(): Promise<string> {
  const { resolveBinaryPath } = (await import(new URL('resolveBinary.js', import.meta.resolve('pagefind')).href)) as {
    resolveBinaryPath: (names: string[]) => string;
  };
  return resolveBinaryPath(['pagefind_extended', 'pagefind']);
}

async function runPagefind(args: string[]): Promise<void> {
  try {
    await promisify(execFile)(await pagefindBinary(), args, { maxBuffer: 64 * 1024 * 1024 });
  } catch (error) {
    const { stdout = '', stderr = '' } = error as { stdout?: string; stderr?: string };
    const said = `${stdout}\n${stderr}`.trim().split('\n').slice(-12).join('\n');
    throw new Error(`Pagefind could not index the site:\n${said || String(error)}`);
  }
}

export async function buildSearchIndex(site: string, pagesPerIndex = PAGES_PER_INDEX): Promise<IndexSummary> {
  const started = performance.now();
  const parts = planIndexes(await readSite(site), pagesPerIndex);
  await prepareIndexFolders(site, parts.length);
  let removed = 0;
  // One part after the other, each index freed before the next is built.
  for (const [position, part] of parts.entries()) {
    const outputPath = path.join(site, indexFolder(position));
    await runPagefind(['--site', site, '--glob', part.glob, '--output-path', outputPath, '--force-language', 'en']);
    const stale = await staleIndexFiles(outputPath);
    await Promise.all(stale.map((file) => rm(file)));
    removed += stale.length;
  }
  const list: IndexList = { merge: parts.slice(1).map((_, position) => `${indexFolder(position + 1)}/`) };
  await writeFile(path.join(site, INDEX_LIST_PATH), JSON.stringify(list));
  const pages = parts.reduce((sum, part) => sum + part.pages, 0);
  return { pages, indexes: parts.length, removed, seconds: (performance.now() - started) / 1000 };
}
