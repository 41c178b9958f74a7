/**
 * Key terms as the built site shows them (BASE_PATH=/paper-atlas/): every term on a paper page is
 * a phrase of that paper, every topic term one that at least three of the topic's papers use, and
 * every chip links to the search for it.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Element, Root } from 'hast';
import { toString as hastToString } from 'hast-util-to-string';
import rehypeParse from 'rehype-parse';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';
import { parse as parseYaml } from 'yaml';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { topicEntrySchema, type TopicEntry } from '../../contract/schema.ts';
import { paperOfFile } from '../../contract/pages.ts';
import { TEST_BASE } from '../build-site.ts';
import { PROJECT_ROOT } from '../../lib/project-root.ts';

const parser = unified().use(rehypeParse);
const root = PROJECT_ROOT;

/** Words as words: case aside, a hyphen like a space, and punctuation around a word not part of it. */
const normal = (text: string) =>
  ` ${text
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()} `;

interface Chip {
  term: string;
  count: string | undefined;
  href: string;
}

function chips(tree: Root, label: RegExp): Chip[] {
  const found: Chip[] = [];
  visit(tree, 'element', (node: Element) => {
    if (node.tagName !== 'ul' || !label.test(String(node.properties.ariaLabel ?? ''))) return;
    visit(node, 'element', (link: Element) => {
      if (link.tagName !== 'a') return;
      const count = link.children.find(
        (child): child is Element => child.type === 'element' && child.tagName === 'span',
      );
      found.push({
        term: link.children
          .filter((child) => child.type === 'text')
          .map((child) => child.value)
          .join(''),
        count: count && hastToString(count).replace(/\D/g, ''),
        href: String(link.properties.href),
      });
    });
  });
  return found;
}

function first(tree: Root, test: (node: Element) => boolean): Element | undefined {
  let found: Element | undefined;
  visit(tree, 'element', (node: Element) => {
    if (!found && test(node)) found = node;
  });
  return found;
}

describe('key terms on the built site', () => {
  const papers = new Map<string, { text: string; terms: Chip[] }>();
  let topics: TopicEntry[];
  beforeAll(() => {
    const site = inject('siteDir');
    for (const name of readdirSync(path.join(site, 'papers'))) {
      const slug = paperOfFile(`papers/${name}`);
      if (!slug) continue;
      const html = readFileSync(path.join(site, 'papers', name), 'utf8');
      const tree = parser.parse(html) as Root;
      const title = hastToString(first(tree, (node) => node.tagName === 'h1')!);
      const prose = first(tree, (node) =>
        String(node.properties.className ?? '')
          .split(' ')
          .includes('prose'),
      );
      papers.set(slug, {
        text: normal(`${title} \n ${prose ? hastToString(prose) : ''}`),
        terms: chips(tree, /^Key terms$/),
      });
    }
    topics = readdirSync(path.join(root, 'content/topics')).map((name) =>
      topicEntrySchema.parse(parseYaml(readFileSync(path.join(root, 'content/topics', name), 'utf8'))),
    );
  });

  it('shows on every paper page only phrases of its own title or abstract', () => {
    expect(papers.size).toBe(457);
    let terms = 0;
    const missing: string[] = [];
    for (const [slug, paper] of papers) {
      for (const { term } of paper.terms) {
        terms++;
        if (!paper.text.includes(normal(term))) missing.push(`“${term}” on ${slug}`);
      }
    }
    expect(terms).toBeGreaterThan(2000);
    expect(missing).toEqual([]);
  });

  it('links each paper term to the search for it', () => {
    for (const paper of papers.values()) {
      for (const { term, href } of paper.terms) {
        const url = new URL(href, 'https://example.invalid');
        expect(url.pathname).toBe(`${TEST_BASE}search/`);
        expect([...url.searchParams]).toEqual([['q', term]]);
      }
    }
  });

  it('shows on every topic page terms that at least three of its papers use, with their count, linked to the search in the topic', () => {
    const site = inject('siteDir');
    expect(topics).toHaveLength(5);
    for (const topic of topics) {
      const tree = parser.parse(readFileSync(path.join(site, 'topics', topic.slug, 'index.html'), 'utf8')) as Root;
      const shown = chips(tree, /^Terms of /);
      expect(shown.map(({ term, count }) => ({ term, papers: Number(count) }))).toEqual(topic.terms);
      expect(shown.length, topic.slug).toBeGreaterThanOrEqual(5);
      for (const { term, count, href } of shown) {
        const using = topic.members.filter((slug) => papers.get(slug)!.text.includes(normal(term))).length;
        expect(using, `“${term}” in ${topic.slug}`).toBeGreaterThanOrEqual(3);
        expect(Number(count), `“${term}” in ${topic.slug}`).toBeGreaterThanOrEqual(3);
        const url = new URL(href, 'https://example.invalid');
        expect(url.pathname).toBe(`${TEST_BASE}search/`);
        expect([...url.searchParams]).toEqual([
          ['q', term],
          ['topic', topic.title],
        ]);
      }
    }
  });
});
