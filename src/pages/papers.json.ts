/** The whole corpus as JSON, for other tools. */
import type { APIRoute } from 'astro';
import { getAtlas, paperDetail } from '../lib/atlas.ts';
import { inBatches } from '../../lib/batches.ts';
import { findPaperLinks } from '../lib/find-paper.ts';
import { absoluteHref, paperPath, topicPath } from '../lib/url.ts';

/** Detail files read at once. */
const DETAILS_AT_ONCE = 32;

export const GET: APIRoute = async ({ site }) => {
  const atlas = await getAtlas();
  const papers = await inBatches(atlas.papersByTitle, DETAILS_AT_ONCE, async (paper) => {
    const detail = await paperDetail(paper);
    return {
      slug: paper.id,
      url: absoluteHref(paperPath(paper.id), site),
      title: paper.data.title,
      added: paper.data.added,
      // Direct links to the paper first (marked `direct`), then title searches.
      find: findPaperLinks(paper.data.title, detail.identifiers),
      abstract: detail.text,
      topics: paper.data.topics,
      keyTerms: paper.data.keyTerms,
      links: detail.links,
      related: paper.data.related,
      sources: detail.sources,
    };
  });
  const body = {
    topics: atlas.topics.map((topic) => ({
      slug: topic.slug,
      title: topic.title,
      description: topic.description,
      url: absoluteHref(topicPath(topic.slug), site),
      papers: topic.members,
    })),
    papers,
  };
  return new Response(JSON.stringify(body), { headers: { 'Content-Type': 'application/json' } });
};
