import { copyFile, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { LoaderContext } from 'astro/loaders';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PaperDetails } from '../../contract/paper-details.ts';
import { paperLoader } from './papers.ts';
import { PROJECT_ROOT } from '../../lib/project-root.ts';

const root = PROJECT_ROOT;
const SLUG = 'neural-turing-machines';

/** The parts of Astro's loader context the paper loader uses, with a Map for the data store. */
function context(projectRoot: string) {
  const entries = new Map<string, { id: string; data: Record<string, unknown>; digest?: string }>();
  const store = {
    get: (id: string) => entries.get(id),
    set: (entry: { id: string; data: Record<string, unknown>; digest?: string }) => entries.set(entry.id, entry),
    keys: () => [...entries.keys()],
    delete: (id: string) => entries.delete(id),
  };
  const value = {
    store,
    parseData: async ({ data }: { data: Record<string, unknown> }) => data,
    logger: { info: () => {}, warn: () => {} },
    config: { root: pathToFileURL(`${projectRoot}/`), cacheDir: pathToFileURL(`${projectRoot}/cache/`) },
  };
  return { entries, value: value as unknown as LoaderContext };
}

describe('paper loader', () => {
  let project: string;
  let page: string;
  beforeAll(async () => {
    project = await mkdtemp(path.join(os.tmpdir(), 'atlas-loader-'));
    await mkdir(path.join(project, 'content/papers'), { recursive: true });
    page = path.join(project, `content/papers/${SLUG}.mdx`);
    // A page the content script wrote for the seeds (npm test runs `npm run content` first).
    await copyFile(path.join(root, `content/papers/${SLUG}.mdx`), page);
  });
  afterAll(async () => rm(project, { recursive: true, force: true }));

  const load = (ctx: LoaderContext) => paperLoader({ base: 'content/papers', notes: 'content/notes' }).load(ctx);

  it('keeps the card in the store and the rendered body beside it', async () => {
    const { entries, value } = context(project);
    await load(value);
    const entry = entries.get(SLUG)!;
    expect(entry.data.title).toBe('Neural Turing Machines');
    expect(entry.data).not.toHaveProperty('links');
    const details = new PaperDetails(value.config.root);
    const detail = details.read(entry.digest!);
    details.close();
    expect(detail.html).toMatch(/^<p>We extend the capabilities of neural networks/);
  });

  it('loads a page it rendered before from the card kept under its digest, the same as parsed', async () => {
    const first = context(project);
    await load(first.value);
    const logged: string[] = [];
    const second = context(project);
    second.value.logger.info = (message: string) => logged.push(message);
    // Nothing kept of this page under this digest can be parsed: only the kept card can answer.
    second.value.parseData = () => Promise.reject(new Error('parsed again'));
    await load(second.value);
    expect(second.entries.get(SLUG)).toEqual(first.entries.get(SLUG));
    expect(logged[0]).toMatch(/^1 papers, 0 rendered here, 1 as the content step or the last build left them/);
  });

  it('names the file and line of an invalid field, with no stack trace', async () => {
    const text = await readFile(page, 'utf8');
    const lines = text.split('\n');
    const titleLine = lines.findIndex((line) => line.startsWith('title: ')) + 1;
    await writeFile(page, text.replace(/^title: .*$/m, 'title: 12'));
    const error = await load(context(project).value).then(
      () => undefined,
      (thrown: Error) => thrown,
    );
    await writeFile(page, text);
    expect(error?.message.split('\n')[0]).toBe(
      `content/papers/${SLUG}.mdx:${titleLine}: invalid frontmatter; regenerate it with \`npm run content\``,
    );
    expect(error?.message).toContain('→ at title');
    expect(error?.stack).toBe('');
  });
});
