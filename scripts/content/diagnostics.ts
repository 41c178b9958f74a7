import type { Diagnostic } from './types.ts';

/** `content/sources/x.txt:12: warning: title with no abstract; kept without one` */
export function formatDiagnostic(diagnostic: Diagnostic): string {
  const place = diagnostic.line ? `${diagnostic.file}:${diagnostic.line}` : diagnostic.file;
  return `${place}: ${diagnostic.severity}: ${diagnostic.message}`;
}
