/**
 * The entries of a built site, search indexes left out. The indexes hold a file per page (their
 * fragments), so a walk that entered them to skip them afterwards read twice as many entries.
 */
import type { Dirent } from 'node:fs';
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { isIndexFolder } from '../contract/search-indexes.ts';

export async function siteEntries(site: string): Promise<Dirent[]> {
  const top = (await readdir(site, { withFileTypes: true })).filter(
    (entry) => !(entry.isDirectory() && isIndexFolder(entry.name)),
  );
  const below = await Promise.all(
    top
      .filter((entry) => entry.isDirectory())
      .map((entry) => readdir(path.join(site, entry.name), { withFileTypes: true, recursive: true })),
  );
  return [...top, ...below.flat()];
}
