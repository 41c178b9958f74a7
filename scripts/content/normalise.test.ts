import { describe, expect, it } from 'vitest';
import { findUrls, normaliseText, titleKey } from './normalise.ts';

describe('normaliseText', () => {
  it.each([
    ['accuracy of 97\\% overall', 'accuracy of 97% overall'],
    ["the ``wake-sleep'' algorithm", 'the “wake-sleep” algorithm'],
    ['termed ``Meta-SpikeFormer", whose', 'termed “Meta-SpikeFormer”, whose'],
    ['a margin of {20.97%}, {31.00%}', 'a margin of 20.97%, 31.00%'],
    ['M^{3}: A Modular World Model', 'M³: A Modular World Model'],
    ['L^{2}NAS learns', 'L²NAS learns'],
    ['consumes 8e^{-5}muJ', 'consumes 8e⁻⁵muJ'],
    ['the O(N^2) complexity', 'the O(N²) complexity'],
    ['decay as N^{-alpha}', 'decay as N^(-alpha)'],
    ['AnalogGenie, a textbf{Gen}erattextbf{i}ve model', 'AnalogGenie, a Generative model'],
    ['the \\textbf{Mamba} model', 'the Mamba model'],
    ['in {raise.17ex\\scriptstyle\\sim}1 hour', 'in ~1 hour'],
    ['DROP (49.3 rightarrow 72.3 F1)', 'DROP (49.3 → 72.3 F1)'],
    ["b\\'asico y dise\\~nados", 'básico y diseñados'],
    ['algorithms (e.g.\\ DQN, A3C)', 'algorithms (e.g. DQN, A3C)'],
    [
      'We https://github.com/leor-c/M3{open-source our code and weights}.',
      'We open-source our code and weights (https://github.com/leor-c/M3).',
    ],
    ['The code is https://github.com/a/Dreamer{here}.', 'The code is here (https://github.com/a/Dreamer).'],
    ['  spaced   out \t text  ', 'spaced out text'],
  ])('%s → %s', (input, expected) => {
    expect(normaliseText(input)).toBe(expected);
  });

  it('leaves MDX-special characters alone: escaping is the writer’s job', () => {
    const text = 'Neuro > Symbolic < Neuro with `code`, *stars*, _under_, #hash | pipe [x](y)';
    expect(normaliseText(text)).toBe(text);
  });
});

describe('titleKey', () => {
  it('matches titles that differ only in case, punctuation, accents and LaTeX', () => {
    expect(titleKey(normaliseText('Neurosymbolic AI -- Why, What, and How'))).toBe(
      titleKey(normaliseText('neurosymbolic AI: why what and how')),
    );
    expect(titleKey(normaliseText('M^{3}: a World Model'))).toBe(titleKey('M3 — A World Model'));
    expect(titleKey('Café Networks')).toBe(titleKey('Cafe networks'));
  });
});

describe('findUrls', () => {
  it('drops sentence punctuation but keeps balanced parentheses', () => {
    expect(findUrls('see https://github.com/x/y. and (https://a.org/b) or https://w.org/A_(b), done')).toEqual([
      'https://github.com/x/y',
      'https://a.org/b',
      'https://w.org/A_(b)',
    ]);
  });
  it('ignores anything that is not http(s)', () => {
    expect(findUrls('[x](javascript:alert(1)) and ftp://host/file')).toEqual([]);
  });
});
