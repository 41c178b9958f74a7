/**
 * The atlas as the pages see it: papers and topics from the content collections, with the
 * lookups every page needs computed once per build.
 */
import { createHash } from 'node:crypto';
import { root } from 'astro:config/server';
import { getCollection, type CollectionEntry } from 'astro:content';
import { PaperDetails, type PaperDetail } from '../../contract/paper-details.ts';
import { byTitle } from './paper-order.ts';
import { formatCount } from './format.ts';

export type PaperEntry = CollectionEntry<'papers'>;
export type TopicEntry = CollectionEntry<'topics'>['data'];

export interface Atlas {
  papers: PaperEntry[];
  /** Papers sorted by title, for the A–Z index. */
  papersByTitle: PaperEntry[];
  paper: (slug: string) => PaperEntry;
  topics: TopicEntry[];
  topic: (slug: string) => TopicEntry;
  /** Paper slug → digest of the curator's notes on it. */
  notes: Map<string, string>;
}

async function loadAtlas(): Promise<Atlas> {
  const papers = await getCollection('papers');
  const topics = (await getCollection('topics')).map((entry) => entry.data).sort((a, b) => a.order - b.order);
  const notes = new Map(
    (await getCollection('notes')).map((entry) => [entry.id, String(entry.digest ?? entry.body ?? '')]),
  );
  const paperBySlug = new Map(papers.map((paper) => [paper.id, paper]));
  const topicBySlug = new Map(topics.map((topic) => [topic.slug, topic]));
  const lookup =
    <T>(map: Map<string, T>, kind: string) =>
    (slug: string) => {
      const found = map.get(slug);
      if (!found) throw new Error(`unknown ${kind} “${slug}”: content/ is out of date, run \`npm run content\``);
      return found;
    };
  return {
    papers,
    papersByTitle: [...papers].sort(byTitle),
    paper: lookup(paperBySlug, 'paper'),
    topics,
    topic: lookup(topicBySlug, 'topic'),
    notes,
  };
}

let atlas: Promise<Atlas> | undefined;
let details: PaperDetails | undefined;
/** What only the paper's own page shows, kept beside the data store (contract/paper-details.ts). */
export function paperDetail(paper: PaperEntry): PaperDetail {
  details ??= new PaperDetails(root);
  return details.read(String(paper.digest));
}

export function getAtlas(): Promise<Atlas> {
  atlas ??= loadAtlas();
  return atlas;
}

/** For each other topic, how many of this topic's papers it shares; largest first. */
export function topicOverlaps(atlas: Atlas, topic: TopicEntry): { topic: TopicEntry; count: number }[] {
  const counts = new Map<string, number>();
  for (const slug of topic.members) {
    for (const other of atlas.paper(slug).data.topics)
      if (other !== topic.slug) counts.set(other, (counts.get(other) ?? 0) + 1);
  }
  return [...counts]
    .map(([slug, count]) => ({ topic: atlas.topic(slug), count }))
    .sort((a, b) => b.count - a.count || a.topic.order - b.topic.order);
}

const positions = new WeakMap<TopicEntry, Map<string, number>>();

/** Where a paper stands in a topic's list, or -1; a lookup table per topic, as pages ask once each. */
export function memberPosition(topic: TopicEntry, slug: string): number {
  let table = positions.get(topic);
  if (!table) {
    table = new Map(topic.members.map((member, index) => [member, index]));
    positions.set(topic, table);
  }
  return table.get(slug) ?? -1;
}

/** A bounded window of a topic's papers around one of them, so navigation never grows with the corpus. */
export function neighbourhood(
  topic: TopicEntry,
  slug: string | undefined,
  radius = 5,
): { slugs: string[]; start: number } {
  const index = slug ? Math.max(0, memberPosition(topic, slug)) : 0;
  const start = Math.max(0, Math.min(index - radius, topic.members.length - (2 * radius + 1)));
  return { slugs: topic.members.slice(start, start + 2 * radius + 1), start };
}

/** Topics the sidebar lists: the first dozen and the current one; an atlas of hundreds links to the full list. */
export const SIDEBAR_TOPICS = 12;
export function sidebarTopics(atlas: Atlas, current: TopicEntry | undefined): TopicEntry[] {
  return atlas.topics.filter((entry, index) => index < SIDEBAR_TOPICS || entry.slug === current?.slug);
}

export function pluralise(count: number, one: string, many = `${one}s`): string {
  return `${formatCount(count)} ${count === 1 ? one : many}`;
}

/**
 * Everything a paper page shows besides its own entry: neighbours, related papers, topics.
 * With Astro's incremental builds, a page whose key is unchanged is not rendered again.
 */
export function paperPageKey(atlas: Atlas, paper: PaperEntry, offline: string): string {
  const primary = atlas.topic(paper.data.topics[0]!);
  const position = memberPosition(primary, paper.id);
  const neighbours = new Set([
    ...neighbourhood(primary, paper.id).slugs,
    primary.members[position - 1],
    primary.members[position + 1],
  ]);
  const shown = [
    paper.digest,
    atlas.notes.get(paper.id),
    offline,
    [...neighbours].map((slug) => slug && atlas.paper(slug).data.title),
    paperDetail(paper).related.map(({ slug }) => [atlas.paper(slug).data.title, atlas.paper(slug).data.topics]),
    paper.data.topics.map((slug) => atlas.topic(slug).title),
    primary.members.length,
    atlas.topics.length,
    sidebarTopics(atlas, primary).map((topic) => [topic.slug, topic.title, topic.members.length]),
  ];
  return createHash('sha256').update(JSON.stringify(shown)).digest('base64url');
}
