/** Parts of the sitemap, for atlases with more than 50,000 addresses. */
import type { APIRoute, GetStaticPaths } from 'astro';
import { getAtlas } from '../../lib/atlas.ts';
import { SITEMAP_LIMIT, sitemapPaths, urlSet } from '../../lib/sitemap.ts';

export const getStaticPaths = (async () => {
  const paths = sitemapPaths(await getAtlas());
  if (paths.length <= SITEMAP_LIMIT) return [];
  return Array.from({ length: Math.ceil(paths.length / SITEMAP_LIMIT) }, (_, index) => ({
    params: { part: String(index + 1) },
    props: { paths: paths.slice(index * SITEMAP_LIMIT, (index + 1) * SITEMAP_LIMIT) },
  }));
}) satisfies GetStaticPaths;

export const GET: APIRoute<{ paths: string[] }> = ({ props, site }) => urlSet(props.paths, site);
