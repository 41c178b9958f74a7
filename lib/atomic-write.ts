/**
 * Writing a file so that a reader, or a build stopped halfway, never sees half of it: the content
 * goes to a temporary file beside it, which is then renamed over it. Used by the content step, the
 * paper details in Astro's cache and the search index's page digests.
 */
import { rename, rm, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';

/** `<name>.tmp-<pid>`: the temporary name, per process so two builds never share one. */
const TEMPORARY = /\.tmp-\d+$/;

/** Whether a file name is one `writeAtomically` writes to first: left behind only by a run that stopped. */
export function isTemporaryFile(name: string): boolean {
  return TEMPORARY.test(name);
}

export async function writeAtomically(file: string | URL, content: string): Promise<void> {
  const target = typeof file === 'string' ? file : fileURLToPath(file);
  const temporary = `${target}.tmp-${process.pid}`;
  try {
    await writeFile(temporary, content);
    await rename(temporary, target);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
}
