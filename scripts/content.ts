/**
 * `npm run content`: turns the dumps in PAPER_SOURCES (default content/sources) into
 * one MDX page per paper and one entry per topic under content/.
 */
import path from 'node:path';
import { formatDiagnostic } from './content/diagnostics.ts';
import { ContentError } from './content/errors.ts';
import { runPipeline } from './content/index.ts';
import type { Diagnostic } from './content/types.ts';
import { CONTENT_PEAK, writeRecord } from '../lib/build-records.ts';
import { PROJECT_ROOT } from '../lib/project-root.ts';
import { SettingError } from '../contract/base-path.ts';
import { basePath, siteUrl } from '../contract/build-env.ts';

const sources = path.resolve(PROJECT_ROOT, process.env.PAPER_SOURCES || 'content/sources');
const started = performance.now();

function report(diagnostics: Diagnostic[]): void {
  for (const diagnostic of diagnostics) console.warn(formatDiagnostic(diagnostic));
}

try {
  // The build's settings are checked first, so a bad one stops `npm run build` before any work.
  basePath();
  siteUrl();
  const result = await runPipeline({ root: PROJECT_ROOT, sources, progress: (line) => console.log(line) });
  report(result.diagnostics);
  await writeRecord(path.join(PROJECT_ROOT, CONTENT_PEAK), { bytes: process.resourceUsage().maxRSS * 1024 });
  const seconds = ((performance.now() - started) / 1000).toFixed(2);
  const warnings = result.diagnostics.filter((diagnostic) => diagnostic.severity === 'warning').length;
  const errors = result.diagnostics.length - warnings;
  console.log(
    [
      `content: ${result.files} dumps (${result.layouts.block} block, ${result.layouts.line} line layout)`,
      `${result.listings} listings → ${result.papers} papers in ${result.topics} topics (${result.memberships} memberships)`,
      `${result.datedByGit} papers dated by git history (${result.datingSeconds.toFixed(2)} s waiting for it)`,
      `${result.rendered} pages rendered, ${result.written} files written, ${result.unchanged} unchanged, ${result.removed} removed`,
      `${warnings} warnings, ${errors} errors, ${seconds} s`,
    ].join('; '),
  );
} catch (error) {
  if (error instanceof SettingError) console.error(`content: ${error.message}`);
  else if (error instanceof ContentError) {
    if (Array.isArray(error.cause)) report(error.cause as Diagnostic[]);
    console.error(`content: ${error.message}`);
  } else {
    const message = error instanceof Error ? error.message : String(error);
    console.error(`content: unexpected failure: ${message}`);
    if (process.env.DEBUG) console.error(error);
  }
  process.exitCode = 1;
}
