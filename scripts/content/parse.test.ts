import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseDump } from './parse.ts';
import { decodeDump } from './read.ts';

const fixture = (name: string) => readFileSync(new URL(`../../tests/fixtures/dumps/${name}`, import.meta.url));
const source = (text: string, path = 'dump.txt') => ({ path, stem: 'dump', text });
const decode = (bytes: Uint8Array) => {
  const decoded = decodeDump(bytes, 'dump.txt');
  if (decoded.text === null) throw new Error('not decoded');
  return decoded;
};

describe('parseDump', () => {
  it('reads the block layout: header, then title, blank, abstract', () => {
    const result = parseDump(source(decode(fixture('block-layout.txt')).text), 'topic');
    expect(result.layout).toBe('block');
    expect(result.listings.map((listing) => [listing.title, listing.origin.line])).toEqual([
      ['Spiking Transformers for Event Cameras', 11],
      ['Evolving Neural Networks with Genetic Algorithms', 15],
    ]);
    expect(result.listings[1]?.abstract).toMatch(/^Genetic algorithms evolve .*org\/project\{our project page\}\.$/);
    expect(result.diagnostics).toEqual([]);
  });

  it('reads the line layout and un-glues Subscribe from the first title', () => {
    const result = parseDump(source(decode(fixture('line-layout.txt')).text), 'topic');
    expect(result.layout).toBe('line');
    expect(result.listings.map((listing) => [listing.title, listing.origin.line])).toEqual([
      ['Spiking Transformers for Event Cameras', 3],
      ['L^{2}NAS: Learning to Search Architectures', 5],
    ]);
  });

  it('reads CRLF line ends, a BOM and trailing spaces like plain LF text', () => {
    const plain = fixture('line-layout.txt').toString('utf8');
    const messy = `\uFEFF${plain.replace(/\n/g, '  \r\n')}`;
    const decoded = decode(new TextEncoder().encode(messy));
    const result = parseDump(source(decoded.text), 'topic');
    const expected = parseDump(source(plain), 'topic');
    expect(result.listings).toEqual(expected.listings);
    expect(decoded.diagnostics).toEqual([]);
  });

  it('keeps a title with no abstract at the end of a file, with a warning naming the line', () => {
    const text = `${fixture('line-layout.txt').toString('utf8')}A Last Title Without Abstract\n`;
    const result = parseDump(source(text), 'topic');
    expect(result.listings).toHaveLength(3);
    expect(result.listings[2]).toMatchObject({ title: 'A Last Title Without Abstract', abstract: '' });
    expect(result.diagnostics).toEqual([
      {
        severity: 'warning',
        file: 'dump.txt',
        line: 7,
        message: 'title with no abstract at the end of the file; kept without one',
      },
    ]);
  });

  it('notices a title whose abstract is missing in the middle of a file', () => {
    const lines = fixture('line-layout.txt').toString('utf8').split('\n');
    lines.splice(4, 0, 'A Title That Lost Its Abstract');
    const result = parseDump(source(lines.join('\n')), 'topic');
    expect(result.listings.map((listing) => listing.title)).toEqual([
      'Spiking Transformers for Event Cameras',
      'A Title That Lost Its Abstract',
      'L^{2}NAS: Learning to Search Architectures',
    ]);
    expect(result.diagnostics[0]).toMatchObject({ line: 5, message: 'title with no abstract; kept without one' });
  });

  it('reports a header-only file', () => {
    const result = parseDump(source('new\n\nGet trending papers in your email inbox!\n\nSubscribe\n\nMar 11\n'), 't');
    expect(result.listings).toEqual([]);
    expect(result.diagnostics).toEqual([
      { severity: 'warning', file: 'dump.txt', message: 'no listings found (header only)' },
    ]);
  });
});

describe('decodeDump', () => {
  it('reports an empty file', () => {
    expect(decodeDump(new Uint8Array(), 'empty.txt')).toEqual({
      text: null,
      diagnostics: [{ severity: 'warning', file: 'empty.txt', message: 'empty file, no papers read' }],
    });
  });

  it('skips a binary file with an error', () => {
    const decoded = decodeDump(Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 13]), 'image.txt');
    expect(decoded.text).toBeNull();
    expect(decoded.diagnostics[0]?.message).toBe('binary file, not a text dump; skipped');
  });

  it('reads a Windows-1252 file with a warning naming the first bad line', () => {
    const bytes = Uint8Array.from([...Buffer.from('Title\nAbstract of a caf'), 0xe9, ...Buffer.from(' paper\n')]);
    const decoded = decodeDump(bytes, 'latin.txt');
    expect(decoded.text).toBe('Title\nAbstract of a café paper\n');
    expect(decoded.diagnostics).toEqual([
      {
        severity: 'warning',
        file: 'latin.txt',
        line: 2,
        message: 'not valid UTF-8; read as Windows-1252, check accented characters',
      },
    ]);
  });
});

