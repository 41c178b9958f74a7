/**
 * The sitemap: one `sitemap.xml` while the site has at most 50,000 addresses (the protocol's limit
 * per file); above that, `sitemap.xml` is an index of `sitemaps/<n>.xml` files.
 */
import type { Atlas } from './atlas.ts';
import { INDEX_PAGE_SIZE, paginateList, TOPIC_PAGE_SIZE } from '../../contract/pages.ts';
import { absoluteHref, paperPath, searchPath, topicPath } from './url.ts';

export const SITEMAP_LIMIT = 50_000;

export function sitemapPaths(atlas: Atlas): string[] {
  return [
    '',
    'topics/',
    searchPath(),
    ...paginateList(atlas.papersByTitle, INDEX_PAGE_SIZE)[0]!.paths.map((path) => `papers/${path}`),
    ...atlas.topics.flatMap((topic) =>
      paginateList(topic.members, TOPIC_PAGE_SIZE)[0]!.paths.map((path) => `${topicPath(topic.slug)}${path}`),
    ),
    ...atlas.papers.map((paper) => paperPath(paper.id)),
  ];
}

const xml = (body: string) =>
  new Response(`<?xml version="1.0" encoding="UTF-8"?>\n${body}\n`, { headers: { 'Content-Type': 'application/xml' } });

export function urlSet(paths: string[], site: URL | undefined): Response {
  return xml(
    `<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${paths.map((path) => `  <url><loc>${absoluteHref(path, site)}</loc></url>`).join('\n')}\n</urlset>`,
  );
}

export function sitemapIndex(parts: number, site: URL | undefined): Response {
  const entries = Array.from(
    { length: parts },
    (_, index) => `  <sitemap><loc>${absoluteHref(`sitemaps/${index + 1}.xml`, site)}</loc></sitemap>`,
  );
  return xml(
    `<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${entries.join('\n')}\n</sitemapindex>`,
  );
}
