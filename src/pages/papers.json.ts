/** The whole corpus as JSON, for other tools. */
import type { APIRoute } from 'astro';
import { fromHtml } from 'hast-util-from-html';
import { toString } from 'hast-util-to-string';
import { getAtlas, paperDetail } from '../lib/atlas.ts';
import { absoluteHref, paperPath, topicPath } from '../lib/url.ts';

export const GET: APIRoute = async ({ site }) => {
  const atlas = await getAtlas();
  const papers = [];
  // One file at a time: a hundred thousand reads at once would run out of file descriptors.
  for (const paper of atlas.papersByTitle) {
    const detail = await paperDetail(paper);
    papers.push({
      slug: paper.id,
      url: absoluteHref(paperPath(paper.id), site),
      title: paper.data.title,
      abstract: toString(fromHtml(detail.html, { fragment: true })).trim(),
      topics: paper.data.topics,
      keyTerms: paper.data.keyTerms,
      links: detail.links,
      related: paper.data.related,
      sources: detail.sources,
    });
  }
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
