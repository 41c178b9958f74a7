/** Atom feeds of the atlas and of each topic. */
import type { PaperEntry } from './atlas.ts';
import { absoluteHref, paperPath } from './url.ts';

/** Dumps carry no dates, so entries are stamped with the build time (or SOURCE_DATE_EPOCH for reproducible builds). */
export const BUILD_TIME = new Date(process.env.SOURCE_DATE_EPOCH ? Number(process.env.SOURCE_DATE_EPOCH) * 1000 : Date.now()).toISOString();

const escapeXml = (text: string) =>
  text.replace(/[<>&'"]/g, (char) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', "'": '&apos;', '"': '&quot;' })[char]!);

export interface FeedOptions {
  title: string;
  subtitle: string;
  /** Site-relative path of the feed itself and of the page it describes. */
  feedPath: string;
  pagePath: string;
  papers: PaperEntry[];
  site: URL | undefined;
}

export function atomFeed(options: FeedOptions): Response {
  const { site } = options;
  const entries = options.papers.map((paper) => {
    const link = absoluteHref(paperPath(paper.id), site);
    return `  <entry>
    <title>${escapeXml(paper.data.title)}</title>
    <id>${escapeXml(link)}</id>
    <link href="${escapeXml(link)}"/>
    <updated>${BUILD_TIME}</updated>
    <summary>${escapeXml(paper.data.excerpt)}</summary>
${paper.data.keyTerms.map((term) => `    <category term="${escapeXml(term)}"/>`).join('\n')}
  </entry>`;
  });
  const body = `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <title>${escapeXml(options.title)}</title>
  <subtitle>${escapeXml(options.subtitle)}</subtitle>
  <id>${escapeXml(absoluteHref(options.pagePath, site))}</id>
  <link rel="self" href="${escapeXml(absoluteHref(options.feedPath, site))}"/>
  <link href="${escapeXml(absoluteHref(options.pagePath, site))}"/>
  <updated>${BUILD_TIME}</updated>
  <author><name>Paper Atlas</name></author>
${entries.join('\n')}
</feed>
`;
  return new Response(body, { headers: { 'Content-Type': 'application/atom+xml; charset=utf-8' } });
}
