/**
 * Synthetic corpora for benchmarks: dumps in both layouts whose titles, abstracts, vocabulary and
 * topic overlap follow the statistics of the seed corpus. Deterministic for a given size and seed.
 */
import { mkdir, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { stringify } from 'yaml';
import { parseDump } from '../content/parse.ts';
import { random } from '../../lib/random.ts';

export interface SeedStatistics {
  titleLengths: number[];
  abstractLengths: number[];
  titleWords: string[];
  abstractWords: string[];
  /** Share of papers listed in 1, 2, 3… topics. */
  topicsPerPaper: number[];
}

export async function seedStatistics(sources: string): Promise<SeedStatistics> {
  const stats: SeedStatistics = {
    titleLengths: [],
    abstractLengths: [],
    titleWords: [],
    abstractWords: [],
    topicsPerPaper: [],
  };
  const topicsOfTitle = new Map<string, number>();
  for (const name of (await readdir(sources)).filter((file) => file.endsWith('.txt')).sort()) {
    const text = await readFile(path.join(sources, name), 'utf8');
    for (const listing of parseDump({ path: name, stem: name, text }, name).listings) {
      const title = listing.title.split(/\s+/);
      const abstract = listing.abstract.split(/\s+/);
      stats.titleLengths.push(title.length);
      stats.abstractLengths.push(abstract.length);
      stats.titleWords.push(...title);
      stats.abstractWords.push(...abstract);
      topicsOfTitle.set(listing.title, (topicsOfTitle.get(listing.title) ?? 0) + 1);
    }
  }
  const counts: number[] = [];
  for (const count of topicsOfTitle.values()) counts[count - 1] = (counts[count - 1] ?? 0) + 1;
  const total = topicsOfTitle.size;
  stats.topicsPerPaper = Array.from(counts, (count) => (count ?? 0) / total);
  return stats;
}

export interface SyntheticCorpus {
  folder: string;
  papers: number;
  topics: number;
  listings: number;
}

const pick = <T>(items: T[], next: () => number): T => items[Math.floor(next() * items.length)]!;

/** Writes `papers` synthetic papers as dumps into `folder`, with a topics.yaml naming them. */
export async function synthesizeCorpus(
  stats: SeedStatistics,
  papers: number,
  folder: string,
  seed = 1,
): Promise<SyntheticCorpus> {
  const next = random(seed);
  const topicCount = Math.max(5, Math.round(papers / 400));
  const listings: { title: string; abstract: string }[][] = Array.from({ length: topicCount }, () => []);
  for (let index = 0; index < papers; index++) {
    const titleLength = pick(stats.titleLengths, next);
    // A serial number keeps every title distinct, as real titles are.
    const title = `${Array.from({ length: titleLength }, () => pick(stats.titleWords, next)).join(' ')} ${index.toString(36)}`;
    const abstract = Array.from({ length: pick(stats.abstractLengths, next) }, () =>
      pick(stats.abstractWords, next),
    ).join(' ');
    let roll = next();
    let memberships = 1;
    for (const share of stats.topicsPerPaper) {
      roll -= share;
      if (roll <= 0) break;
      memberships++;
    }
    const first = Math.floor(next() * topicCount);
    for (let member = 0; member < Math.min(memberships, topicCount); member++) {
      listings[(first + member * 7) % topicCount]!.push({
        title,
        abstract: abstract.endsWith('.') ? abstract : `${abstract}.`,
      });
    }
  }
  await rm(folder, { recursive: true, force: true });
  await mkdir(folder, { recursive: true });
  const topics = [];
  for (let topic = 0; topic < topicCount; topic++) {
    const name = `topic-${String(topic + 1).padStart(3, '0')}.txt`;
    const entries = listings[topic]!;
    const text =
      topic % 2 === 0
        ? `new\n\nGet trending papers in your email inbox!\n\nSubscribe\n\nbyAK and the research community\n\nMar 11\n\n${entries.map((entry) => `${entry.title}\n\n${entry.abstract}\n\n`).join('')}`
        : `Get trending papers in your email inbox once a day!\nGet trending papers in your email inbox!\nSubscribe${entries.map((entry) => `${entry.title}\n${entry.abstract}`).join('\n')}\n`;
    await writeFile(path.join(folder, name), text);
    topics.push({
      slug: `topic-${topic + 1}`,
      title: `Synthetic topic ${topic + 1}`,
      description: `Papers of synthetic topic ${topic + 1}.`,
      sources: [name],
    });
  }
  await writeFile(path.join(folder, 'topics.yaml'), stringify(topics));
  return { folder, papers, topics: topicCount, listings: listings.reduce((sum, list) => sum + list.length, 0) };
}