const parseFixture = (name: string) => readFileSync(new URL(`./fixtures/parse/${name}`, import.meta.url), 'utf8');

const LONG_TITLE_420 =
  'Towards a unified account of learning in brains and machines: a review of spiking neural networks, neuromorphic hardware, evolutionary search over architectures, neurosymbolic program synthesis, modular deep learning, continual learning without forgetting, energy-efficient training on edge devices, and the open problems that remain for each of them once they are combined into a single system that learns from examples';
const LONG_TITLE_500 =
  'Neuromorphic Computing Meets Evolutionary Search, Symbolic Reasoning and Modular Deep Learning: A Survey of Spiking Neural Networks, Event Cameras, Memristive Crossbars, Hebbian Plasticity, Neural Architecture Search, Program Synthesis, Library Learning, Mixture-of-Experts Routing, Continual Learning, Energy-Efficient Training and Inference on Edge Devices, Benchmarks and Data Sets, Open Source Tools, and the Open Problems That Remain When All of Them Are Combined in One Learning System at Scale';
const LONG_ABSTRACT =
  'Genetic algorithms evolve the weights and the topology of neural networks. We show that neuroevolution scales to networks with millions of parameters when mutations are applied to compact encodings, and that it matches gradient-based training on reinforcement learning benchmarks. Code is available at https://github.com/example/neuroevolution';
const MADE_UP = 'Our method learns sparse codes with local plasticity…';

interface PairingCase {
  name: string;
  layouts: ('block' | 'line')[];
  pairs: [title: string, abstract: string][];
  /** Titles made up from an abstract's first words. */
  madeUpTitles?: string[];
  /** Line of each expected diagnostic, per layout, and its message. */
  diagnostics: { line: { block?: number; line?: number }; message: string }[];
}

const NO_ABSTRACT = 'title with no abstract; kept without one';
const NO_TITLE = 'abstract with no title before it; kept, titled from its first words';

const pairingCases: PairingCase[] = [
  {
    name: 'short-abstracts',
    layouts: ['block', 'line'],
    pairs: [
      ['Spiking Transformers for Event Cameras', 'We train spiking transformers on event streams with less energy.'],
      ['SNN', 'A three-letter title, and an abstract of one short sentence.'],
      [LONG_TITLE_420, 'Long titles are rare, but they do occur in real listings.'],
      ['Attention is not all you need.', 'Pure attention loses rank doubly exponentially with depth'],
      ['Why Do Spiking Networks Generalise?', 'They do, within limits.'],
      ['Evolving Neural Networks with Genetic Algorithms', LONG_ABSTRACT],
    ],
    diagnostics: [],
  },
  {
    name: 'long-titles',
    layouts: ['block', 'line'],
    pairs: [
      [
        'Hopfield Networks Are All You Need',
        'Modern Hopfield layers store exponentially many patterns and retrieve them in one update.',
      ],
      [LONG_TITLE_500, 'A survey of everything at once.'],
      [LONG_TITLE_420, LONG_ABSTRACT],
      [
        'Learning to learn by gradient descent by gradient descent, and what it tells us about meta-learning in spiking neural networks that run on neuromorphic chips with on-chip plasticity and very little memory for the optimiser state.',
        'Meta-learned optimisers transfer across tasks.',
      ],
      [
        'LILO: Learning Interpretable Libraries by Compressing and Documenting Code',
        'A neurosymbolic framework that synthesises, compresses and documents code to build libraries.',
      ],
    ],
    diagnostics: [],
  },
  {
    name: 'one-word-titles',
    layouts: ['block', 'line'],
    pairs: [
      ['X', 'One letter is enough for a title.'],
      ['CON', 'An abstract for a paper whose title is a reserved device name on Windows.'],
      ['Hopfield', 'Associative memory with modern continuous states.'],
      ['Neuroevolution', LONG_ABSTRACT],
      ['LILO', 'Libraries learned from code'],
      ['Q', 'Quantised spiking networks on microcontrollers.'],
    ],
    diagnostics: [],
  },
  {
    name: 'missing-abstract',
    layouts: ['block', 'line'],
    pairs: [
      ['Spiking Transformers for Event Cameras', 'We train spiking transformers on event streams with less energy.'],
      ['SNN', 'A three-letter title, and an abstract of one short sentence.'],
      ['A Title That Lost Its Abstract', ''],
      [LONG_TITLE_420, 'Long titles are rare, but they do occur in real listings.'],
      ['Why Do Spiking Networks Generalise?', 'They do, within limits.'],
      ['Q', 'Quantised spiking networks on microcontrollers.'],
    ],
    diagnostics: [{ line: { block: 19, line: 7 }, message: NO_ABSTRACT }],
  },
  {
    name: 'missing-title',
    layouts: ['block', 'line'],
    pairs: [
      ['Spiking Transformers for Event Cameras', 'We train spiking transformers on event streams with less energy.'],
      ['SNN', 'A three-letter title, and an abstract of one short sentence.'],
      [
        MADE_UP,
        'Our method learns sparse codes with local plasticity rules and no labels. It runs on a neuromorphic chip at a few milliwatts.',
      ],
      [LONG_TITLE_420, 'Long titles are rare, but they do occur in real listings.'],
      ['Attention is not all you need.', 'Pure attention loses rank doubly exponentially with depth'],
      ['Q', 'Quantised spiking networks on microcontrollers.'],
    ],
    madeUpTitles: [MADE_UP],
    diagnostics: [{ line: { block: 19, line: 7 }, message: NO_TITLE }],
  },
  {
    // One blank line inside a paper, two between papers: only they tell a lost abstract right before a lost title.
    name: 'two-blank-lines',
    layouts: ['block'],
    pairs: [
      ['Spiking Transformers for Event Cameras', 'We train spiking transformers on event streams with less energy.'],
      ['A Title That Lost Its Abstract', ''],
      [
        'Hebbian plasticity alone learns sparse codes from natural…',
        'Hebbian plasticity alone learns sparse codes from natural images.',
      ],
      [LONG_TITLE_420, 'Long titles are rare, but they do occur in real listings.'],
      ['X', 'One letter is enough for a title.'],
      ['Attention is not all you need.', 'Pure attention loses rank doubly exponentially with depth'],
    ],
    madeUpTitles: ['Hebbian plasticity alone learns sparse codes from natural…'],
    diagnostics: [
      { line: { block: 16 }, message: NO_ABSTRACT },
      { line: { block: 19 }, message: NO_TITLE },
    ],
  },
];

