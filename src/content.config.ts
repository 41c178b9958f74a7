import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { z } from 'astro/zod';
import { PAPERS_FOLDER } from '../contract/pages.ts';
import { paperCardSchema, topicEntrySchema } from '../contract/schema.ts';
import { paperLoader } from './loaders/papers.ts';

export const collections = {
  papers: defineCollection({
    loader: paperLoader({ base: PAPERS_FOLDER, notes: 'content/notes' }),
    schema: paperCardSchema,
  }),
  topics: defineCollection({ loader: glob({ pattern: '*.yaml', base: 'content/topics' }), schema: topicEntrySchema }),
  /** Curator commentary: real MDX, so it may use components. Named after the paper's slug. */
  notes: defineCollection({
    loader: glob({ pattern: '*.{md,mdx}', base: 'content/notes' }),
    schema: z.object({}).passthrough(),
  }),
};
