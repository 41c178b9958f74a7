/** The atlas maps on the seed build: every listed paper on its topic page's map, related papers close. */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { parse as parseYaml } from 'yaml';

const site = () => inject('siteDir');
const links = (html: string, pattern: RegExp) => [...html.matchAll(pattern)].map((match) => match[1]!);
const mapOf = (html: string) => html.match(/<figure class="paper-map[^"]*"[^>]*>([\s\S]*?)<\/figure>/)?.[1] ?? '';

function topicPages(): string[] {
  const topics = path.join(site(), 'topics');
  return readdirSync(topics, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('index.html') && file !== 'index.html' && !file.includes('feed'))
    .map((file) => path.join(topics, file));
}

describe('topic maps', () => {
  it('hold a link, named by its title, for each paper listed on the page, and no other', () => {
    const pages = topicPages();
    expect(pages).toHaveLength(5);
    for (const file of pages) {
      const html = readFileSync(file, 'utf8');
      const listed = links(html, /<h3><a href="(\/paper-atlas\/papers\/[^"]+)"/g);
      const mapped = links(
        mapOf(html),
        /<a href="(\/paper-atlas\/papers\/[^"]+)"[^>]*><title[^>]*>[^<]+<\/title><circle/g,
      );
      expect(listed.length, file).toBeGreaterThan(0);
      expect(mapped.sort(), file).toEqual(listed.sort());
    }
  });
});

describe('the home map', () => {
  const html = () => readFileSync(path.join(site(), 'index.html'), 'utf8');

  it('shows every paper of the seed atlas', () => {
    expect(links(mapOf(html()), /<a href="\/paper-atlas\/papers\/([^"]+)"/g)).toHaveLength(457);
  });

  it('puts a paper’s first related paper at most half as far from it as a random paper', () => {
    const points = new Map(
      [
        ...mapOf(html()).matchAll(
          /<a href="\/paper-atlas\/papers\/([^"]+)" transform="translate\((\d+) (\d+)\)"><title>[^<]*<\/title><circle/g,
        ),
      ].map((match) => [match[1]!, [Number(match[2]), Number(match[3])] as const]),
    );
    expect(points.size).toBe(457);
    const slugs = [...points.keys()].sort();
    const distance = (a: string, b: string) =>
      Math.hypot(points.get(a)![0] - points.get(b)![0], points.get(a)![1] - points.get(b)![1]);
    let toRelated = 0;
    let toRandom = 0;
    slugs.forEach((slug, index) => {
      const page = readFileSync(path.resolve(site(), '../../content/papers', `${slug}.mdx`), 'utf8');
      const first = (parseYaml(page.match(/^---\n([\s\S]*?)\n---\n/)![1]!) as { related: { slug: string }[] })
        .related[0];
      if (!first) return;
      toRelated += distance(slug, first.slug);
      // A fixed stride through the sorted slugs stands for a random paper.
      toRandom += distance(slug, slugs[(index * 7919 + 13) % slugs.length]!);
    });
    expect(toRelated / toRandom).toBeLessThanOrEqual(0.5);
  });
});
