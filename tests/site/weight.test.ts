/** A paper page stays small: its HTML plus its CSS at most 30 KB gzipped, whatever the corpus size. */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { expect, inject, it } from 'vitest';
import { isPageSegment } from '../../src/lib/pages.ts';

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
    const styles = [...html.matchAll(/<link rel="stylesheet" href="\/paper-atlas\/([^"]+)"/g)].map((match) => readFileSync(path.join(site, match[1]!)));
    expect(styles.length, `${name} links its stylesheet`).toBeGreaterThan(0);
    const bytes = gzipSync(html).length + styles.reduce((sum, css) => sum + gzipSync(css).length, 0);
    if (bytes > largest.bytes) largest = { name, bytes };
  }
  expect(largest.bytes).toBeGreaterThan(0);
  expect(largest.bytes, largest.name).toBeLessThanOrEqual(30 * 1024);
});
