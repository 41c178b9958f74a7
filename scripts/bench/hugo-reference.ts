/**
 * The reference `npm run bench` sets beside the atlas: Hugo and Pagefind building the same synthetic
 * corpus into a minimal site (scripts/bench/hugo/): a page per paper with its title, abstract and
 * topic links, a page per topic listing its papers, a home page listing the topics.
 *
 * Turning the dumps into Hugo's content is setup, outside the clock, as the atlas's scratch copy is.
 */
import { execFile } from 'node:child_process';
import { cp, mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { parse } from 'yaml';
import { parseDump } from '../content/parse.ts';
import { assignSlugs } from '../content/slug.ts';

const TEMPLATE = path.join(import.meta.dirname, 'hugo');

/** A plain `hugo` build, then Pagefind as its guide says (`npx pagefind --site public`, minus npx's own start). */
export const REFERENCE_STAGES = [
  { name: 'hugo', command: 'hugo', args: [] },
  { name: 'pagefind', command: 'pagefind', args: ['--site', 'public'] },
];

/** Hugo's version line, or undefined when there is no `hugo` to run. */
export async function hugoVersion(): Promise<string | undefined> {
  try {
    return (await promisify(execFile)('hugo', ['version'])).stdout.trim();
  } catch {
    return undefined;
  }
}

/** Hugo's file caches inside the site, so no build reuses another's. */
export const hugoEnv = (site: string) => ({ HUGO_CACHEDIR: path.join(site, 'cache') });

interface TopicEntry {
  slug: string;
  title: string;
  description: string;
  sources: string[];
}

/** Writes `text` unless the file holds it already: a rebuild then sees only what changed, as after a checkout. */
async function writeChanged(file: string, text: string): Promise<void> {
  if ((await readFile(file, 'utf8').catch(() => undefined)) === text) return;
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, text);
}

/**
 * Writes the corpus in `corpus` (dumps and topics.yaml, scripts/bench/synthesize.ts) as the content of
 * the Hugo site in `site`, made from the template the first time. A paper listed by several topics
 * is one page, with the first listing's abstract, as in the atlas.
 */
export async function writeHugoSite(corpus: string, site: string): Promise<void> {
  await cp(TEMPLATE, site, { recursive: true, force: false });
  const topics = parse(await readFile(path.join(corpus, 'topics.yaml'), 'utf8')) as TopicEntry[];
  const papers = new Map<string, { abstract: string; topics: string[] }>();
  for (const topic of topics) {
    for (const source of topic.sources) {
      const text = await readFile(path.join(corpus, source), 'utf8');
      for (const listing of parseDump({ path: source, stem: source, text }, topic.slug).listings) {
        const paper = papers.get(listing.title);
        if (paper) paper.topics.push(topic.slug);
        else papers.set(listing.title, { abstract: listing.abstract, topics: [topic.slug] });
      }
    }
    // JSON front matter: Hugo reads it as it is, with no quoting rules to get wrong.
    await writeChanged(
      path.join(site, 'content/topics', topic.slug, '_index.md'),
      `${JSON.stringify({ title: topic.title })}\n\n${topic.description}\n`,
    );
  }
  const slugs = assignSlugs(new Map([...papers.keys()].map((title) => [title, title])));
  for (const [title, paper] of papers) {
    await writeChanged(
      path.join(site, 'content/papers', `${slugs.get(title)}.md`),
      `${JSON.stringify({ title, topics: paper.topics })}\n\n${paper.abstract}\n`,
    );
  }
}
