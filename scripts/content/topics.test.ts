import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ContentError } from './errors.ts';
import { assignTopics, loadTopicConfig } from './topics.ts';
import type { SourceFile, TopicConfig } from './types.ts';

describe('loadTopicConfig', () => {
  let folder: string;
  beforeAll(async () => {
    folder = await mkdtemp(path.join(tmpdir(), 'paper-atlas-topics-'));
  });
  afterAll(() => rm(folder, { recursive: true, force: true }));
  const load = async (text: string) => {
    const file = path.join(folder, 'topics.yaml');
    await writeFile(file, text);
    return loadTopicConfig(file, 'content/topics.yaml');
  };

  it('reads the topics in the curator’s order, description optional', async () => {
    expect(
      await load(
        '- slug: b\n  title: Bee\n  sources: [b.txt]\n- slug: a\n  title: Ay\n  description: First letter.\n  sources: [a.txt, a2.txt]\n',
      ),
    ).toEqual([
      { slug: 'b', title: 'Bee', description: '', sources: ['b.txt'] },
      { slug: 'a', title: 'Ay', description: 'First letter.', sources: ['a.txt', 'a2.txt'] },
    ]);
  });

  it('treats a missing or empty file as naming no topic', async () => {
    expect(await loadTopicConfig(path.join(folder, 'none.yaml'), 'none.yaml')).toEqual([]);
    expect(await load('')).toEqual([]);
  });

  it('stops with the file, line and reason of a broken file', async () => {
    await expect(load('- slug: ok\n  title: [unclosed\n')).rejects.toThrow(
      /^content\/topics\.yaml:3: not valid YAML: Flow sequence/,
    );
    await expect(load('- slug: ok\n  sources: [ok.txt]\n')).rejects.toThrow(
      new ContentError('content/topics.yaml: topic 0.title: Invalid input: expected string, received undefined'),
    );
    await expect(load('- {slug: x, title: X, sources: []}\n- {slug: x, title: Y, sources: []}\n')).rejects.toThrow(
      new ContentError('content/topics.yaml: topic slug “x” is used twice'),
    );
  });
});

describe('assignTopics', () => {
  const file = (name: string): SourceFile => ({ path: `dumps/${name}`, stem: name.replace(/\.txt$/, ''), text: '' });
  const config: TopicConfig[] = [
    { slug: 'spiking', title: 'Spiking networks', description: '', sources: ['spikes.txt', 'more-spikes.txt'] },
    { slug: 'unused', title: 'Unused', description: '', sources: ['gone.txt'] },
  ];

  it('feeds each dump to the topic that names it, and names the rest after their file', () => {
    const result = assignTopics(
      config,
      [file('spikes.txt'), file('more-spikes.txt'), file('neuro_evolution.txt'), file('Brain Inspired.txt')],
      'topics.yaml',
    );
    expect(result.topics.map((topic) => [topic.slug, topic.title, topic.sources])).toEqual([
      ['spiking', 'Spiking networks', ['spikes.txt', 'more-spikes.txt']],
      ['brain-inspired', 'Brain Inspired', ['Brain Inspired.txt']],
      ['neuro-evolution', 'Neuro evolution', ['neuro_evolution.txt']],
    ]);
    expect(result.topicOfFile).toEqual(
      new Map([
        ['dumps/spikes.txt', 'spiking'],
        ['dumps/more-spikes.txt', 'spiking'],
        ['dumps/neuro_evolution.txt', 'neuro-evolution'],
        ['dumps/Brain Inspired.txt', 'brain-inspired'],
      ]),
    );
    expect(result.diagnostics).toEqual([
      {
        severity: 'warning',
        file: 'dumps/neuro_evolution.txt',
        message: 'no topic in topics.yaml lists this dump; it feeds topic “Neuro evolution” (neuro-evolution)',
      },
      {
        severity: 'warning',
        file: 'dumps/Brain Inspired.txt',
        message: 'no topic in topics.yaml lists this dump; it feeds topic “Brain Inspired” (brain-inspired)',
      },
      {
        severity: 'warning',
        file: 'topics.yaml',
        message: 'topic “unused” names no dump that was read (gone.txt); left out',
      },
    ]);
  });

  it('feeds an unnamed dump to a named topic with the same slug', () => {
    const result = assignTopics(config, [file('spikes.txt'), file('spiking.txt')], 'topics.yaml');
    expect(result.topics.map((topic) => topic.slug)).toEqual(['spiking']);
    expect(result.topicOfFile.get('dumps/spiking.txt')).toBe('spiking');
  });
});
