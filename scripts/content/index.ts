/**
 * The content pipeline, stage by stage:
 *   read → parse → normalise → merge → enrich → write
 * Everything is computed in memory first; files are written only once every page has rendered,
 * so a failing run leaves the previous output untouched. A page whose paper did not change since
 * the last run is not rendered again (write/render-record.ts).
 */
import { access, readdir } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { addedDates, blameDumps, loadRememberedDates, saveRememberedDates } from './added.ts';
import { enrichPapers } from './enrich.ts';
import { readLastPositions, saveLayoutRecord } from './enrich/layout-record.ts';
import { ContentError } from './errors.ts';
import { mergeListings } from './merge.ts';
import { normaliseListing } from './normalise.ts';
import { parseDump, type Layout } from './parse.ts';
import { readSources } from './read.ts';
import { assignTopics, loadTopicConfig, TOPICS_FILE } from './topics.ts';
import type { Diagnostic, EnrichedPaper, Listing, SourceFile, Topic } from './types.ts';
import { writeOutputs } from './write/files.ts';
import { NOTES_FOLDER, renderPaperPages, renderTopicEntry } from './write/page.ts';
import { openRenderRecord, renderInputs } from './write/render-record.ts';
import { PAPERS_FOLDER } from '../../contract/pages.ts';

export const TOPICS_FOLDER = 'content/topics';

const pageFile = (paper: EnrichedPaper) => `${PAPERS_FOLDER}/${paper.slug}.mdx`;

export interface PipelineOptions {
  /** Project root: generated folders live below it. */
  root: string;
  /** Folder of dumps. */
  sources: string;
  /** Called with a line of progress for long runs. */
  progress?: (line: string) => void;
}

export interface PipelineResult {
  files: number;
  layouts: Record<Layout, number>;
  listings: number;
  papers: number;
  topics: number;
  memberships: number;
  /** Paper pages rendered; the others were as the last run left them. */
  rendered: number;
  /** Papers whose added date came from git history; the others had none to give. */
  datedByGit: number;
  /** Time spent waiting for git blame after merging, in seconds: what dating adds to the run. */
  datingSeconds: number;
  written: number;
  unchanged: number;
  removed: number;
  diagnostics: Diagnostic[];
}

/** Lists with more listings than this report each stage as it finishes. */
const PROGRESS_THRESHOLD = 2000;

async function exists(file: string): Promise<boolean> {
  return access(file).then(
    () => true,
    () => false,
  );
}

