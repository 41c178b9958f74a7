/**
 * Which pages of a built site go in which search index. A small atlas has one; a larger one is
 * split in parts (see `planIndexes`) that scripts/search/build-index.ts indexes, two at a time
 * where their memory allows.
 */
import path from 'node:path';
import { paperFile, paperOfFile } from '../../contract/pages.ts';
import { siteEntries } from '../../lib/site-files.ts';

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
 * the small first part: 331 KB instead of 271 KB), so runs stay few: two up to 25,000 papers,
 * then runs of about 12,500 (even within half a group of slug prefixes), which two cores index
 * two at a time (scripts/search/build-index.ts).
 * At 100,000 papers eight runs instead of four of 25,000, each indexed alone, made the index step
 * 25–33 s faster (131.6 / 138.0 → 98.8 / 115.3 s), a first query 3 % heavier (1,629 → 1,677 KB)
 * and its results sooner (2.5 → 2.0 s).
 */
export const INDEX_LIMITS: IndexLimits = { splitFrom: 5_000, papersPerIndex: 12_500 };

export interface IndexPart {
  /** The files of this part, as a glob relative to the site, so Pagefind reads them itself in parallel. */
  glob: string;
  /** The same files, listed. */
  files: string[];
}

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
  return groupByPrefix(slugs, length).flatMap((group) =>
    group.exact || group.slugs.length <= limit ? [group] : slugGroups(group.slugs, limit, length + 1),
  );
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
  const runs = paperRuns(
    site.files.flatMap((file) => paperOfFile(file) ?? []),
    limits,
  );
  if (runs.length === 0) return [{ glob: '**/*.html', files: site.files }];

  const isShared = (file: string) => !file.startsWith('papers/') || file === 'papers/index.html';
  const shared: IndexPart = {
    glob: `{${site.topLevel
      .filter((entry) => entry.name !== 'papers')
      .map((entry) => (entry.folder ? `${entry.name}/**/*.html` : entry.name))
      .concat('papers/index.html')
      .join(',')}}`,
    files: site.files.filter(isShared),
  };
  return [shared, ...runs];
}

/**
 * The runs of papers `planIndexes` puts after the first part, from the papers' slugs alone; none
 * for an atlas indexed whole. A site always has pages besides papers, so run `n` is part `n + 1`.
 */
export function paperRuns(papers: readonly string[], limits: IndexLimits = INDEX_LIMITS): IndexPart[] {
  const slugs = [...papers].sort();
  if (slugs.length < limits.splitFrom) return [];
  const count = Math.max(2, Math.ceil(slugs.length / limits.papersPerIndex));
  const perPart = slugs.length / count;
  const runs = Array.from({ length: count }, () => ({ patterns: [] as string[], files: [] as string[] }));
  let placed = 0;
  for (const group of slugGroups(slugs, Math.ceil(perPart / GROUPS_PER_PART)).sort((a, b) =>
    a.prefix < b.prefix ? -1 : 1,
  )) {
    // A group goes to the part its middle falls in, so each part ends within half a group of even.
    const run = runs[Math.min(count - 1, Math.floor((placed + group.slugs.length / 2) / perPart))]!;
    // A pattern starting with "i" matches the A–Z list's `papers/index.html` too; having no
    // `data-pagefind-body`, it is read and left out of the index.
    run.patterns.push(paperFile(`${group.prefix}${group.exact ? '' : '*'}`));
    run.files.push(...group.slugs.map(paperFile));
    placed += group.slugs.length;
  }
  // Pagefind refuses a glob that matches nothing: a run can be empty with fewer papers than runs.
  return runs
    .filter((run) => run.files.length > 0)
    .map((run) => ({ glob: `{${run.patterns.join(',')}}`, files: run.files }));
}

/** Lists the built site's HTML pages for `planIndexes`. */
export async function readSite(site: string): Promise<BuiltSite> {
  const files: string[] = [];
  const topLevel: BuiltSite['topLevel'] = [];
  for (const entry of await siteEntries(site)) {
    const file = path.relative(site, path.join(entry.parentPath, entry.name)).split(path.sep).join('/');
    const isHtml = entry.isFile() && entry.name.endsWith('.html');
    if (isHtml) files.push(file);
    if (!file.includes('/') && (isHtml || entry.isDirectory()))
      topLevel.push({ name: file, folder: entry.isDirectory() });
  }
  return { files: files.sort(), topLevel };
}
