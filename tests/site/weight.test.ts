/**
 * A paper page stays small: its HTML plus its CSS at most 30 KB gzipped, whatever the corpus size;
 * a topic page's map of up to 250 papers at most 20 KB, the page with it at most 80 KB.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { expect, inject, it } from 'vitest';
import { isPageSegment } from '../../contract/pages.ts';

/** A page's HTML and the stylesheets it links, gzipped. */
function gzippedWithStyles(site: string, html: string): number {
  const styles = [...html.matchAll(/<link rel="stylesheet" href="\/paper-atlas\/([^"]+)"/g)].map((match) => readFileSync(path.join(site, match[1]!)));
  return gzipSync(html).length + styles.reduce((sum, css) => sum + gzipSync(css).length, 0);
}

it('keeps the map of a topic page under 20 KB gzipped, and the page with it under 80 KB', () => {
  const site = inject('siteDir');
  const topics = path.join(site, 'topics');
  const pages = readdirSync(topics, { recursive: true, encoding: 'utf8' }).filter((file) => file.endsWith('index.html') && file !== 'index.html');
  expect(pages).toHaveLength(5);
  for (const file of pages) {
    const html = readFileSync(path.join(topics, file), 'utf8');
    const map = html.match(/<figure class="paper-map[\s\S]*?<\/figure>/)?.[0] ?? '';
    expect(map, file).toContain('<svg');
    expect(gzipSync(map).length, file).toBeLessThanOrEqual(20 * 1024);
    expect(gzippedWithStyles(site, html), file).toBeLessThanOrEqual(80 * 1024);
  }
});

it('keeps every paper page with its stylesheets under 30 KB gzipped', () => {
  const site = inject('siteDir');
  const papers = path.join(site, 'papers');
  let largest = { name: '', bytes: 0 };
  for (const name of readdirSync(papers)) {
    if (isPageSegment(name)) continue;
    const file = path.join(papers, name, 'index.html');
    let html: string;
    try {
      html = readFileSync(file, 'utf8');
    } catch {
      continue;
    }
    expect(html, `${name} links its stylesheet`).toContain('<link rel="stylesheet"');
    const bytes = gzippedWithStyles(site, html);
    if (bytes > largest.bytes) largest = { name, bytes };
  }
  expect(largest.bytes).toBeGreaterThan(0);
  expect(largest.bytes, largest.name).toBeLessThanOrEqual(30 * 1024);
});
