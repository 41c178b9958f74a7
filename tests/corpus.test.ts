/**
 * The curator's own corpus, whatever it holds: the content step reads every dump in content/sources
 * (or PAPER_SOURCES) without an error, and every dump gives papers. Runs in a scratch copy, so
 * content/ is left as it is. Tests of exact papers and texts read the pinned seeds instead.
 */
import { cp, mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { paperSchema, topicEntrySchema } from '../contract/schema.ts';
import { formatDiagnostic } from '../scripts/content/diagnostics.ts';
import { runPipeline, TOPICS_FOLDER } from '../scripts/content/index.ts';
import { PAPERS_FOLDER } from '../contract/pages.ts';
import { TOPICS_FILE } from '../scripts/content/topics.ts';
import { PROJECT_ROOT } from '../lib/project-root.ts';

const projectRoot = PROJECT_ROOT;
const sources = path.resolve(projectRoot, process.env.PAPER_SOURCES || 'content/sources');
let root: string;
let result: Awaited<ReturnType<typeof runPipeline>>;

beforeAll(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'paper-atlas-corpus-'));
  await cp(path.join(projectRoot, 'content'), path.join(root, 'content'), {
    recursive: true,
    filter: (file) => ![PAPERS_FOLDER, TOPICS_FOLDER].some((generated) => file === path.join(projectRoot, generated)),
  });
  // Where the project has it, so messages name the files as `npm run content` does.
  const relative = path.relative(projectRoot, sources);
  const copy = path.join(root, relative.startsWith('..') || path.isAbsolute(relative) ? 'sources' : relative);
  await cp(sources, copy, { recursive: true });
  result = await runPipeline({ root, sources: copy });
  // Warnings are the curator's to read, not a failure.
  for (const diagnostic of result.diagnostics) console.warn(formatDiagnostic(diagnostic));
});
afterAll(() => rm(root, { recursive: true, force: true }));

it('reads every dump of the curator’s corpus without an error, and every dump gives papers', async () => {
  const dumps = (await readdir(sources)).filter(
    (name) => !name.startsWith('.') && name !== TOPICS_FILE && name.toLowerCase().endsWith('.txt'),
  );
  expect(dumps.length).toBeGreaterThan(0);
  expect(result.diagnostics.filter((diagnostic) => diagnostic.severity === 'error').map(formatDiagnostic)).toEqual([]);
  expect(result.files).toBe(dumps.length);
  expect(result.papers).toBeGreaterThan(0);

  const read = new Set<string>();
  for (const name of await readdir(path.join(root, PAPERS_FOLDER))) {
    const page = await readFile(path.join(root, PAPERS_FOLDER, name), 'utf8');
    const data = paperSchema.parse(parseYaml(page.match(/^---\n([\s\S]*?)\n---\n/)![1]!));
    for (const source of data.sources) read.add(path.basename(source.file));
  }
  expect(dumps.filter((dump) => !read.has(dump))).toEqual([]);

  let memberships = 0;
  for (const name of await readdir(path.join(root, TOPICS_FOLDER))) {
    memberships += topicEntrySchema.parse(parseYaml(await readFile(path.join(root, TOPICS_FOLDER, name), 'utf8')))
      .members.length;
  }
  expect(memberships).toBe(result.memberships);
  expect(memberships).toBeGreaterThanOrEqual(result.papers);
});
