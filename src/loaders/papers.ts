/**
 * Content loader for the generated paper pages: reads each `.mdx` file, validates its frontmatter
 * and keeps the paper's card in Astro's data store. Its rendered body and source details are kept
 * by page digest beside it (contract/paper-details.ts), written by the content step for the pages
 * it generates; a page without them (edited by hand, or their file lost) is rendered here.
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Loader } from 'astro/loaders';
// js-yaml reads frontmatter several times faster than `yaml` (3 s → 0.4 s for 10,000 pages).
import { load as parseYaml } from 'js-yaml';
import { LineCounter, parseDocument } from 'yaml';
import { z } from 'zod';
import { inBatches } from '../../lib/batches.ts';
import { pageDigest, PaperDetails, renderedPaper } from '../../contract/paper-details.ts';
import { paperCardSchema, paperSchema } from '../../contract/schema.ts';
import { PaperFileError, renderPaperBody } from '../../lib/render-body.ts';

const FRONTMATTER = /^---\n([\s\S]*?)\n---\n/;
/** Files read at once; enough to keep the disk busy without holding the whole corpus in flight. */
const FILES_AT_ONCE = 64;

/** The line in the file of the first invalid field; the `yaml` parser keeps positions, js-yaml does not. */
function lineOfField(frontmatter: string, field: PropertyKey[]): number | undefined {
  const lineCounter = new LineCounter();
  const node = parseDocument(frontmatter, { lineCounter }).getIn(field as unknown[], true) as
    | { range?: [number, number, number] }
    | undefined;
  // +1: the frontmatter starts below the opening `---`.
  return node?.range && lineCounter.linePos(node.range[0]).line + 1;
}

export interface PaperLoaderOptions {
  /** Folder of generated pages, relative to the project root. */
  base: string;
  /** Folder of curator notes, named in errors. */
  notes: string;
}

export function paperLoader(options: PaperLoaderOptions): Loader {
  return {
    name: 'paper-atlas-papers',
    schema: paperCardSchema,
    async load({ store, parseData, logger, config }) {
      const started = performance.now();
      const root = fileURLToPath(config.root);
      const folder = path.join(root, options.base);
      const names = (await readdir(folder).catch(() => [] as string[])).filter((name) => name.endsWith('.mdx')).sort();
      if (names.length === 0) logger.warn(`no paper pages in ${options.base}; run \`npm run content\` first`);
      const seen = new Set<string>();
      const details = new PaperDetails(config.root, { write: true });
      const stored = details.digests();
      const kept = new Set<string>();
      let rendered = 0;

      const loadOne = async (name: string) => {
        const id = name.slice(0, -'.mdx'.length);
        seen.add(id);
        const shown = `${options.base}/${name}`;
        const text = await readFile(path.join(folder, name), 'utf8');
        const digest = pageDigest(text);
        kept.add(digest);
        if (store.get(id)?.digest === digest && stored.has(digest)) return;
        // What is kept under the page's digest was made from exactly this text, its frontmatter
        // validated then: no YAML or schema to run again (10,000 pages: 1.9 → 0.8 s).
        const card = stored.has(digest) ? details.card(digest) : undefined;
        if (card) {
          store.set({ id, data: card, digest, filePath: shown });
          return;
        }
        const match = text.match(FRONTMATTER);
        if (!match) throw new PaperFileError(`${shown}: no frontmatter; regenerate it with \`npm run content\``);
        const frontmatter = parseYaml(match[1]!) as Record<string, unknown>;
        const parsed = paperSchema.safeParse(frontmatter);
        if (!parsed.success) {
          const line = lineOfField(match[1]!, parsed.error.issues[0]!.path);
          throw new PaperFileError(
            `${shown}${line ? `:${line}` : ''}: invalid frontmatter; regenerate it with \`npm run content\`\n${z.prettifyError(parsed.error)}`,
          );
        }
        const body = renderPaperBody(text.slice(match[0].length), {
          file: shown,
          lineOffset: match[0].split('\n').length - 1,
          notes: `${options.notes}/${id}.mdx`,
        });
        const made = renderedPaper(parsed.data, body);
        const data = await parseData({ id, data: made.card, filePath: shown });
        details.write(digest, made);
        rendered++;
        store.set({ id, data, digest, filePath: shown });
      };

      try {
        await inBatches(names, FILES_AT_ONCE, loadOne);
        details.keepOnly(kept);
      } finally {
        details.close();
      }
      for (const id of store.keys()) if (!seen.has(id)) store.delete(id);
      const seconds = ((performance.now() - started) / 1000).toFixed(1);
      logger.info(
        `${names.length} papers, ${rendered} rendered here, ${names.length - rendered} as the content step or the last build left them, in ${seconds} s`,
      );
    },
  };
}
