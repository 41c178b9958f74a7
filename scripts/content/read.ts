/**
 * Stage 0, read: a folder of dumps → decoded text, one SourceFile per readable dump.
 * Decoding problems are reported, never thrown: one bad file must not stop the corpus.
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { TOPICS_FILE } from './topics.ts';
import type { Diagnostic, SourceFile } from './types.ts';

export interface ReadResult {
  files: SourceFile[];
  diagnostics: Diagnostic[];
}

const DUMP_EXTENSION = '.txt';

/** Bytes that never occur in a text dump; one of them in the first block marks the file as binary. */
function looksBinary(bytes: Uint8Array): boolean {
  const sample = bytes.subarray(0, 8192);
  let control = 0;
  for (const byte of sample) {
    if (byte === 0) return true;
    if (byte < 32 && byte !== 9 && byte !== 10 && byte !== 13 && byte !== 12) control++;
  }
  return sample.length > 0 && control / sample.length > 0.1;
}

/** 1-based line of the first byte sequence that is not valid UTF-8. */
function firstInvalidUtf8Line(bytes: Uint8Array): number {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let line = 1;
  let start = 0;
  for (let i = 0; i <= bytes.length; i++) {
    if (i === bytes.length || bytes[i] === 10) {
      try {
        decoder.decode(bytes.subarray(start, i));
      } catch {
        return line;
      }
      line++;
      start = i + 1;
    }
  }
  return line;
}

/** Decodes a dump: UTF-8 (BOM dropped), or Windows-1252 with a warning; CRLF and CR become LF. */
export function decodeDump(
  bytes: Uint8Array,
  file: string,
): { text: string; diagnostics: Diagnostic[] } | { text: null; diagnostics: Diagnostic[] } {
  if (bytes.length === 0) {
    return { text: null, diagnostics: [{ severity: 'warning', file, message: 'empty file, no papers read' }] };
  }
  if (looksBinary(bytes)) {
    return {
      text: null,
      diagnostics: [{ severity: 'error', file, message: 'binary file, not a text dump; skipped' }],
    };
  }
  const diagnostics: Diagnostic[] = [];
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    text = new TextDecoder('windows-1252').decode(bytes);
    diagnostics.push({
      severity: 'warning',
      file,
      line: firstInvalidUtf8Line(bytes),
      message: 'not valid UTF-8; read as Windows-1252, check accented characters',
    });
  }
  return { text: text.replace(/\r\n?/g, '\n'), diagnostics };
}

/** Reads every `.txt` dump in `folder`, in name order so output never depends on the file system. */
export async function readSources(folder: string, displayRoot: string): Promise<ReadResult> {
  const entries = await readdir(folder, { withFileTypes: true });
  const files: SourceFile[] = [];
  const diagnostics: Diagnostic[] = [];
  const names = entries
    .filter((entry) => entry.isFile() && !entry.name.startsWith('.') && entry.name !== TOPICS_FILE)
    .map((entry) => entry.name)
    .sort();
  for (const name of names) {
    const fullPath = path.join(folder, name);
    const shown = path.relative(displayRoot, fullPath) || name;
    if (path.extname(name).toLowerCase() !== DUMP_EXTENSION) {
      diagnostics.push({ severity: 'warning', file: shown, message: `not a ${DUMP_EXTENSION} dump; ignored` });
      continue;
    }
    const decoded = decodeDump(await readFile(fullPath), shown);
    diagnostics.push(...decoded.diagnostics);
    if (decoded.text !== null) {
      files.push({ path: shown, stem: path.basename(name, path.extname(name)), text: decoded.text });
    }
  }
  return { files, diagnostics };
}
