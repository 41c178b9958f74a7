import { describe, expect, it } from 'vitest';
import type { PaperEntry } from './atlas.ts';
import { atomFeed, FEED_ENTRIES } from './feed.ts';

/** 120 papers added over 60 days, two a day, listed in no particular order. */
const papers = Array.from({ length: 120 }, (_, index) => {
  const day = (index * 37) % 60;
  return {
    id: `paper-${index}`,
    data: {
      title: `Paper ${index}`,
      excerpt: 'An excerpt.',
      keyTerms: [],
      added: new Date(Date.UTC(2025, 0, 1 + day, index % 2)).toISOString(),
    },
  } as unknown as PaperEntry;
});

async function feed(list: PaperEntry[]) {
  const xml = await atomFeed({
    title: 'T',
    subtitle: 'S',
    feedPath: 'feed.xml',
    pagePath: '',
    papers: list,
    site: new URL('https://example.org/'),
  }).text();
  return {
    feedUpdated: xml.match(/^ {2}<updated>([^<]+)</m)![1],
    entries: [
      ...xml.matchAll(/<entry>\s*<title>([^<]+)<\/title>[\s\S]*?<published>([^<]+)<\/published>\s*<updated>([^<]+)</g),
    ].map((match) => ({
      title: match[1]!,
      published: match[2]!,
      updated: match[3]!,
    })),
  };
}

describe('atomFeed', () => {
  it('lists the 50 newest papers, newest first, each with the date it was added', async () => {
    const { entries, feedUpdated } = await feed(papers);
    expect(entries).toHaveLength(FEED_ENTRIES);
    const expected = [...papers]
      .sort(
        (a, b) =>
          b.data.added.localeCompare(a.data.added) || a.data.title.localeCompare(b.data.title, 'en', { numeric: true }),
      )
      .slice(0, 50);
    expect(entries.map((entry) => entry.title)).toEqual(expected.map((paper) => paper.data.title));
    expect(entries.every((entry) => entry.published === entry.updated)).toBe(true);
    expect(entries.map((entry) => entry.updated)).toEqual(expected.map((paper) => paper.data.added));
    expect(feedUpdated).toBe(expected[0]!.data.added);
  });

  it('lists every paper of a small topic', async () => {
    expect((await feed(papers.slice(0, 7))).entries).toHaveLength(7);
  });
});
