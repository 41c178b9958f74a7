import { describe, expect, it } from 'vitest';
import { findIdentifiers } from './identifiers.ts';

const arxiv = (text: string) => findIdentifiers([text]).arxiv;
const doi = (text: string) => findIdentifiers([text]).doi;

describe('findIdentifiers', () => {
  it.each([
    ['Our paper 2401.12345 shows', ['2401.12345']],
    ['see arXiv:2401.12345v2 for details', ['2401.12345']],
    ['(arXiv: 1706.03762)', ['1706.03762']],
    ['published as arXiv:0704.0001.', ['0704.0001']],
    ['Read it at https://arxiv.org/abs/2310.06825v1, or', ['2310.06825']],
    ['PDF: https://arxiv.org/pdf/2310.06825.pdf', ['2310.06825']],
    ['an old one (cs/0112017) and arXiv:math.GT/0309136v2', ['cs/0112017', 'math.GT/0309136']],
    ['hep-th/9901001 and again hep-th/9901001v3', ['hep-th/9901001']],
  ])('finds the arXiv id in “%s”', (text, ids) => {
    expect(arxiv(text)).toEqual(ids);
  });

  it.each([
    'a length of 1234.5678 m',
    'accuracy rose to 2012.1234 points',
    'version 1.2401.12345 of the library',
    'release 2401.12345.1',
    'Python 3.10.12 and CUDA 11.8',
    'v2401.12345',
    'an id 2401.1234 with four digits after 2015',
    'an id 1201.12345 with five digits before 2015',
    'month 13: 2413.12345',
    'before arXiv: 0612.0001',
    'a path like data/0112017 or cs/9913001',
    'x2401.12345y',
  ])('finds no arXiv id in “%s”', (text) => {
    expect(arxiv(text)).toEqual([]);
  });

  it.each([
    ['doi:10.1038/s41586-021-03819-2.', ['10.1038/s41586-021-03819-2']],
    ['(https://doi.org/10.1145/3292500.3330701)', ['10.1145/3292500.3330701']],
    ['DOI 10.1016/S0140-6736(20)30183-5, in press', ['10.1016/S0140-6736(20)30183-5']],
    ['two: 10.1109/5.771073 and 10.1109/5.771073', ['10.1109/5.771073']],
  ])('finds the DOI in “%s”', (text, dois) => {
    expect(doi(text)).toEqual(dois);
  });

  it.each(['version 2.10.1234/5', 'a ratio of 10.5/3', '10.1234/ alone', 'lib1.10.1234/abc'])(
    'finds no DOI in “%s”',
    (text) => {
      expect(doi(text)).toEqual([]);
    },
  );

  it('reads title and abstracts together, each id once', () => {
    expect(
      findIdentifiers(['Attention (arXiv:1706.03762)', 'See 1706.03762v5 and doi:10.5555/3295222.3295349.']),
    ).toEqual({
      arxiv: ['1706.03762'],
      doi: ['10.5555/3295222.3295349'],
    });
  });
});
