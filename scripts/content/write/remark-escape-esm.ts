/**
 * remark plugin: escape text that MDX would read as ESM.
 *
 * In MDX, a paragraph that starts with `import ` or `export ` is parsed as a JavaScript
 * import/export. remark-mdx's serialiser does not guard against that, so this plugin adds
 * "unsafe" patterns: the serialiser then writes the first letter as a character reference
 * (`&#x65;xport`), which MDX reads back as plain text.
 */
import type { Processor } from 'unified';

interface UnsafePattern {
  character: string;
  after: string;
  atBreak: true;
}

const ESM_KEYWORDS = ['import', 'export'];

export default function remarkEscapeEsm(this: Processor) {
  const data = this.data() as { toMarkdownExtensions?: { unsafe: UnsafePattern[] }[] };
  const unsafe = ESM_KEYWORDS.map((keyword) => ({
    character: keyword.charAt(0),
    after: `${keyword.slice(1)}[\\s{*]`,
    atBreak: true as const,
  }));
  data.toMarkdownExtensions ??= [];
  data.toMarkdownExtensions.push({ unsafe });
}
