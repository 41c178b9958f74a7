/**
 * Stage 4, enrich: merged papers → papers with links, key terms and related papers, and each
 * topic's terms.
 */
import type { EnrichedPaper, Paper, TopicTerm } from './types.ts';
import { paperKeyTerms, topicTerms } from './enrich/keyterms.ts';
import { extractLinks } from './enrich/links.ts';
import { buildPhraseCorpus } from './enrich/phrases.ts';
import { findRelated } from './enrich/related.ts';
import { buildTfidf } from './enrich/tfidf.ts';

export const KEY_TERM_COUNT = 5;
export const TOPIC_TERM_COUNT = 8;

export interface Enriched {
  papers: EnrichedPaper[];
  /** Topic slug → its terms. */
  topicTerms: Map<string, TopicTerm[]>;
}

export async function enrichPapers(papers: Paper[]): Promise<Enriched> {
  const documents = papers.map((paper) => ({
    title: paper.title,
    text: paper.variants.map((variant) => variant.displayAbstract).join('\n'),
  }));
  const related = await findRelated(buildTfidf(documents));
  const phrases = buildPhraseCorpus(documents);
  const members = new Map<string, number[]>();
  papers.forEach((paper, index) => {
    for (const topic of paper.topics) {
      const list = members.get(topic) ?? [];
      list.push(index);
      members.set(topic, list);
    }
  });
  const terms = topicTerms(phrases, [...members.values()], TOPIC_TERM_COUNT);
  return {
    papers: papers.map((paper, index) => ({
      ...paper,
      links: extractLinks(paper.variants.map((variant) => variant.displayAbstract)),
      keyTerms: paperKeyTerms(phrases, index, KEY_TERM_COUNT),
      related: related[index]!.map((neighbour) => ({ slug: papers[neighbour.index]!.slug, score: neighbour.score })),
    })),
    topicTerms: new Map([...members.keys()].map((topic, index) => [topic, terms[index]!])),
  };
}
