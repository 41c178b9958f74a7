/** Dates from a real git repository made for the test: two commits, then an edit not committed yet. */
import { execFileSync } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runPipeline } from './index.ts';
import { PAPERS_FOLDER } from '../../contract/pages.ts';
import { addedDates, blameDump, parseBlame } from './added.ts';
import type { Paper } from './types.ts';

const FIRST = '2025-03-01T10:00:00.000Z';
const SECOND = '2025-04-15T12:30:00.000Z';
const EPOCH = Date.parse('2026-01-01T00:00:00Z');

const block = (papers: [string, string][]) =>
  [
    'new',
    'Get trending papers in your email inbox!',
    'Subscribe',
    'byAK and the research community',
    'Mar 11',
    '',
    ...papers.flatMap(([title, abstract]) => [title, '', abstract, '', '']),
  ].join('\n');
const ALPHA: [string, string] = [
  'Alpha Networks for Spiking Vision',
  'Alpha networks see with spikes and learn fast on neuromorphic chips.',
];
const BETA: [string, string] = [
  'Beta Evolution of Modular Agents',
  'Beta agents evolve modular controllers that transfer across tasks.',
];
const GAMMA: [string, string] = [
  'Gamma Memory for Symbolic Reasoning',
  'Gamma memory stores symbols and answers multi-hop questions.',
];

let repo: string;
const sources = () => path.join(repo, 'content/sources');
function commit(message: string, date: string): void {
  const env = { ...process.env, GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date };
  execFileSync('git', ['add', '-A'], { cwd: repo, env });
  execFileSync(
    'git',
    ['-c', 'user.name=Test', '-c', 'user.email=test@example.invalid', 'commit', '-q', '-m', message],
    { cwd: repo, env },
  );
}
const frontmatterField = async (slug: string, field: string) =>
  (await readFile(path.join(repo, PAPERS_FOLDER, `${slug}.mdx`), 'utf8')).match(
    new RegExp(`^${field}: '?([^'\\n]*)'?$`, 'm'),
  )?.[1];

beforeAll(async () => {
  repo = await mkdtemp(path.join(tmpdir(), 'paper-atlas-git-'));
  execFileSync('git', ['init', '-q'], { cwd: repo });
  execFileSync('mkdir', ['-p', 'content/sources'], { cwd: repo });
  await writeFile(path.join(sources(), 'one.txt'), block([ALPHA, BETA]));
  await writeFile(path.join(sources(), 'two.txt'), block([BETA]));
  commit('first papers', FIRST);
  // The newest paper goes on top, as the listing sites put it; the others' lines move down.
  await writeFile(path.join(sources(), 'two.txt'), block([GAMMA, BETA]));
  commit('a paper added', SECOND);
});
afterAll(async () => rm(repo, { recursive: true, force: true }));

describe('added dates from git blame', () => {
  it('gives the first papers the first commit’s date and the added paper the second’s', async () => {
    const result = await runPipeline({ root: repo, sources: sources() });
    expect(result).toMatchObject({ papers: 3, datedByGit: 3 });
    expect(await frontmatterField('alpha-networks-for-spiking-vision', 'added')).toBe(FIRST);
    // Listed in both dumps; two.txt's line moved in the second commit but was not changed, so it keeps the first date too.
    expect(await frontmatterField('beta-evolution-of-modular-agents', 'added')).toBe(FIRST);
    expect(await frontmatterField('gamma-memory-for-symbolic-reasoning', 'added')).toBe(SECOND);
  });

  it('dates lines not committed yet by SOURCE_DATE_EPOCH, and git-dated lines by their commit', async () => {
    const dump = path.join(sources(), 'one.txt');
    const delta: [string, string] = [
      'Delta Rules for Neural Programs',
      'Delta rules compile neural programs into logic.',
    ];
    await writeFile(dump, block([delta, ALPHA, BETA]));
    const blame = (await blameDump(dump))!;
    expect(blame.shallow).toBe(false);
    expect(blame.times.get(7)).toBeUndefined();
    expect(new Date(blame.times.get(12)!).toISOString()).toBe(FIRST);
    await rm(dump);
    await writeFile(dump, block([ALPHA, BETA]));
  });

  it('falls back outside a repository: SOURCE_DATE_EPOCH, else a remembered first sighting, else now', async () => {
    const paper = { key: 'k', variants: [{ origins: [{ file: 'elsewhere.txt', line: 7 }] }] } as unknown as Paper;
    const blames = new Map([['elsewhere.txt', undefined]]);
    expect(addedDates([paper], blames, { remembered: {}, sourceDateEpoch: EPOCH }).dates).toEqual([
      '2026-01-01T00:00:00.000Z',
    ]);
    const now = Date.parse('2026-02-03T04:05:06Z');
    const first = addedDates([paper], blames, { remembered: {}, now });
    expect(first).toMatchObject({
      dates: ['2026-02-03T04:05:06.000Z'],
      fromGit: 0,
      remembered: { k: '2026-02-03T04:05:06.000Z' },
    });
    expect(addedDates([paper], blames, { remembered: first.remembered, now: now + 86_400_000 }).dates).toEqual([
      '2026-02-03T04:05:06.000Z',
    ]);
    expect(await blameDump(path.join(tmpdir(), 'no-such-dump.txt'))).toBeUndefined();
  });

  it('warns once when the history is shallow, and still dates by its oldest commit', () => {
    const hash = 'a'.repeat(40);
    const output = `${hash} 1 1 1\ncommitter-time 1700000000\nboundary\nfilename one.txt\n\tTitle\n`;
    const blame = parseBlame(output);
    expect(blame).toEqual({ times: new Map([[1, 1_700_000_000_000]]), shallow: true });
    const paper = { key: 'k', variants: [{ origins: [{ file: 'one.txt', line: 1 }] }] } as unknown as Paper;
    const dated = addedDates([paper, paper], new Map([['one.txt', blame]]), { remembered: {} });
    expect(dated.dates).toEqual(['2023-11-14T22:13:20.000Z', '2023-11-14T22:13:20.000Z']);
    expect(dated.diagnostics.map((diagnostic) => diagnostic.message)).toEqual([
      'git history is shallow: papers older than it are dated by its oldest commit; clone the full history (fetch-depth: 0)',
    ]);
  });
});
