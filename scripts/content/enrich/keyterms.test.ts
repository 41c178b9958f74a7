import { describe, expect, it } from 'vitest';
import { paperKeyTerms, topicTerms } from './keyterms.ts';
import { buildPhraseCorpus } from './phrases.ts';

const spiking = [
  {
    title: 'Spiking Neural Networks on Neuromorphic Hardware',
    text: 'We train spiking neural networks (SNNs) for neuromorphic hardware. SNN-based baseline models are slower.',
  },
  {
    title: 'Training SNNs with surrogate gradients',
    text: 'Spiking neural networks are hard to train. Surrogate gradients let SNNs learn on neuromorphic hardware, unlike baseline models.',
  },
  {
    title: 'Event cameras meet spiking neural networks',
    text: 'Event cameras feed spiking neural networks on neuromorphic hardware; deep neural networks need dense frames.',
  },
];
const search = [
  {
    title: 'Neural architecture search for compact networks',
    text: 'Neural architecture search (NAS) finds neural networks automatically. NAS beats baseline models.',
  },
  {
    title: 'Efficient NAS with weight sharing',
    text: 'We speed up neural architecture search. Our NAS shares weights between neural networks and baseline models.',
  },
  {
    title: 'A survey of neural architecture search',
    text: 'Neural architecture search automates the design of deep neural networks; NAS is costly.',
  },
];
const kolmogorov = [
  {
    title: 'Kolmogorov-Arnold Networks for vision',
    text: 'Kolmogorov-Arnold Networks replace the multi-layer perceptron. They learn activation functions on edges, where baseline models use fixed ones.',
  },
  {
    title: 'Scaling Kolmogorov-Arnold networks',
    text: 'We scale Kolmogorov-Arnold networks past the multi-layer perceptron and baseline models.',
  },
];
const corpus = buildPhraseCorpus([...spiking, ...search, ...kolmogorov]);
const terms = (doc: number) => paperKeyTerms(corpus, doc, 5);

describe('paper key terms', () => {
  it('gives the longest phrase the paper uses, never one nested in another', () => {
    expect(terms(0)).toEqual(['spiking neural networks', 'neuromorphic hardware', 'SNNs', 'baseline models']);
    for (let doc = 0; doc < 8; doc++) {
      expect(terms(doc)).not.toContain('spiking neural');
      expect(terms(doc)).not.toContain('architecture search');
    }
    // The spiking papers write "neural networks" only inside longer phrases …
    for (let doc = 0; doc < 3; doc++) expect(terms(doc)).not.toContain('neural networks');
    // … a paper that uses it on its own has it as a term of its own.
    expect(terms(3)).toEqual(['neural architecture search', 'NAS', 'neural networks', 'baseline models']);
  });

  it('keeps acronyms in their case and finds them inside compounds such as "SNN-based"', () => {
    expect(terms(1)).toContain('SNNs');
    expect(terms(4)).toContain('NAS');
    expect(terms(0)).not.toContain('SNN-based');
  });

  it('takes hyphenated compounds whole, in the capitals the corpus always writes', () => {
    expect(terms(6)).toEqual(['Kolmogorov-Arnold networks', 'multi-layer perceptron', 'baseline models']);
    expect(terms(7)).toEqual(['Kolmogorov-Arnold networks', 'multi-layer perceptron', 'baseline models']);
  });

  it('never ranks a phrase of generic words above one that names something, though more papers share it', () => {
    const withBaselines = [0, 1, 3, 4, 6, 7];
    for (const doc of withBaselines) expect(terms(doc).at(-1)).toBe('baseline models');
  });

  it('leaves out verbs and words a single paper uses', () => {
    // "We train …": a verb; "surrogate gradients" and "event cameras" occur in one paper each.
    expect(terms(0)).not.toContain('train');
    expect(terms(1)).not.toContain('surrogate gradients');
    expect(terms(2)).toEqual(['spiking neural networks', 'deep neural networks', 'neuromorphic hardware']);
  });
});

describe('topic terms', () => {
  const topics = topicTerms(
    corpus,
    [
      [0, 1, 2],
      [3, 4, 5],
      [0, 1, 2, 3, 4, 5, 6, 7],
    ],
    5,
  );

  it('gives the phrases at least three of the topic’s papers use, with how many do', () => {
    expect(topics[0]).toEqual([
      { term: 'spiking neural networks', papers: 3 },
      { term: 'neuromorphic hardware', papers: 3 },
    ]);
    expect(topics[1]).toEqual([
      { term: 'neural architecture search', papers: 3 },
      { term: 'NAS', papers: 3 },
      { term: 'neural networks', papers: 3 },
    ]);
  });

  it('leaves out a phrase the topic’s papers use only inside a longer one', () => {
    // All three spiking papers contain "neural networks", always as part of a longer phrase.
    expect(topics[0]!.map(({ term }) => term)).not.toContain('neural networks');
  });

  it('leaves out what every topic uses alike', () => {
    // "baseline models" is in seven of the eight papers: nothing sets the whole corpus apart from itself.
    expect(topics[2]).toEqual([]);
  });
});
