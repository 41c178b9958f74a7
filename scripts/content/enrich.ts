/**
 * Stage 4, enrich: merged papers → papers with links, identifiers, key terms, related papers, the
 * date each was added (added.ts, given in paper order) and a place on the atlas map; and each
 * topic's terms.
 */
import type { EnrichedPaper, Paper, Position, TopicTerm } from './types.ts';
import { findKeyTerms, type KeyTerms, type KeyTermsInput } from './enrich/keyterms.ts';
import { findIdentifiers } from './enrich/identifiers.ts';
import { layoutPapers } from './enrich/layout.ts';
import { extractLinks } from './enrich/links.ts';
import { findRelated } from './enrich/related.ts';
import { buildTfidf } from './enrich/tfidf.ts';
import { runOnWorker } from './threads.ts';

export const KEY_TERM_COUNT = 5;
export const TOPIC_TERM_COUNT = 8;
/**
 * From this many papers, key terms are found on a second thread while this one finds related
 * papers: both read the whole corpus, and neither needs the other.
 */
export const KEY_TERMS_THREAD_FROM = 2000;

export interface Enriched {
  papers: EnrichedPaper[];
  /** Topic slug → its terms. */
  topicTerms: Map<string, TopicTerm[]>;
}

/**
 * `added`: when each paper joined the atlas, in paper order; `lastPositions`: paper slug → its map
 * position in the last run, which the map keeps where it can.
 */
export async function enrichPapers(
  papers: Paper[],
  added: string[],
  lastPositions = new Map<string, Position>(),
): Promise<Enriched> {
  const documents = papers.map((paper) => ({
    title: paper.title,
    text: paper.variants.map((variant) => variant.displayAbstract).join('\n'),
  }));
  const members = new Map<string, number[]>();
  papers.forEach((paper, index) => {
    for (const topic of paper.topics) {
      const list = members.get(topic) ?? [];
      list.push(index);
      members.set(topic, list);
    }
  });
  const input: KeyTermsInput = {
    documents,
    topics: [...members.values()],
    paperTerms: KEY_TERM_COUNT,
    topicTerms: TOPIC_TERM_COUNT,
  };
  const keyTerms =
    papers.length >= KEY_TERMS_THREAD_FROM
      ? runOnWorker<KeyTerms>(new URL('./enrich/keyterms-worker.ts', import.meta.url), input)
      : Promise.resolve(findKeyTerms(input));
  const model = buildTfidf(documents);
  const related = await findRelated(model);
  const topicIds = new Map<string, number>();
  const groups = papers.map(
    (paper) => topicIds.get(paper.topics[0]!) ?? topicIds.set(paper.topics[0]!, topicIds.size).size - 1,
  );
  const positions = layoutPapers(
    model,
    related,
    groups,
    papers.map((paper) => lastPositions.get(paper.slug)),
  );
  const terms = await keyTerms;
  return {
    papers: papers.map((paper, index) => ({
      ...paper,
      links: extractLinks(paper.variants.map((variant) => variant.displayAbstract)),
      identifiers: findIdentifiers([paper.title, ...paper.variants.map((variant) => variant.displayAbstract)]),
      keyTerms: terms.papers[index]!,
      related: related[index]!.map((neighbour) => ({ slug: papers[neighbour.index]!.slug, score: neighbour.score })),
      added: added[index]!,
      position: positions[index]!,
    })),
    topicTerms: new Map([...members.keys()].map((topic, index) => [topic, terms.topics[index]!])),
  };
}
