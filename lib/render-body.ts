/**
 * Renders the body of a generated paper page to HTML: from the tree the content step writes the
 * page from, or, for a page the content step did not leave details for, from the page's text.
 *
 * Paper pages are MDX, but the content script only ever writes text, links and headings into them.
 * Rendering them here, instead of letting Astro compile each file into its own Vite module, keeps a
 * large atlas fast to build. Components belong in the curator's notes, which Astro compiles as real MDX.
 */
import { toString as hastToString } from 'hast-util-to-string';
import type { Root } from 'mdast';
import rehypeStringify from 'rehype-stringify';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';

const MDX_NODES = new Set([
  'mdxjsEsm',
  'mdxJsxFlowElement',
  'mdxJsxTextElement',
  'mdxFlowExpression',
  'mdxTextExpression',
]);

/**
 * A generated paper page that is not as the content script wrote it, reported as file, line and
 * fix only: Astro prints the stack of any error that carries one, which would bury the message.
 */
export class PaperFileError extends Error {
  override name = 'PaperFileError';
  constructor(message: string) {
    super(message);
    this.stack = '';
  }
}

/** A generated page holds text only; JSX, expressions or ESM mean someone edited it by hand. */
function assertTextOnly(tree: Root, origin: BodyOrigin): void {
  visit(tree, (node) => {
    if (MDX_NODES.has(node.type)) {
      const line = node.position && node.position.start.line + origin.lineOffset;
      throw new PaperFileError(
        `${origin.file}${line ? `:${line}` : ''}: generated paper pages hold text only; put components and commentary in ${origin.notes}`,
      );
    }
  });
}

export interface BodyOrigin {
  file: string;
  /** Lines before the body (the frontmatter), so errors name the line in the file. */
  lineOffset: number;
  /** Where this paper's notes go. */
  notes: string;
}

// Built once: assembling micromark's MDX extensions is a noticeable share of each parse otherwise.
const parser = unified().use(remarkParse).use(remarkMdx).freeze();
const renderer = unified().use(remarkRehype).use(rehypeStringify).freeze();

export interface RenderedBody {
  html: string;
  /** The same body as plain text, for tools that read papers.json. */
  text: string;
}

/** The body as the content step built it, before it was written as MDX. */
export function renderBodyTree(tree: Root): RenderedBody {
  const hast = renderer.runSync(tree);
  return { html: renderer.stringify(hast), text: hastToString(hast).trim() };
}

/** The body as written in a page file, checked to hold text only. */
export function renderPaperBody(body: string, origin: BodyOrigin): RenderedBody {
  const tree = parser.parse(body);
  assertTextOnly(tree, origin);
  return renderBodyTree(tree);
}