describe('parseDump pairs titles and abstracts by the structure of the whole file', () => {
  const variants = pairingCases.flatMap((pairing) =>
    pairing.layouts.flatMap((layout) =>
      (['LF', 'CRLF'] as const).map((ends) => ({
        pairing,
        layout,
        ends,
        label: `${pairing.name}.${layout}.txt (${ends})`,
      })),
    ),
  );

  it.each(variants)('$label pairs exactly as written', ({ pairing, layout, ends }) => {
    const text = parseFixture(`${pairing.name}.${layout}.txt`);
    const result = parseDump(source(ends === 'CRLF' ? text.replace(/\n/g, '\r\n') : text), 'topic');
    expect(result.layout).toBe(layout);
    expect(result.listings.map((listing) => [listing.title, listing.abstract])).toEqual(pairing.pairs);
    expect(result.listings.filter((listing) => listing.titleFromAbstract).map((listing) => listing.title)).toEqual(
      pairing.madeUpTitles ?? [],
    );
    expect(result.diagnostics).toEqual(
      pairing.diagnostics.map((diagnostic) => ({
        severity: 'warning',
        file: 'dump.txt',
        line: diagnostic.line[layout],
        message: diagnostic.message,
      })),
    );
  });

  it('keeps an abstract that opens a file as a paper titled from its words, and pairs the rest', () => {
    const text = `Get trending papers in your email inbox!\nSubscribeHebbian learning finds sparse codes.\nX\nOne letter is enough for a title.\n`;
    const result = parseDump(source(text), 'topic');
    expect(
      result.listings.map((listing) => [listing.title, listing.abstract, listing.titleFromAbstract ?? false]),
    ).toEqual([
      ['Hebbian learning finds sparse codes', 'Hebbian learning finds sparse codes.', true],
      ['X', 'One letter is enough for a title.', false],
    ]);
    expect(result.diagnostics).toEqual([{ severity: 'warning', file: 'dump.txt', line: 2, message: NO_TITLE }]);
  });

  it('says so when the alternation makes a title of text that reads like an abstract', () => {
    const abstract = (topic: string) =>
      `We study ${topic} in networks of many sizes. ${'Our results hold on every benchmark we tried, from small to large, with and without noise. '.repeat(6)}The code is public.`;
    const lines = [
      'Spiking Networks',
      abstract('spikes'),
      abstract('evolution'),
      abstract('symbols'),
      'Modular Networks',
      abstract('modules'),
    ];
    const result = parseDump(source(lines.join('\n')), 'topic');
    expect(result.listings.map((listing) => [listing.title, listing.abstract])).toEqual([
      ['Spiking Networks', abstract('spikes')],
      [abstract('evolution'), abstract('symbols')],
      ['Modular Networks', abstract('modules')],
    ]);
    expect(result.diagnostics).toEqual([
      {
        severity: 'warning',
        file: 'dump.txt',
        line: 3,
        message: 'reads like an abstract; taken as a title because titles and abstracts alternate here',
      },
    ]);
  });
});
