import type { APIRoute } from 'astro';
import { getAtlas } from '../lib/atlas.ts';
import { SITEMAP_LIMIT, sitemapIndex, sitemapPaths, urlSet } from '../lib/sitemap.ts';

export const GET: APIRoute = async ({ site }) => {
  const paths = sitemapPaths(await getAtlas());
  return paths.length <= SITEMAP_LIMIT
    ? urlSet(paths, site)
    : sitemapIndex(Math.ceil(paths.length / SITEMAP_LIMIT), site);
};
