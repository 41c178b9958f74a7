import { mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { GENERATED_MARKER, writeOutputs } from './files.ts';

const scratch: string[] = [];
afterAll(() => Promise.all(scratch.map((folder) => rm(folder, { recursive: true, force: true }))));
async function scratchRoot(): Promise<string> {
  const root = await mkdtemp(path.join(tmpdir(), 'paper-atlas-files-'));
  scratch.push(root);
  return root;
}
const generated = (text: string) => `---\n${GENERATED_MARKER}\n---\n${text}\n`;

describe('writeOutputs', () => {
  it('writes new and changed files, leaves equal ones untouched, and makes missing folders', async () => {
    const root = await scratchRoot();
    const first = await writeOutputs(
      root,
      ['papers', 'topics'],
      new Map([
        ['papers/a.mdx', generated('A')],
        ['papers/b.mdx', generated('B')],
        ['topics/t.yaml', generated('T')],
      ]),
    );
    expect(first).toEqual({ written: 3, unchanged: 0, removed: 0, diagnostics: [] });
    const before = (await stat(path.join(root, 'papers/a.mdx'))).mtimeMs;

    const second = await writeOutputs(
      root,
      ['papers', 'topics'],
      new Map([
        ['papers/a.mdx', generated('A')],
        ['papers/b.mdx', generated('B, edited')],
        ['topics/t.yaml', generated('T')],
      ]),
    );
    expect(second).toEqual({ written: 1, unchanged: 2, removed: 0, diagnostics: [] });
    expect((await stat(path.join(root, 'papers/a.mdx'))).mtimeMs).toBe(before);
    expect(await readFile(path.join(root, 'papers/b.mdx'), 'utf8')).toBe(generated('B, edited'));
  });

  it('counts files known to be current as unchanged and keeps them', async () => {
    const root = await scratchRoot();
    await writeOutputs(root, ['papers'], new Map([['papers/a.mdx', generated('A')]]));
    const result = await writeOutputs(
      root,
      ['papers'],
      new Map([['papers/b.mdx', generated('B')]]),
      new Set(['papers/a.mdx']),
    );
    expect(result).toEqual({ written: 1, unchanged: 1, removed: 0, diagnostics: [] });
    expect((await readdir(path.join(root, 'papers'))).sort()).toEqual(['a.mdx', 'b.mdx']);
  });

  it('removes generated files no longer produced and a dead run’s temporary files, but only reports a file a person put there', async () => {
    const root = await scratchRoot();
    await writeOutputs(
      root,
      ['papers'],
      new Map([
        ['papers/a.mdx', generated('A')],
        ['papers/gone.mdx', generated('Gone')],
      ]),
    );
    await writeFile(path.join(root, 'papers/mine.mdx'), 'My own page.\n');
    await writeFile(path.join(root, 'papers/a.mdx.tmp-12345'), 'half a file');
    await mkdir(path.join(root, 'topics'));

    const result = await writeOutputs(root, ['papers', 'topics'], new Map([['papers/a.mdx', generated('A')]]));
    expect(result).toEqual({
      written: 0,
      unchanged: 1,
      removed: 1,
      diagnostics: [
        {
          severity: 'warning',
          file: 'papers/mine.mdx',
          message: 'not generated and not produced by this run; left in place, move it out of this folder',
        },
      ],
    });
    expect((await readdir(path.join(root, 'papers'))).sort()).toEqual(['a.mdx', 'mine.mdx']);
  });
});
