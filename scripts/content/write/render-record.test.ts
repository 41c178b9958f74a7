import { mkdir, mkdtemp, readFile, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { EnrichedPaper } from '../types.ts';
import { openRenderRecord, RENDER_RECORD, renderInputs } from './render-record.ts';

const scratch: string[] = [];
afterAll(() => Promise.all(scratch.map((folder) => rm(folder, { recursive: true, force: true }))));

const paper = (abstract: string): EnrichedPaper => ({
  key: 'mamba',
  slug: 'mamba',
  title: 'Mamba',
  topics: ['sequence-models'],
  variants: [
    {
      verbatimTitle: 'Mamba',
      verbatimAbstract: abstract,
      displayAbstract: abstract,
      origins: [{ file: 'a.txt', line: 3 }],
    },
  ],
  links: [],
  keyTerms: ['state spaces'],
  related: [],
  identifiers: { arxiv: [], doi: [] },
  added: '2026-01-02T03:04:05.000Z',
  position: [0, 0],
});

/** A scratch root with two rendered pages, recorded as a run would leave them. */
async function recordedRun(): Promise<{ root: string; pages: Map<string, string> }> {
  const root = await mkdtemp(path.join(tmpdir(), 'paper-atlas-record-'));
  scratch.push(root);
  await mkdir(path.join(root, 'papers'));
  await writeFile(path.join(root, 'papers/a.mdx'), 'page a');
  await writeFile(path.join(root, 'papers/b.mdx'), 'page b');
  const pages = new Map([
    ['papers/a.mdx', 'inputs-a'],
    ['papers/b.mdx', 'inputs-b'],
  ]);
  await (await openRenderRecord(root)).save(pages);
  return { root, pages };
}

describe('renderInputs', () => {
  it('is the same for the same paper and differs when anything the page shows changes', () => {
    expect(renderInputs(paper('Selective state spaces.'))).toBe(renderInputs(paper('Selective state spaces.')));
    expect(renderInputs(paper('Selective state spaces.'))).not.toBe(renderInputs(paper('Selective state spaces!')));
  });
});

describe('openRenderRecord', () => {
  it('knows no page before a first run', async () => {
    const root = await mkdtemp(path.join(tmpdir(), 'paper-atlas-record-'));
    scratch.push(root);
    expect(await (await openRenderRecord(root)).current(new Map([['papers/a.mdx', 'inputs-a']]))).toEqual(new Set());
  });

  it('finds the pages rendered from the same inputs whose file is as the last run left it', async () => {
    const { root, pages } = await recordedRun();
    expect(await (await openRenderRecord(root)).current(pages)).toEqual(new Set(['papers/a.mdx', 'papers/b.mdx']));
  });

  it('renders again a page whose inputs changed, or whose file was edited, touched or deleted', async () => {
    const { root, pages } = await recordedRun();
    const record = await openRenderRecord(root);
    expect(await record.current(new Map([...pages, ['papers/a.mdx', 'inputs-a, changed']]))).toEqual(
      new Set(['papers/b.mdx']),
    );
    await utimes(path.join(root, 'papers/b.mdx'), new Date(2001, 0, 1), new Date(2001, 0, 1));
    expect(await record.current(pages)).toEqual(new Set(['papers/a.mdx']));
    await rm(path.join(root, 'papers/a.mdx'));
    expect(await record.current(pages)).toEqual(new Set());
  });

  it('forgets every page when the renderer changed, or when the record is unreadable', async () => {
    const { root, pages } = await recordedRun();
    const file = path.join(root, RENDER_RECORD);
    const saved = await readFile(file, 'utf8');
    await writeFile(file, saved.replace(/"renderer":"[0-9a-f]+"/, '"renderer":"an older renderer"'));
    expect(await (await openRenderRecord(root)).current(pages)).toEqual(new Set());
    await writeFile(file, saved.slice(0, 20));
    expect(await (await openRenderRecord(root)).current(pages)).toEqual(new Set());
  });
});
