/**
 * Atom feeds of the atlas and of each topic: the newest papers with the dates they were added, so a
 * feed reader shows exactly what is new and a feed stays the same size at any corpus size.
 */
import type { PaperEntry } from './atlas.ts';
import { newest } from './paper-order.ts';
import { absoluteHref, paperPath } from './url.ts';

/** Entries in a feed; a reader polls often enough to see them all. */
export const FEED_ENTRIES = 50;

const escapeXml = (text: string) =>
  text.replace(/[<>&'"]/g, (char) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', "'": '&apos;', '"': '&quot;' })[char]!);

export interface FeedOptions {
  title: string;
  subtitle: string;
  /** Site-relative path of the feed itself and of the page it describes. */
  feedPath: string;
  pagePath: string;
  /** All the papers it covers; the newest FEED_ENTRIES are listed. */
  papers: readonly PaperEntry[];
  site: URL | undefined;
}

export function atomFeed(options: FeedOptions): Response {
  const { site } = options;
  const papers = newest(options.papers, FEED_ENTRIES);
  const entries = papers.map((paper) => {
    const link = absoluteHref(paperPath(paper.id), site);
    return `  <entry>
    <title>${escapeXml(paper.data.title)}</title>
    <id>${escapeXml(link)}</id>
    <link href="${escapeXml(link)}"/>
    <published>${paper.data.added}</published>
    <updated>${paper.data.added}</updated>
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
  <updated>${papers[0]?.data.added ?? new Date(0).toISOString()}</updated>
  <author><name>Paper Atlas</name></author>
${entries.join('\n')}
</feed>
`;
  return new Response(body, { headers: { 'Content-Type': 'application/atom+xml; charset=utf-8' } });
}
