/**
 * Crawls the test build (BASE_PATH=/paper-atlas/) from its home page, served as GitHub Pages
 * would serve it: every link and asset must resolve inside the base path.
 */
import type { Element, Root } from 'hast';
import rehypeParse from 'rehype-parse';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { serve, type RunningServer } from '../../scripts/dev/serve.ts';
import { TEST_BASE } from '../build-site.ts';

const parser = unified().use(rehypeParse);
const LINK_ATTRIBUTES: Record<string, string> = { a: 'href', link: 'href', script: 'src', img: 'src', form: 'action' };

let server: RunningServer;
beforeAll(async () => {
  server = await serve({ dir: inject('siteDir'), base: TEST_BASE });
});
afterAll(async () => server?.close());

function references(html: string): string[] {
  const found: string[] = [];
  visit(parser.parse(html) as Root, 'element', (node: Element) => {
    const attribute = LINK_ATTRIBUTES[node.tagName];
    const value = attribute
      ? node.properties[attribute === 'href' ? 'href' : attribute === 'src' ? 'src' : 'action']
      : undefined;
    if (typeof value === 'string') found.push(value);
  });
  return found;
}

describe('links under a base path', () => {
  it('crawls every page from the home page with no broken, escaping or missing links', async () => {
    const origin = new URL(server.url).origin;
    const queue = [server.url];
    const seen = new Set(queue);
    const broken: string[] = [];
    const escaping: string[] = [];
    let pages = 0;
    while (queue.length > 0) {
      const url = queue.shift()!;
      const response = await fetch(url, { redirect: 'manual' });
      if (response.status !== 200) {
        broken.push(`${response.status} ${url}`);
        continue;
      }
      if (!(response.headers.get('content-type') ?? '').startsWith('text/html')) continue;
      pages++;
      for (const reference of references(await response.text())) {
        const target = new URL(reference, url);
        if (target.origin !== origin) continue;
        if (!target.pathname.startsWith(TEST_BASE)) {
          escaping.push(`${reference} on ${url}`);
          continue;
        }
        target.hash = '';
        target.search = '';
        if (!seen.has(target.href)) {
          seen.add(target.href);
          queue.push(target.href);
        }
      }
    }
    expect(broken).toEqual([]);
    expect(escaping).toEqual([]);
    // Home, search, offline-free pages: topics index, 5 topics, A–Z, 457 papers and the search page at least.
    expect(pages).toBeGreaterThanOrEqual(1 + 1 + 5 + 1 + 457 + 1);
  });

  it('serves the 404 page with status 404 for an unknown path', async () => {
    const response = await fetch(`${server.url}no/such/page/`);
    expect(response.status).toBe(404);
    expect(await response.text()).toContain('This page is not in the atlas');
  });

  it('keeps feeds, sitemap and papers.json on the public address', async () => {
    const sitemap = await (await fetch(`${server.url}sitemap.xml`)).text();
    const locations = [...sitemap.matchAll(/<loc>([^<]+)<\/loc>/g)].map((match) => match[1]!);
    expect(locations).toHaveLength(1 + 1 + 1 + 1 + 5 + 457);
    expect(locations.every((location) => location.startsWith('https://user.github.io/paper-atlas/'))).toBe(true);
    const robots = await (await fetch(`${server.url}robots.txt`)).text();
    expect(robots).toContain('Sitemap: https://user.github.io/paper-atlas/sitemap.xml');
    const feed = await (await fetch(`${server.url}topics/neuroevolution/feed.xml`)).text();
    expect(feed.match(/<entry>/g)).toHaveLength(50);
    const corpus = (await (await fetch(`${server.url}papers.json`)).json()) as { papers: unknown[]; topics: unknown[] };
    expect(corpus.papers).toHaveLength(457);
    expect(corpus.topics).toHaveLength(5);
  });
});
