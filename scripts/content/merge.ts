/**
 * Stage 3, merge: listings from every dump → distinct papers, and each topic's ordered members.
 * The same normalised title in several dumps is one paper in several topics.
 */
import { assignSlugs } from './slug.ts';
import type { AbstractVariant, Diagnostic, NormalisedListing, Paper } from './types.ts';

export interface MergeResult {
  papers: Paper[];
  /** Topic slug → paper slugs in listing order, each paper once. */
  members: Map<string, string[]>;
  diagnostics: Diagnostic[];
}

const describe = (listing: NormalisedListing) => `${listing.origin.file}:${listing.origin.line}`;

export function mergeListings(listings: NormalisedListing[]): MergeResult {
  const groups = new Map<string, NormalisedListing[]>();
  for (const listing of listings) {
    const group = groups.get(listing.key);
    if (group) group.push(listing);
    else groups.set(listing.key, [listing]);
  }

  const titles = new Map<string, string>();
  for (const [key, group] of groups) titles.set(key, (group[0] as NormalisedListing).displayTitle);
  const slugs = assignSlugs(titles);

  const diagnostics: Diagnostic[] = [];
  const papers: Paper[] = [];
  for (const [key, group] of groups) {
    const first = group[0] as NormalisedListing;
    const variants: AbstractVariant[] = [];
    const topics: string[] = [];
    for (const listing of group) {
      if (!topics.includes(listing.topic)) topics.push(listing.topic);
      const same = variants.find((variant) => variant.displayAbstract === listing.displayAbstract);
      if (same) {
        same.origins.push(listing.origin);
        continue;
      }
      if (variants.length > 0 && listing.displayAbstract !== '') {
        const kept = variants[0]?.displayAbstract === '' ? 'its abstract kept' : 'both texts kept';
        diagnostics.push({
          severity: 'warning',
          ...listing.origin,
          message: `“${first.displayTitle}” has a different abstract than at ${describe(first)}; ${kept}`,
        });
      }
      variants.push({
        verbatimTitle: listing.title,
        verbatimAbstract: listing.abstract,
        displayAbstract: listing.displayAbstract,
        origins: [listing.origin],
      });
    }
    // A listing without an abstract adds nothing once another listing supplies one.
    const empty = variants.find((variant) => variant.displayAbstract === '');
    const kept = variants.filter((variant) => variant !== empty || variants.length === 1);
    if (empty && kept.length < variants.length) (kept[0] as AbstractVariant).origins.push(...empty.origins);
    const madeUp = first.titleFromAbstract ? { titleFromAbstract: true } : {};
    papers.push({ key, slug: slugs.get(key) as string, title: first.displayTitle, ...madeUp, topics, variants: kept });
  }

  const members = new Map<string, string[]>();
  const seen = new Map<string, NormalisedListing>();
  for (const listing of listings) {
    const slug = slugs.get(listing.key) as string;
    const list = members.get(listing.topic) ?? [];
    members.set(listing.topic, list);
    const membership = `${listing.topic}\u0000${slug}`;
    const earlier = seen.get(membership);
    if (earlier) {
      diagnostics.push({
        severity: 'warning',
        ...listing.origin,
        message: `“${listing.displayTitle}” is listed again in the same topic (first at ${describe(earlier)}); listed once`,
      });
      continue;
    }
    seen.set(membership, listing);
    list.push(slug);
  }
  return { papers, members, diagnostics };
}
