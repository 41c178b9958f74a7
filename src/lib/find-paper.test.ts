import { describe, expect, it } from 'vitest';
import { findPaperLinks } from './find-paper.ts';

const none = { arxiv: [], doi: [] };

describe('findPaperLinks', () => {
  it('puts direct links first, then exact-title searches on four sites', () => {
    const links = findPaperLinks('Attention Is All You Need', {
      arxiv: ['1706.03762', 'cs/0112017'],
      doi: ['10.1016/S0140-6736(20)30183-5'],
    });
    expect(links).toEqual([
      { url: 'https://arxiv.org/abs/1706.03762', label: 'arXiv 1706.03762', direct: true },
      { url: 'https://arxiv.org/pdf/1706.03762', label: 'PDF 1706.03762', direct: true },
      { url: 'https://arxiv.org/abs/cs/0112017', label: 'arXiv cs/0112017', direct: true },
      { url: 'https://arxiv.org/pdf/cs/0112017', label: 'PDF cs/0112017', direct: true },
      {
        url: 'https://doi.org/10.1016/S0140-6736(20)30183-5',
        label: 'DOI 10.1016/S0140-6736(20)30183-5',
        direct: true,
      },
      {
        url: 'https://arxiv.org/search/?query=%22Attention+Is+All+You+Need%22&searchtype=title',
        label: 'arXiv',
        direct: false,
      },
      { url: 'https://huggingface.co/papers?q=Attention+Is+All+You+Need', label: 'Hugging Face Papers', direct: false },
      {
        url: 'https://www.semanticscholar.org/search?q=Attention+Is+All+You+Need',
        label: 'Semantic Scholar',
        direct: false,
      },
      {
        url: 'https://scholar.google.com/scholar?q=%22Attention+Is+All+You+Need%22',
        label: 'Google Scholar',
        direct: false,
      },
    ]);
  });

  it('encodes every character of the title, and keeps a quoted phrase whole', () => {
    const title = 'Q&A: “Deep” nets #1 for 50% + <more>/less?';
    const [arxiv, huggingFace, , scholar] = findPaperLinks(title, none).map((link) => new URL(link.url));
    expect(arxiv!.searchParams.get('query')).toBe('"Q&A: Deep nets #1 for 50% + <more>/less?"');
    expect(huggingFace!.searchParams.get('q')).toBe(title);
    expect(scholar!.searchParams.get('q')).toBe('"Q&A: Deep nets #1 for 50% + <more>/less?"');
    expect(huggingFace!.search).toBe('?q=Q%26A%3A+%E2%80%9CDeep%E2%80%9D+nets+%231+for+50%25+%2B+%3Cmore%3E%2Fless%3F');
  });

  it('encodes a DOI’s special characters but keeps its slashes', () => {
    expect(findPaperLinks('T', { arxiv: [], doi: ['10.1002/(SICI)1097-4571#x?y'] })[0]!.url).toBe(
      'https://doi.org/10.1002/(SICI)1097-4571%23x%3Fy',
    );
  });
});
