/**
 * Slugs: the file and URL name of a paper.
 * Stable (a title always gives the same slug), safe (one path segment, bounded, never a reserved
 * device name, never the name of one of the A–Z list's pages under `papers/`) and readable for non-Latin titles (transliterated where a scheme exists, kept as
 * Unicode letters where none does).
 */
import { createHash } from 'node:crypto';
import transliterate from '@sindresorhus/transliterate';
import { isPageSegment } from '../../contract/pages.ts';

export const MAX_SLUG_LENGTH = 80;
const RESERVED_NAMES = /^(con|prn|aux|nul|com[0-9]|lpt[0-9])$/;

export function shortHash(text: string, length = 6): string {
  return createHash('sha256').update(text).digest('hex').slice(0, length);
}

/** The slug a title gets when no other title claims it. */
export function baseSlug(title: string): string {
  const words = transliterate(title.normalize('NFKC'))
    .toLowerCase()
    .replace(/['’]/g, '')
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
  let slug = '';
  for (const word of words) {
    const next = slug ? `${slug}-${word}` : word;
    if (next.length > MAX_SLUG_LENGTH) break;
    slug = next;
  }
  if (!slug && words[0]) slug = words[0].slice(0, MAX_SLUG_LENGTH);
  if (!slug) return `paper-${shortHash(title)}`;
  return RESERVED_NAMES.test(slug) || isPageSegment(slug) ? `${slug}-paper` : slug;
}

/**
 * Slugs for a set of match keys, unique and deterministic whatever order the keys come in:
 * when titles share a base slug, the smallest key keeps it and the others get a suffix
 * derived from their own key, so adding a paper never renames an existing one's suffix.
 */
export function assignSlugs(titlesByKey: Map<string, string>): Map<string, string> {
  const claims = new Map<string, string[]>();
  for (const [key, title] of titlesByKey) {
    const slug = baseSlug(title);
    const list = claims.get(slug);
    if (list) list.push(key);
    else claims.set(slug, [key]);
  }
  const slugs = new Map<string, string>();
  const taken = new Set(claims.keys());
  for (const [slug, keys] of claims) {
    const [first, ...rest] = [...keys].sort();
    slugs.set(first as string, slug);
    for (const key of rest) {
      let suffixed = `${slug.slice(0, MAX_SLUG_LENGTH - 7)}-${shortHash(key)}`;
      for (let length = 8; taken.has(suffixed) || isPageSegment(suffixed); length++) {
        suffixed = `${slug.slice(0, MAX_SLUG_LENGTH - length - 1)}-${shortHash(key, length)}`;
      }
      taken.add(suffixed);
      slugs.set(key, suffixed);
    }
  }
  return slugs;
}
