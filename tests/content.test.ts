/**
 * The content step end to end, on the pinned seed corpus and on broken input, in a scratch copy of the project.
 */
import { cp, mkdir, mkdtemp, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { paperSchema, topicEntrySchema } from '../contract/schema.ts';
import { formatDiagnostic } from '../scripts/content/diagnostics.ts';
import { ContentError } from '../scripts/content/errors.ts';
import { runPipeline, TOPICS_FOLDER } from '../scripts/content/index.ts';
import { PAPERS_FOLDER } from '../contract/pages.ts';
import { TOPICS_FILE } from '../scripts/content/topics.ts';
import { RENDER_RECORD } from '../scripts/content/write/render-record.ts';
import { SEED_SOURCES } from './build-site.ts';
import { PROJECT_ROOT } from '../lib/project-root.ts';

const projectRoot = PROJECT_ROOT;
const scratch: string[] = [];

async function scratchProject(): Promise<string> {
  const root = await mkdtemp(path.join(tmpdir(), 'paper-atlas-'));
  scratch.push(root);
  await mkdir(path.join(root, 'content'), { recursive: true });
  // The seeds as shipped: dumps in content/sources, their topics in content/topics.yaml.
  await cp(path.join(projectRoot, SEED_SOURCES), path.join(root, 'content/sources'), { recursive: true });
  await rename(path.join(root, 'content/sources', TOPICS_FILE), path.join(root, 'content', TOPICS_FILE));
  return root;
}

function frontmatter(page: string): unknown {
  return parseYaml(page.match(/^---\n([\s\S]*?)\n---\n/)![1]!);
}

async function snapshot(folder: string): Promise<Map<string, { content: string; mtime: number }>> {
  const files = new Map<string, { content: string; mtime: number }>();
  for (const name of await readdir(folder)) {
    const file = path.join(folder, name);
    files.set(name, { content: await readFile(file, 'utf8'), mtime: (await stat(file)).mtimeMs });
  }
  return files;
}

afterAll(async () => {
  await Promise.all(scratch.map((root) => rm(root, { recursive: true, force: true })));
});

describe('the seed corpus', () => {
  let root: string;
  let result: Awaited<ReturnType<typeof runPipeline>>;
  beforeAll(async () => {
    root = await scratchProject();
    result = await runPipeline({ root, sources: path.join(root, 'content/sources') });
  });

  it('gives 457 paper pages, 5 topics and 611 memberships, without a warning', async () => {
    expect(result).toMatchObject({
      files: 5,
      layouts: { block: 3, line: 2 },
      listings: 611,
      papers: 457,
      topics: 5,
      memberships: 611,
    });
    expect(result.diagnostics.map(formatDiagnostic)).toEqual([]);
    expect((await readdir(path.join(root, PAPERS_FOLDER))).filter((name) => name.endsWith('.mdx'))).toHaveLength(457);
    const topics = await readdir(path.join(root, TOPICS_FOLDER));
    expect(topics.sort()).toEqual([
      'brain-inspired-ai.yaml',
      'neural-architectures.yaml',
      'neuroevolution.yaml',
      'neurosymbolic-and-modular.yaml',
      'spiking-neuromorphic.yaml',
    ]);
    let memberships = 0;
    for (const name of topics) {
      const entry = topicEntrySchema.parse(parseYaml(await readFile(path.join(root, TOPICS_FOLDER, name), 'utf8')));
      memberships += entry.members.length;
      expect(new Set(entry.members).size).toBe(entry.members.length);
    }
    expect(memberships).toBe(611);
  });

  it('puts every word of each verbatim abstract on its page', async () => {
    const folder = path.join(root, PAPERS_FOLDER);
    for (const name of await readdir(folder)) {
      const page = await readFile(path.join(folder, name), 'utf8');
      const data = paperSchema.parse(frontmatter(page));
      const body = page.slice(page.indexOf('\n---\n', 4) + 5);
      // The listing as the dump has it: the first non-blank line after the title.
      const source = data.sources[0]!;
      const dump = (await readFile(path.join(root, source.file), 'utf8')).split('\n');
      const verbatim = dump.slice(source.line).find((line) => line.trim() !== '')!;
      expect(data.verbatim[0]!.abstract ?? verbatim).toBe(verbatim);
      // Plain words only: a token with LaTeX in it (`dise\\~nados`, `textbf{Gen}`) is rewritten on purpose.
      const words = verbatim
        .split(/\s+/)
        .map((token) => token.match(/^\(?([A-Za-z]{3,})[.,;:)]*$/)?.[1])
        .filter((word) => word !== undefined && !/^(rightarrow|leftarrow)$/.test(word));
      expect(words.length).toBeGreaterThan(20);
      for (const word of words) expect(body, `${name}: ${word}`).toContain(word);
    }
  });

  it('merges the same paper from several dumps into one page listing every topic and source line', async () => {
    const page = await readFile(path.join(root, PAPERS_FOLDER, 'neurosymbolic-ai-why-what-and-how.mdx'), 'utf8');
    const data = paperSchema.parse(frontmatter(page));
    expect(data.topics).toEqual([
      'brain-inspired-ai',
      'neurosymbolic-and-modular',
      'neuroevolution',
      'neural-architectures',
      'spiking-neuromorphic',
    ]);
    expect(data.sources.map((source) => `${source.file}:${source.line}`)).toEqual([
      'content/sources/brain-inspired-ai.txt:11',
      'content/sources/neurosymbolic-and-modular.txt:29',
      'content/sources/neuroevolution.txt:203',
      'content/sources/neural-architectures.txt:21',
      'content/sources/spiking-neuromorphic.txt:79',
    ]);
    expect(data.related).toHaveLength(5);
  });

  it('changes no file on a second run, and keeps a curator’s notes', async () => {
    const notes = path.join(root, 'content/notes');
    await mkdir(notes, { recursive: true });
    const note = path.join(notes, 'neurosymbolic-ai-why-what-and-how.mdx');
    await writeFile(note, 'A good **survey** to start with.\n');
    const before = await snapshot(path.join(root, PAPERS_FOLDER));
    const second = await runPipeline({ root, sources: path.join(root, 'content/sources') });
    expect(second).toMatchObject({ written: 0, unchanged: 462, removed: 0 });
    expect(await snapshot(path.join(root, PAPERS_FOLDER))).toEqual(before);
    expect(await readFile(note, 'utf8')).toBe('A good **survey** to start with.\n');
  });
});

describe('a changing corpus', () => {
  it('removes the pages of papers that disappeared and rewrites only what changed', async () => {
    const root = await scratchProject();
    const sources = path.join(root, 'content/sources');
    await runPipeline({ root, sources });
    await rm(path.join(sources, 'neuroevolution.txt'));
    const result = await runPipeline({ root, sources });
    expect(result.papers).toBeLessThan(457);
    expect(result.removed).toBe(457 - result.papers + 1);
    await expect(stat(path.join(root, TOPICS_FOLDER, 'neuroevolution.yaml'))).rejects.toThrow();
    expect(result.diagnostics.map(formatDiagnostic)).toEqual([
      'content/topics.yaml: warning: topic “neuroevolution” names no dump that was read (neuroevolution.txt); left out',
    ]);
  });
});

describe('rendering only what changed', () => {
  // Scratch copies are not in git, so papers are dated by SOURCE_DATE_EPOCH: the two atlases compared below match only with one.
  const epoch = process.env.SOURCE_DATE_EPOCH;
  beforeAll(() => {
    process.env.SOURCE_DATE_EPOCH = '1767225600';
  });
  afterAll(() => {
    if (epoch === undefined) delete process.env.SOURCE_DATE_EPOCH;
    else process.env.SOURCE_DATE_EPOCH = epoch;
  });
  const sources = (root: string) => path.join(root, 'content/sources');
  const editAbstract = async (root: string) => {
    const dump = path.join(sources(root), 'neuroevolution.txt');
    await writeFile(
      dump,
      (await readFile(dump, 'utf8')).replace('namely backpropagation.', 'namely backpropagation through time.'),
    );
  };

  it('renders no page twice for the same paper, and gives the same pages as a first run', async () => {
    const root = await scratchProject();
    expect((await runPipeline({ root, sources: sources(root) })).rendered).toBe(457);
    expect(await runPipeline({ root, sources: sources(root) })).toMatchObject({
      rendered: 0,
      written: 0,
      unchanged: 462,
    });

    const positionsOf = async () =>
      [...(await snapshot(path.join(root, PAPERS_FOLDER)))].map(([name, file]) => [
        name,
        file.content.match(/\nposition:\n.*\n.*\n/)?.[0],
      ]);
    const positionsBefore = await positionsOf();
    await editAbstract(root);
    const edited = await runPipeline({ root, sources: sources(root) });
    expect(await positionsOf()).toEqual(positionsBefore);
    expect(edited.rendered).toBeGreaterThan(0);
    expect(edited.rendered).toBeLessThan(457);
    const page = await readFile(
      path.join(root, PAPERS_FOLDER, 'deep-neuroevolution-genetic-algorithms-are-a-competitive-alternative-for.mdx'),
      'utf8',
    );
    expect(page).toContain('namely backpropagation through time.');

    const fresh = await scratchProject();
    await editAbstract(fresh);
    await runPipeline({ root: fresh, sources: sources(fresh) });
    // The map keeps the last run's positions (enrich/layout.ts), so only they may differ from a first run.
    const position = /\nposition:\n.*\n.*\n/;
    const contents = async (folder: string) =>
      new Map([...(await snapshot(folder))].map(([name, file]) => [name, file.content.replace(position, '\n')]));
    expect(await contents(path.join(root, PAPERS_FOLDER))).toEqual(await contents(path.join(fresh, PAPERS_FOLDER)));
  });

  it('puts back a generated page edited or deleted by hand, and renders everything when the renderer changed', async () => {
    const root = await scratchProject();
    await runPipeline({ root, sources: sources(root) });
    const folder = path.join(root, PAPERS_FOLDER);
    const before = await snapshot(folder);
    const [edited, deleted] = [...before.keys()];
    await writeFile(path.join(folder, edited!), `${before.get(edited!)!.content}\nA note in the wrong place.\n`);
    await rm(path.join(folder, deleted!));

    expect(await runPipeline({ root, sources: sources(root) })).toMatchObject({ rendered: 2, written: 2 });
    expect(await readFile(path.join(folder, edited!), 'utf8')).toBe(before.get(edited!)!.content);
    expect(await readFile(path.join(folder, deleted!), 'utf8')).toBe(before.get(deleted!)!.content);

    const record = path.join(root, RENDER_RECORD);
    await writeFile(
      record,
      (await readFile(record, 'utf8')).replace(/"renderer":"[0-9a-f]+"/, '"renderer":"an older renderer"'),
    );
    expect(await runPipeline({ root, sources: sources(root) })).toMatchObject({ rendered: 457, written: 0 });
  });
});

describe('bad input', () => {
  it('reports each bad dump by file and line and still builds the rest', async () => {
    const root = await scratchProject();
    const sources = path.join(root, 'content/sources');
    await writeFile(path.join(sources, 'empty.txt'), '');
    await writeFile(
      path.join(sources, 'header-only.txt'),
      'new\n\nGet trending papers in your email inbox!\n\nSubscribe\n',
    );
    await writeFile(path.join(sources, 'image.txt'), Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 1, 2]));
    await writeFile(
      path.join(sources, 'latin1.txt'),
      Uint8Array.from([
        ...Buffer.from('A Caf'),
        0xe9,
        ...Buffer.from(` Title\n${'An abstract about caf'}`),
        0xe9,
        ...Buffer.from(` networks. ${'More words here. '.repeat(20)}\nA Title At The End\n`),
      ]),
    );
    await writeFile(path.join(sources, 'notes.md'), '# not a dump');
    const result = await runPipeline({ root, sources });
    expect(result.papers).toBe(459);
    expect(result.diagnostics.map(formatDiagnostic)).toEqual([
      'content/sources/empty.txt: warning: empty file, no papers read',
      'content/sources/image.txt: error: binary file, not a text dump; skipped',
      'content/sources/latin1.txt:1: warning: not valid UTF-8; read as Windows-1252, check accented characters',
      'content/sources/notes.md: warning: not a .txt dump; ignored',
      'content/sources/header-only.txt: warning: no topic in content/topics.yaml lists this dump; it feeds topic “Header only” (header-only)',
      'content/sources/latin1.txt: warning: no topic in content/topics.yaml lists this dump; it feeds topic “Latin1” (latin1)',
      'content/sources/header-only.txt: warning: no listings found (header only)',
      'content/sources/latin1.txt:3: warning: title with no abstract at the end of the file; kept without one',
    ]);
    const page = await readFile(path.join(root, PAPERS_FOLDER, 'a-cafe-title.mdx'), 'utf8');
    expect(page).toContain('An abstract about café networks.');
  });

  it('fails with one clear message and writes nothing when no dump can be read', async () => {
    const root = await mkdtemp(path.join(tmpdir(), 'paper-atlas-'));
    scratch.push(root);
    const sources = path.join(root, 'dumps');
    await mkdir(sources);
    await writeFile(path.join(sources, 'empty.txt'), '');
    const run = runPipeline({ root, sources });
    await expect(run).rejects.toThrow(ContentError);
    await expect(run).rejects.toThrow('no papers could be read from dumps (0 readable .txt dumps); nothing written');
    expect(await readdir(root)).toEqual(['dumps']);
  });

  it('names the line of a broken topics.yaml and writes nothing', async () => {
    const root = await scratchProject();
    await writeFile(path.join(root, 'content/topics.yaml'), '- slug: ok\n  title: [unclosed\n');
    await expect(runPipeline({ root, sources: path.join(root, 'content/sources') })).rejects.toThrow(
      /^content\/topics\.yaml:3: not valid YAML: Flow sequence/,
    );
    expect(await readdir(path.join(root, 'content'))).toEqual(['sources', 'topics.yaml']);
  });
});
