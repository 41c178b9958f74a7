import { describe, expect, it } from 'vitest';
import { classifyLink, extractLinks } from './links.ts';

describe('classifyLink', () => {
  it.each([
    ['https://github.com/ridgerchu/SpikeGPT', 'code'],
    ['https://www.gitlab.com/group/project/-/tree/main', 'code'],
    ['https://github.com/ridgerchu', 'other'],
    ['https://huggingface.co/org/model', 'code'],
    ['https://huggingface.co/spaces/org/demo', 'project'],
    ['https://arxiv.org/abs/2302.13939', 'other'],
    ['https://doi.org/10.1000/182', 'other'],
    ['https://spikegpt.example.org/', 'project'],
  ])('%s is %s', (url, kind) => {
    expect(classifyLink(new URL(url))).toBe(kind);
  });
});

describe('extractLinks', () => {
  it('finds each http(s) link once, in order, without the sentence’s punctuation', () => {
    expect(
      extractLinks([
        'Code: https://github.com/example/spike-cam. See https://evo.example.org/project (our page).',
        'Again https://github.com/example/spike-cam, and ftp://files.example.org/data is not a link.',
      ]),
    ).toEqual([
      { url: 'https://github.com/example/spike-cam', kind: 'code', label: 'github.com/example/spike-cam' },
      { url: 'https://evo.example.org/project', kind: 'project', label: 'evo.example.org/project' },
    ]);
  });

  it('shortens a long label, not the link', () => {
    const url = `https://www.example.org/${'a'.repeat(80)}/`;
    const [link] = extractLinks([`Data at ${url}`]);
    expect(link!.url).toBe(url);
    expect(link!.label).toBe(`example.org/${'a'.repeat(47)}…`);
    expect(link!.label).toHaveLength(60);
  });

  it('finds nothing in text without links', () => {
    expect(extractLinks(['No links here, only www and http words.'])).toEqual([]);
  });
});