export async function runPipeline(options: PipelineOptions): Promise<PipelineResult> {
  const { root } = options;
  const shown = (file: string) => path.relative(root, file) || file;
  if (!(await exists(options.sources))) {
    throw new ContentError(
      `sources folder ${shown(options.sources)} does not exist (set PAPER_SOURCES to a folder of .txt dumps)`,
    );
  }

  const read = await readSources(options.sources, root);
  // Started before parsing; on a busy main thread few blames finish early, so most of it is awaited after merging.
  const blames = blameDumps(read.files.map((file) => ({ shown: file.path, full: path.resolve(root, file.path) })));
  const remembered = loadRememberedDates(root);
  const diagnostics: Diagnostic[] = [...read.diagnostics];
  const localConfig = path.join(options.sources, TOPICS_FILE);
  const configFile = (await exists(localConfig)) ? localConfig : path.join(root, 'content', TOPICS_FILE);
  const config = await loadTopicConfig(configFile, shown(configFile));
  const assignment = assignTopics(config, read.files, shown(configFile));
  diagnostics.push(...assignment.diagnostics);

  // Dumps are parsed in the curator's topic order, so every list of a paper's topics follows it too.
  const topicOrder = new Map(assignment.topics.map((topic, index) => [topic.slug, index]));
  const rank = (file: SourceFile) => topicOrder.get(assignment.topicOfFile.get(file.path) as string) as number;
  const files = [...read.files].sort((a, b) => rank(a) - rank(b) || (a.path < b.path ? -1 : 1));
  const layouts: Record<Layout, number> = { block: 0, line: 0 };
  const listings: Listing[] = [];
  for (const file of files) {
    const parsed = parseDump(file, assignment.topicOfFile.get(file.path) as string);
    if (parsed.listings.length > 0) layouts[parsed.layout]++;
    listings.push(...parsed.listings);
    diagnostics.push(...parsed.diagnostics);
  }
  if (listings.length === 0) {
    throw new ContentError(
      `no papers could be read from ${shown(options.sources)} (${read.files.length} readable .txt dumps); nothing written`,
      { cause: diagnostics },
    );
  }

  const large = listings.length > PROGRESS_THRESHOLD;
  const started = performance.now();
  const step = (label: string) => {
    if (large) options.progress?.(`  ${label} (${((performance.now() - started) / 1000).toFixed(1)} s)`);
  };
  step(`parsed ${listings.length} listings from ${read.files.length} dumps`);
  const normalised = listings.map(normaliseListing);
  step('normalised');
  const merged = mergeListings(normalised);
  diagnostics.push(...merged.diagnostics);
  step(`merged into ${merged.papers.length} papers`);
  const waiting = performance.now();
  const dated = addedDates(merged.papers, await blames, { remembered: await remembered });
  const datingSeconds = (performance.now() - waiting) / 1000;
  diagnostics.push(...dated.diagnostics);
  step(`dated: ${dated.fromGit} papers from git history`);
  const { papers: enriched, topicTerms } = await enrichPapers(
    merged.papers,
    dated.dates,
    await readLastPositions(root),
  );
  step('enriched: links, identifiers, key terms, related papers, map');

  const topics: Topic[] = assignment.topics
    .map((topic) => ({
      ...topic,
      members: merged.members.get(topic.slug) ?? [],
      terms: topicTerms.get(topic.slug) ?? [],
    }))
    .filter((topic) => topic.members.length > 0);
  const record = await openRenderRecord(root);
  const pageInputs = new Map(enriched.map((paper) => [pageFile(paper), renderInputs(paper)]));
  const current = await record.current(pageInputs);
  const changed = enriched.filter((paper) => !current.has(pageFile(paper)));
  const outputs = new Map<string, string>();
  const pages = await renderPaperPages(changed, pathToFileURL(`${root}/`));
  for (const [index, paper] of changed.entries()) outputs.set(pageFile(paper), pages[index]!);
  for (const [order, topic] of topics.entries()) {
    outputs.set(`${TOPICS_FOLDER}/${topic.slug}.yaml`, renderTopicEntry(topic, order, shown(configFile)));
  }
  step(`rendered ${outputs.size} files, ${current.size} pages unchanged since the last run`);

  const slugs = new Set(enriched.map((paper) => paper.slug));
  const notes = await readdir(path.join(root, NOTES_FOLDER)).catch(() => [] as string[]);
  for (const note of notes.sort()) {
    const slug = note.replace(/\.mdx?$/, '');
    if (note !== slug && !slugs.has(slug)) {
      diagnostics.push({
        severity: 'warning',
        file: `${NOTES_FOLDER}/${note}`,
        message: 'notes for a paper that is not in the corpus; not shown',
      });
    }
  }

  const written = await writeOutputs(root, [PAPERS_FOLDER, TOPICS_FOLDER], outputs, current);
  diagnostics.push(...written.diagnostics);
  await record.save(pageInputs);
  await saveRememberedDates(root, dated.remembered);
  await saveLayoutRecord(root, enriched);
  step('written');

  return {
    files: read.files.length,
    layouts,
    listings: listings.length,
    papers: enriched.length,
    topics: topics.length,
    memberships: topics.reduce((sum, topic) => sum + topic.members.length, 0),
    rendered: changed.length,
    datedByGit: dated.fromGit,
    datingSeconds,
    written: written.written,
    unchanged: written.unchanged,
    removed: written.removed,
    diagnostics,
  };
}
