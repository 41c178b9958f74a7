/** Papers by the date they joined the atlas, newest first, for "Recently added", feeds and lists. */
import { byTitle, type PaperEntry } from './atlas.ts';

/** Newest first; papers added together (one commit) by title, so the order never depends on the file system. */
export function byNewest(a: PaperEntry, b: PaperEntry): number {
  return b.data.added.localeCompare(a.data.added) || byTitle(a, b);
}

/** The `count` newest papers: what a bounded list shows at any corpus size. */
export function newest(papers: readonly PaperEntry[], count: number): PaperEntry[] {
  return [...papers].sort(byNewest).slice(0, count);
}
