/**
 * The orders papers are listed in: A–Z by title, and newest first for "Recently added", feeds and
 * lists. No Astro imports, so feeds and their tests can use it outside a build.
 */
import type { PaperEntry } from './atlas.ts';

const collator = new Intl.Collator('en', { sensitivity: 'base', numeric: true });

/** A–Z by title, as readers sort (case and accents aside, numbers by value); the slug breaks ties. */
export function byTitle(a: PaperEntry, b: PaperEntry): number {
  return collator.compare(a.data.title, b.data.title) || a.id.localeCompare(b.id);
}

/** Newest first; papers added together (one commit) by title, so the order never depends on the file system. */
export function byNewest(a: PaperEntry, b: PaperEntry): number {
  return b.data.added.localeCompare(a.data.added) || byTitle(a, b);
}

/** The `count` newest papers: what a bounded list shows at any corpus size. */
export function newest(papers: readonly PaperEntry[], count: number): PaperEntry[] {
  return [...papers].sort(byNewest).slice(0, count);
}
