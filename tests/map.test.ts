/** Two content runs on the seed corpus give the same map, from clean and over the last run's record. */
import { cp, mkdir, mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { LAYOUT_RECORD } from '../scripts/content/enrich/layout-record.ts';
import { runPipeline } from '../scripts/content/index.ts';
import { PAPERS_FOLDER } from '../contract/pages.ts';
import { PROJECT_ROOT } from '../lib/project-root.ts';

const projectRoot = PROJECT_ROOT;
let root: string;
afterAll(async () => root && rm(root, { recursive: true, force: true }));

async function positions(): Promise<Map<string, string>> {
  const folder = path.join(root, PAPERS_FOLDER);
  const found = new Map<string, string>();
  for (const name of (await readdir(folder)).sort())
    found.set(name, (await readFile(path.join(folder, name), 'utf8')).match(/\nposition:\n(.*\n.*\n)/)![1]!);
  return found;
}

it('gives identical maps on two clean runs and on a run over the last one', async () => {
  root = await mkdtemp(path.join(tmpdir(), 'paper-atlas-map-'));
  await mkdir(path.join(root, 'content'), { recursive: true });
  // The pinned seeds, with their topics.yaml beside them: a curator's own corpus leaves this test as it is.
  await cp(path.join(projectRoot, 'tests/fixtures/seeds'), path.join(root, 'content/sources'), { recursive: true });
  const run = () => runPipeline({ root, sources: path.join(root, 'content/sources') });

  await run();
  const first = await positions();
  expect(first.size).toBe(457);
  await rm(path.join(root, 'node_modules'), { recursive: true });
  await rm(path.join(root, PAPERS_FOLDER), { recursive: true });
  await run();
  expect(await positions()).toEqual(first);
  await readFile(path.join(root, LAYOUT_RECORD));
  const again = await run();
  expect(await positions()).toEqual(first);
  expect(again.rendered).toBe(0);
});
