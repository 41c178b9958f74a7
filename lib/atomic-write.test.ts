import { mkdir, mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { isTemporaryFile, streamAtomically, writeAtomically } from './atomic-write.ts';

describe('writeAtomically', () => {
  let folder: string;
  beforeEach(async () => {
    folder = await mkdtemp(path.join(os.tmpdir(), 'atlas-atomic-'));
  });
  afterEach(() => rm(folder, { recursive: true, force: true }));

  it('replaces a file whole, by path or file URL, and leaves nothing beside it', async () => {
    const file = path.join(folder, 'a.json');
    writeAtomically(file, 'first');
    writeAtomically(pathToFileURL(file), 'second');
    expect(await readFile(file, 'utf8')).toBe('second');
    expect(await readdir(folder)).toEqual(['a.json']);
  });

  it('removes its temporary file when the rename fails', async () => {
    // A folder in the way: the content is written, the rename over the folder refused.
    await mkdir(path.join(folder, 'taken', 'inside'), { recursive: true });
    expect(() => writeAtomically(path.join(folder, 'taken'), 'text')).toThrow();
    expect(await readdir(folder)).toEqual(['taken']);
  });

  it('names its temporary files so a later run can tell them from real ones', async () => {
    expect(isTemporaryFile(`page.mdx.tmp-${process.pid}`)).toBe(true);
    expect(isTemporaryFile('page.mdx')).toBe(false);
    expect(isTemporaryFile('notes-tmp-2.mdx')).toBe(false);
  });
});

describe('streamAtomically', () => {
  let folder: string;
  beforeEach(async () => {
    folder = await mkdtemp(path.join(os.tmpdir(), 'atlas-atomic-'));
  });
  afterEach(() => rm(folder, { recursive: true, force: true }));

  const chunks = (parts: string[], failAfter?: number) => {
    let next = 0;
    return new ReadableStream<Uint8Array>({
      pull(controller) {
        if (next === failAfter) controller.error(new Error('the source broke off'));
        else if (next === parts.length) controller.close();
        else controller.enqueue(new TextEncoder().encode(parts[next]));
        next++;
      },
    });
  };

  it('writes the stream whole, chunk after chunk', async () => {
    const file = path.join(folder, 'papers.json');
    await streamAtomically(file, chunks(['{"papers":[', '1,2', ']}']));
    expect(await readFile(file, 'utf8')).toBe('{"papers":[1,2]}');
    expect(await readdir(folder)).toEqual(['papers.json']);
  });

  it('leaves the last file as it was when the stream fails halfway', async () => {
    const file = path.join(folder, 'papers.json');
    writeAtomically(file, 'last build');
    await expect(streamAtomically(file, chunks(['{"papers":[', '1,2', ']}'], 2))).rejects.toThrow('broke off');
    expect(await readFile(file, 'utf8')).toBe('last build');
    expect(await readdir(folder)).toEqual(['papers.json']);
  });
});
