/**
 * A paper page stays small: its HTML plus its CSS at most 30 KB gzipped, whatever the corpus size.
 * A topic page lists and maps up to TOPIC_PAGE_SIZE (250) papers and its HTML (inline styles and
 * scripts included; the site's stylesheet is shared and cached) stays under 60 KB gzipped: the seed
 * topics are smaller, so the largest is held to 60 KB × its papers / 250, as if every byte of it,
 * header too, grew with its papers.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { expect, inject, it } from 'vitest';
import { paperOfFile, TOPIC_PAGE_SIZE } from '../../contract/pages.ts';

/** A page's HTML and the stylesheets it links, gzipped. */
function gzippedWithStyles(site: string, html: string): number {
  const styles = [...html.matchAll(/<link rel="stylesheet" href="\/paper-atlas\/([^"]+)"/g)].map((match) =>
    readFileSync(path.join(site, match[1]!)),
  );
  return gzipSync(html).length + styles.reduce((sum, css) => sum + gzipSync(css).length, 0);
}

it('keeps the largest topic page under 60 KB gzipped per 250 papers, its map and list included', () => {
  const site = inject('siteDir');
  const topics = path.join(site, 'topics');
  const pages = readdirSync(topics, { recursive: true, encoding: 'utf8' }).filter(
    (file) => file.endsWith('index.html') && file !== 'index.html',
  );
  expect(pages).toHaveLength(5);
  const weighed = pages.map((file) => {
    const html = readFileSync(path.join(topics, file), 'utf8');
    expect(html, file).toMatch(/<figure class="paper-map/);
    const papers = html.match(/<li data-added=/g)?.length ?? 0;
    expect(papers, file).toBeLessThanOrEqual(TOPIC_PAGE_SIZE);
    return { file, papers, bytes: gzipSync(html).length };
  });
  const largest = weighed.reduce((a, b) => (b.papers > a.papers ? b : a));
  expect(largest.papers).toBe(215);
  expect(largest.bytes, largest.file).toBeLessThanOrEqual((60 * 1024 * largest.papers) / TOPIC_PAGE_SIZE);
});

it('keeps every paper page with its stylesheets under 30 KB gzipped', () => {
  const site = inject('siteDir');
  const papers = path.join(site, 'papers');
  let largest = { name: '', bytes: 0 };
  for (const name of readdirSync(papers).filter((name) => paperOfFile(`papers/${name}`))) {
    const html = readFileSync(path.join(papers, name), 'utf8');
    expect(html, `${name} links its stylesheet`).toContain('<link rel="stylesheet"');
    const bytes = gzippedWithStyles(site, html);
    if (bytes > largest.bytes) largest = { name, bytes };
  }
  expect(largest.bytes).toBeGreaterThan(0);
  expect(largest.bytes, largest.name).toBeLessThanOrEqual(30 * 1024);
});
