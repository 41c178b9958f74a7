/**
 * The test build's paper pages link to the paper itself and say when it was added; the home page,
 * papers.json and the feeds show the newest papers.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Element, Root } from 'hast';
import { toString as hastToString } from 'hast-util-to-string';
import rehypeParse from 'rehype-parse';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';
import { describe, expect, inject, it } from 'vitest';
import { paperFile } from '../../contract/pages.ts';

interface CorpusPaper {
  slug: string;
  title: string;
  added: string;
  find: { url: string; label: string; direct: boolean }[];
  topics: string[];
}

const site = inject('siteDir');
const read = (file: string) => readFileSync(path.join(site, file), 'utf8');
const parser = unified().use(rehypeParse);
const corpus = JSON.parse(read('papers.json')) as {
  papers: CorpusPaper[];
  topics: { slug: string; papers: string[] }[];
};
const collator = new Intl.Collator('en', { sensitivity: 'base', numeric: true });
const newestFirst = (a: CorpusPaper, b: CorpusPaper) =>
  b.added.localeCompare(a.added) || collator.compare(a.title, b.title) || a.slug.localeCompare(b.slug);

function select(tree: Root, test: (node: Element) => boolean): Element[] {
  const found: Element[] = [];
  visit(tree, 'element', (node: Element) => {
    if (test(node)) found.push(node);
  });
  return found;
}
const hasClass = (node: Element, name: string) =>
  ([] as unknown[]).concat(node.properties.className ?? []).includes(name);

describe('Find the paper', () => {
  it('gives every seed paper page exact-title searches on arXiv, Hugging Face Papers, Semantic Scholar and Google Scholar', () => {
    expect(corpus.papers).toHaveLength(457);
    const missing: string[] = [];
    for (const paper of corpus.papers) {
      const tree = parser.parse(read(paperFile(paper.slug))) as Root;
      const title = hastToString(select(tree, (node) => node.tagName === 'h1')[0]!);
      const section = select(tree, (node) => node.tagName === 'section' && hasClass(node, 'find-paper'))[0];
      const links = section ? select(section as unknown as Root, (node) => node.tagName === 'a') : [];
      const searches = links
        .map((link) => [hastToString(link), new URL(String(link.properties.href))] as const)
        .filter(([label]) => !/^(arXiv|PDF|DOI) \S/.test(label));
      const phrase = `"${title.replace(/["“”]/g, ' ').replace(/\s+/g, ' ').trim()}"`;
      const expected = [
        ['arXiv', 'arxiv.org', '/search/', 'query', phrase],
        ['Hugging Face Papers', 'huggingface.co', '/papers', 'q', title],
        ['Semantic Scholar', 'www.semanticscholar.org', '/search', 'q', title],
        ['Google Scholar', 'scholar.google.com', '/scholar', 'q', phrase],
      ];
      const got = searches.map(([label, url]) => [
        label,
        url.hostname,
        url.pathname,
        url.hostname === 'arxiv.org' ? 'query' : 'q',
        url.searchParams.get(url.hostname === 'arxiv.org' ? 'query' : 'q'),
      ]);
      if (JSON.stringify(got) !== JSON.stringify(expected)) missing.push(`${paper.slug}: ${JSON.stringify(got)}`);
      // The same links as papers.json gives, in the same order.
      expect(links.map((link) => String(link.properties.href))).toEqual(paper.find.map((link) => link.url));
    }
    expect(missing).toEqual([]);
    // The seed abstracts carry no arXiv id or DOI; fixtures in identifiers.test.ts cover those.
    expect(corpus.papers.filter((paper) => paper.find.some((link) => link.direct))).toHaveLength(0);
  });

  it('says on every paper page when the paper was added, in a <time datetime> element', () => {
    for (const paper of corpus.papers.slice(0, 50)) {
      const tree = parser.parse(read(paperFile(paper.slug))) as Root;
      const times = select(tree, (node) => node.tagName === 'time');
      expect(times.map((time) => time.properties.dateTime)).toEqual([paper.added]);
      expect(hastToString(select(tree, (node) => hasClass(node, 'added'))[0]!)).toBe(
        `Added ${new Intl.DateTimeFormat('en-GB', { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(paper.added))}`,
      );
    }
  });
});

describe('what is new', () => {
  it('lists the 12 newest papers on the home page, newest first', () => {
    const tree = parser.parse(read('index.html')) as Root;
    const section = select(tree, (node) => node.tagName === 'section' && hasClass(node, 'recent'))[0]!;
    expect(hastToString(select(section as unknown as Root, (node) => node.tagName === 'h2')[0]!)).toBe(
      'Recently added',
    );
    const items = select(section as unknown as Root, (node) => node.tagName === 'li');
    const newest = [...corpus.papers].sort(newestFirst).slice(0, 12);
    expect(
      items.map((item) => String(select(item as unknown as Root, (node) => node.tagName === 'a')[0]!.properties.href)),
    ).toEqual(newest.map((paper) => `/paper-atlas/papers/${paper.slug}`));
  });

  it('keeps each feed to the 50 newest papers, newest first, with the dates they were added', () => {
    const feeds = [
      { file: 'feed.xml', papers: corpus.papers },
      ...corpus.topics.map((topic) => ({
        file: `topics/${topic.slug}/feed.xml`,
        papers: corpus.papers.filter((paper) => paper.topics.includes(topic.slug)),
      })),
    ];
    for (const feed of feeds) {
      const xml = read(feed.file);
      const entries = [
        ...xml.matchAll(/<entry>[\s\S]*?<link href="[^"]*\/papers\/([^/"]+)"\/>\s*<published>([^<]+)<\/published>/g),
      ].map((match) => [match[1], match[2]]);
      const expected = [...feed.papers].sort(newestFirst).slice(0, 50);
      expect(entries, feed.file).toEqual(expected.map((paper) => [paper.slug, paper.added]));
      expect(entries.length).toBe(Math.min(50, feed.papers.length));
    }
  });
});
