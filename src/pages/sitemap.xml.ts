import type { APIRoute } from 'astro';
import { getAtlas } from '../lib/atlas.ts';
import { paginateList, INDEX_PAGE_SIZE, TOPIC_PAGE_SIZE } from '../lib/pages.ts';
import { absoluteHref, paperPath, searchPath, topicPath } from '../lib/url.ts';

export const GET: APIRoute = async ({ site }) => {
  const atlas = await getAtlas();
  const paths = [
    '',
    'topics/',
    searchPath(),
    ...paginateList(atlas.papersByTitle, INDEX_PAGE_SIZE)[0]!.paths.map((path) => `papers/${path}`),
    ...atlas.topics.flatMap((topic) =>
      paginateList(topic.members, TOPIC_PAGE_SIZE)[0]!.paths.map((path) => `${topicPath(topic.slug)}${path}`),
    ),
    ...atlas.papers.map((paper) => paperPath(paper.id)),
  ];
  const body = `<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
${paths.map((path) => `  <url><loc>${absoluteHref(path, site)}</loc></url>`).join('\n')}
</urlset>
`;
  return new Response(body, { headers: { 'Content-Type': 'application/xml' } });
};
