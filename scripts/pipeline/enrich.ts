/**
 * Stage 4, enrich: merged papers → papers with links, identifiers, key terms, related papers and
 * the date each was added (added.ts, given in paper order).
 */
import type { EnrichedPaper, Paper } from './types.ts';
import { keyTerms } from './enrich/keyterms.ts';
import { findIdentifiers } from './enrich/identifiers.ts';
import { extractLinks } from './enrich/links.ts';
import { findRelated } from './enrich/related.ts';
import { buildTfidf } from './enrich/tfidf.ts';

export const KEY_TERM_COUNT = 5;

export async function enrichPapers(papers: Paper[], added: string[]): Promise<EnrichedPaper[]> {
  const model = buildTfidf(
    papers.map((paper) => ({
      title: paper.title,
      text: paper.variants.map((variant) => variant.displayAbstract).join('\n'),
    })),
  );
  const related = await findRelated(model);
  return papers.map((paper, index) => ({
    ...paper,
    links: extractLinks(paper.variants.map((variant) => variant.displayAbstract)),
    identifiers: findIdentifiers([paper.title, ...paper.variants.map((variant) => variant.displayAbstract)]),
    keyTerms: keyTerms(model, index, KEY_TERM_COUNT),
    related: related[index]!.map((neighbour) => ({ slug: papers[neighbour.index]!.slug, score: neighbour.score })),
    added: added[index]!,
  }));
}
