import { mkdtemp, readdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { astroPageCache, interceptPageWrites, onPageWritten } from './page-writes.ts';

let folder: string;
beforeEach(async () => {
  folder = await mkdtemp(path.join(os.tmpdir(), 'atlas-page-writes-'));
});
afterEach(async () => {
  await rm(folder, { recursive: true, force: true });
});

describe("Astro's copy of each page it writes", () => {
  it('is skipped in the installed Astro, and listeners hear of the page instead', async () => {
    expect(await interceptPageWrites()).toBe(true);
    const astro = (await astroPageCache())!.prototype;
    const settings = { config: { cacheDir: pathToFileURL(`${folder}/cache/`) } };
    const heard: string[] = [];
    const stop = onPageWritten((file) => heard.push(file));
    await astro.writeOutputFile!(settings, 'papers/a.html', '<h1>A</h1>');
    await astro.writeOutputFile!(settings, 'papers/caf%C3%A9.html', '<h1>Café</h1>');
    stop();
    await astro.writeOutputFile!(settings, 'papers/b.html', '<h1>B</h1>');

    expect(heard).toEqual(['papers/a.html', 'papers/café.html']);
    expect(await readdir(folder)).toEqual([]);
  });
});
