/**
 * The atlas as the pages see it: papers and topics from the content collections, with the
 * lookups every page needs computed once per build.
 */
import { getCollection, type CollectionEntry } from 'astro:content';

export type PaperEntry = CollectionEntry<'papers'>;
export type TopicEntry = CollectionEntry<'topics'>['data'];

export interface Atlas {
  papers: PaperEntry[];
  /** Papers sorted by title, for the A–Z index. */
  papersByTitle: PaperEntry[];
  paper: (slug: string) => PaperEntry;
  topics: TopicEntry[];
  topic: (slug: string) => TopicEntry;
  notes: Set<string>;
}

const collator = new Intl.Collator('en', { sensitivity: 'base', numeric: true });

async function loadAtlas(): Promise<Atlas> {
  const papers = await getCollection('papers');
  const topics = (await getCollection('topics')).map((entry) => entry.data).sort((a, b) => a.order - b.order);
  const notes = new Set((await getCollection('notes')).map((entry) => entry.id));
  const paperBySlug = new Map(papers.map((paper) => [paper.id, paper]));
  const topicBySlug = new Map(topics.map((topic) => [topic.slug, topic]));
  const lookup = <T>(map: Map<string, T>, kind: string) => (slug: string) => {
    const found = map.get(slug);
    if (!found) throw new Error(`unknown ${kind} “${slug}”: content/ is out of date, run \`npm run content\``);
    return found;
  };
  return {
    papers,
    papersByTitle: [...papers].sort((a, b) => collator.compare(a.data.title, b.data.title) || a.id.localeCompare(b.id)),
    paper: lookup(paperBySlug, 'paper'),
    topics,
    topic: lookup(topicBySlug, 'topic'),
    notes,
  };
}

let atlas: Promise<Atlas> | undefined;
export function getAtlas(): Promise<Atlas> {
  atlas ??= loadAtlas();
  return atlas;
}

/** The most common key terms of a topic's papers. */
export function topicKeyTerms(atlas: Atlas, topic: TopicEntry, count = 5): string[] {
  const counts = new Map<string, number>();
  for (const slug of topic.members) {
    for (const term of atlas.paper(slug).data.keyTerms) counts.set(term, (counts.get(term) ?? 0) + 1);
  }
  return [...counts].sort((a, b) => b[1] - a[1] || collator.compare(a[0], b[0])).slice(0, count).map(([term]) => term);
}

/** For each other topic, how many of this topic's papers it shares; largest first. */
export function topicOverlaps(atlas: Atlas, topic: TopicEntry): { topic: TopicEntry; count: number }[] {
  const counts = new Map<string, number>();
  for (const slug of topic.members) {
    for (const other of atlas.paper(slug).data.topics) if (other !== topic.slug) counts.set(other, (counts.get(other) ?? 0) + 1);
  }
  return [...counts]
    .map(([slug, count]) => ({ topic: atlas.topic(slug), count }))
    .sort((a, b) => b.count - a.count || a.topic.order - b.topic.order);
}

/** A bounded window of a topic's papers around one of them, so navigation never grows with the corpus. */
export function neighbourhood(topic: TopicEntry, slug: string | undefined, radius = 5): { slugs: string[]; start: number } {
  const index = slug ? Math.max(0, topic.members.indexOf(slug)) : 0;
  const start = Math.max(0, Math.min(index - radius, topic.members.length - (2 * radius + 1)));
  return { slugs: topic.members.slice(start, start + 2 * radius + 1), start };
}

export function pluralise(count: number, one: string, many = `${one}s`): string {
  return `${count.toLocaleString('en')} ${count === 1 ? one : many}`;
}
