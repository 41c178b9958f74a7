/**
 * The whole corpus as JSON, for other tools. Written as a stream, a few dozen papers at a time: as
 * one string it was 327 MB at 100,000 papers, and building, encoding and copying it took the build
 * from 2.2 GB to 4.4 GB of memory.
 */
import type { APIRoute } from 'astro';
import { outDir } from 'astro:config/server';
import { streamAtomically } from '../../lib/atomic-write.ts';
import { getAtlas, paperDetail, type PaperEntry } from '../lib/atlas.ts';
import { findPaperLinks } from '../lib/find-paper.ts';
import { absoluteHref, paperPath, topicPath } from '../lib/url.ts';

/** Papers read and written per chunk of the stream. */
const PAPERS_PER_CHUNK = 32;

export const GET: APIRoute = async ({ site }) => {
  const atlas = await getAtlas();
  const entry = (paper: PaperEntry) => {
    const detail = paperDetail(paper);
    return {
      slug: paper.id,
      url: absoluteHref(paperPath(paper.id), site),
      title: paper.data.title,
      added: paper.data.added,
      // Direct links to the paper first (marked `direct`), then title searches.
      find: findPaperLinks(paper.data.title, detail.identifiers),
      abstract: detail.text,
      topics: paper.data.topics,
      keyTerms: paper.data.keyTerms,
      links: detail.links,
      related: detail.related,
      sources: detail.sources,
    };
  };
  const topics = atlas.topics.map((topic) => ({
    slug: topic.slug,
    title: topic.title,
    description: topic.description,
    url: absoluteHref(topicPath(topic.slug), site),
    papers: topic.members,
  }));
  // The same text as JSON.stringify({ topics, papers }), one chunk after another.
  const papers = atlas.papersByTitle;
  const encoder = new TextEncoder();
  let next = 0;
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(encoder.encode(`{"topics":${JSON.stringify(topics)},"papers":[`));
    },
    pull(controller) {
      const chunk = papers.slice(next, next + PAPERS_PER_CHUNK);
      const text = chunk.map((paper) => JSON.stringify(entry(paper))).join(',');
      controller.enqueue(encoder.encode(`${next > 0 && text ? ',' : ''}${text}`));
      next += chunk.length;
      if (next >= papers.length) {
        controller.enqueue(encoder.encode(']}'));
        controller.close();
      }
    },
  });
  if (import.meta.env.DEV) return new Response(body, { headers: { 'Content-Type': 'application/json' } });
  // A build collects an endpoint's whole body before writing it, in several copies at once (at
  // 100,000 papers most of a gigabyte, the build's peak). The file is written here as it streams
  // instead; an empty response tells Astro it has nothing to write (it logs "file not created,
  // response body was empty" for it).
  await streamAtomically(new URL('papers.json', outDir), body);
  return new Response(null);
};
