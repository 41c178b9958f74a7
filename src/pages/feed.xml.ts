import type { APIRoute } from 'astro';
import { getAtlas } from '../lib/atlas.ts';
import { atomFeed } from '../lib/feed.ts';

export const GET: APIRoute = async ({ site }) => {
  const atlas = await getAtlas();
  return atomFeed({
    title: 'Paper Atlas',
    subtitle: `${atlas.papers.length} papers in ${atlas.topics.length} topics`,
    feedPath: 'feed.xml',
    pagePath: '',
    papers: atlas.papersByTitle,
    site,
  });
};
