/**
 * The contract between the content script and the site: what a generated paper page and
 * topic entry hold. The write stage validates against these before writing; the site's
 * content collections parse with them.
 */
import { z } from 'zod';

const slug = z.string().regex(/^[\p{L}\p{N}]+(?:-[\p{L}\p{N}]+)*$/u, 'a slug is words joined by single hyphens');

export const topicConfigSchema = z.object({
  slug,
  title: z.string().min(1),
  description: z.string().default(''),
  sources: z.array(z.string().min(1)).default([]),
});
export const topicsFileSchema = z.array(topicConfigSchema);

export const topicEntrySchema = topicConfigSchema.extend({
  /** Position in topics.yaml, so every list of topics keeps the curator's order. */
  order: z.number().int().nonnegative(),
  /** Paper slugs in the order the dumps list them. */
  members: z.array(slug),
  /** Phrases that tell the topic apart, best first, with how many of its papers use each. */
  terms: z.array(z.object({ term: z.string().min(1), papers: z.number().int().positive() })),
});

export const linkSchema = z.object({
  url: z.url({ protocol: /^https?$/ }),
  kind: z.enum(['code', 'project', 'other']),
  label: z.string(),
});

export const sourceSchema = z.object({
  file: z.string(),
  line: z.number().int().positive(),
  /** Index into `verbatim`: which text this listing had. */
  text: z.number().int().nonnegative(),
});

/** A generated paper page's frontmatter. */
export const paperSchema = z.object({
  title: z.string().min(1),
  /** The dump lists no title for this paper: `title` is its abstract's first words. */
  titleFromAbstract: z.boolean().optional(),
  slug,
  topics: z.array(slug).min(1),
  /** The first sentences of the abstract, for lists, feeds and meta descriptions. */
  excerpt: z.string(),
  links: z.array(linkSchema),
  /** arXiv identifiers (no version) and DOIs found in the title or abstract; src/lib/find-paper.ts links them. */
  identifiers: z.object({ arxiv: z.array(z.string().min(1)), doi: z.array(z.string().min(1)) }),
  keyTerms: z.array(z.string()),
  related: z.array(z.object({ slug, score: z.number().min(0).max(1) })),
  /** Where the paper sits on the atlas map: whole numbers from 0 to 10,000 on both axes. */
  position: z.tuple([z.number().int().min(0).max(10_000), z.number().int().min(0).max(10_000)]),
  sources: z.array(sourceSchema).min(1),
  /** When the paper joined the atlas: the commit time of the dump line that first listed it (scripts/content/added.ts). */
  added: z.iso.datetime(),
  /**
   * Each distinct text the dumps gave, exactly as they gave it. A field is left out where the
   * dump's text is exactly what the page shows, so large atlases do not carry every abstract twice.
   */
  verbatim: z.array(z.object({ title: z.string().optional(), abstract: z.string().optional() })).min(1),
});

/** What lists, counts and page navigation need: the only part of a paper Astro's data store keeps. */
export const paperCardSchema = paperSchema
  .pick({
    title: true,
    slug: true,
    topics: true,
    excerpt: true,
    keyTerms: true,
    added: true,
    position: true,
  })
  .extend({ hasCode: z.boolean() });

/** What only the paper's own page shows; kept beside the data store (contract/paper-details.ts). */
export const paperDetailSchema = paperSchema.pick({
  links: true,
  identifiers: true,
  sources: true,
  verbatim: true,
  related: true,
});

export type PaperData = z.infer<typeof paperSchema>;
export type PaperCardData = z.infer<typeof paperCardSchema>;
export type PaperDetailData = z.infer<typeof paperDetailSchema>;
export type TopicEntry = z.infer<typeof topicEntrySchema>;
