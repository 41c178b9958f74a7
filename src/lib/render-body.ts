/**
 * Renders the body of a generated paper page to HTML.
 *
 * Paper pages are MDX, but the content script only ever writes text, links and headings into them.
 * Rendering them here with the MDX parser, instead of letting Astro compile each file into its own
 * Vite module, keeps a large atlas fast to build. Components belong in the curator's notes, which
 * Astro compiles as real MDX.
 */
import type { Root } from 'mdast';
import rehypeStringify from 'rehype-stringify';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified, type Processor } from 'unified';
import { visit } from 'unist-util-visit';

const MDX_NODES = new Set(['mdxjsEsm', 'mdxJsxFlowElement', 'mdxJsxTextElement', 'mdxFlowExpression', 'mdxTextExpression']);

export class PaperBodyError extends Error {
  override name = 'PaperBodyError';
}

/** remark plugin: a generated page holds text only; JSX, expressions or ESM mean someone edited it by hand. */
function remarkTextOnly(this: Processor, options: BodyOrigin) {
  return (tree: Root) => {
    visit(tree, (node) => {
      if (MDX_NODES.has(node.type)) {
        const line = node.position && node.position.start.line + options.lineOffset;
        throw new PaperBodyError(
          `${options.file}${line ? `:${line}` : ''}: generated paper pages hold text only; put components and commentary in ${options.notes}`,
        );
      }
    });
  };
}

export interface BodyOrigin {
  file: string;
  /** Lines before the body (the frontmatter), so errors name the line in the file. */
  lineOffset: number;
  /** Where this paper's notes go. */
  notes: string;
}

export async function renderPaperBody(body: string, origin: BodyOrigin): Promise<string> {
  const html = await unified()
    .use(remarkParse)
    .use(remarkMdx)
    .use(remarkTextOnly, origin)
    .use(remarkRehype)
    .use(rehypeStringify)
    .process(body);
  return String(html);
}
