/**
 * Stage 4, enrich: merged papers → papers with links, identifiers, key terms, related papers and
 * the date each was added (added.ts, given in paper order) and a place on the atlas map.
 */
import type { EnrichedPaper, Paper, Position } from './types.ts';
import { keyTerms } from './enrich/keyterms.ts';
import { findIdentifiers } from './enrich/identifiers.ts';
import { layoutPapers } from './enrich/layout.ts';
import { extractLinks } from './enrich/links.ts';
import { findRelated } from './enrich/related.ts';
import { buildTfidf } from './enrich/tfidf.ts';

export const KEY_TERM_COUNT = 5;

/**
 * `added`: when each paper joined the atlas, in paper order; `lastPositions`: paper slug → its map
 * position in the last run, which the map keeps where it can.
 */
export async function enrichPapers(
  papers: Paper[],
  added: string[],
  lastPositions = new Map<string, Position>(),
): Promise<EnrichedPaper[]> {
  const model = buildTfidf(
    papers.map((paper) => ({
      title: paper.title,
      text: paper.variants.map((variant) => variant.displayAbstract).join('\n'),
    })),
  );
  const related = await findRelated(model);
  const topicIds = new Map<string, number>();
  const groups = papers.map((paper) => topicIds.get(paper.topics[0]!) ?? topicIds.set(paper.topics[0]!, topicIds.size).size - 1);
  const positions = layoutPapers(model, related, groups, papers.map((paper) => lastPositions.get(paper.slug)));
  return papers.map((paper, index) => ({
    ...paper,
    links: extractLinks(paper.variants.map((variant) => variant.displayAbstract)),
    identifiers: findIdentifiers([paper.title, ...paper.variants.map((variant) => variant.displayAbstract)]),
    keyTerms: keyTerms(model, index, KEY_TERM_COUNT),
    related: related[index]!.map((neighbour) => ({ slug: papers[neighbour.index]!.slug, score: neighbour.score })),
    added: added[index]!,
    position: positions[index]!,
  }));
}
