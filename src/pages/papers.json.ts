/** The whole corpus as JSON, for other tools. */
import type { APIRoute } from 'astro';
import { fromHtml } from 'hast-util-from-html';
import { toString } from 'hast-util-to-string';
import { getAtlas } from '../lib/atlas.ts';
import { absoluteHref, paperPath, topicPath } from '../lib/url.ts';

export const GET: APIRoute = async ({ site }) => {
  const atlas = await getAtlas();
  const body = {
    topics: atlas.topics.map((topic) => ({
      slug: topic.slug,
      title: topic.title,
      description: topic.description,
      url: absoluteHref(topicPath(topic.slug), site),
      papers: topic.members,
    })),
    papers: atlas.papersByTitle.map((paper) => ({
      slug: paper.id,
      url: absoluteHref(paperPath(paper.id), site),
      title: paper.data.title,
      abstract: toString(fromHtml(paper.rendered?.html ?? '', { fragment: true })).trim(),
      topics: paper.data.topics,
      keyTerms: paper.data.keyTerms,
      links: paper.data.links,
      related: paper.data.related,
      sources: paper.data.sources,
    })),
  };
  return new Response(JSON.stringify(body), { headers: { 'Content-Type': 'application/json' } });
};
