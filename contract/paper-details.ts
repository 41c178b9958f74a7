/**
 * What the content step made of each paper page besides its text, kept by page digest in one SQLite
 * file among the build records: the card Astro's data store keeps, and what only the paper's own page
 * shows (rendered abstract, links, sources, related papers, the dumps' verbatim text).
 *
 * Astro bundles the whole data store into the build as one module; at 100,000 papers the abstracts
 * alone made it hundreds of megabytes, which the build could not get past. Lists need only the card
 * (contract/schema.ts), so the store keeps that and each paper page reads its own details here.
 * One file, not one per page: at 10,000 papers creating the files cost the content step ~2 s and
 * opening them again ~1 s of the pages' rendering; Node's built-in SQLite writes and reads the same
 * rows in a fraction of that.
 *
 * The content step writes both for every page it generates, from the data and tree it wrote the
 * page from, so the loader (src/loaders/papers.ts) parses and renders only a page whose digest has
 * none, such as one edited by hand, and removes the rows of pages that are gone. Parsing 10,000
 * generated pages back took the loader 3.2 s.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, rmSync } from 'node:fs';
import { DatabaseSync, type StatementSync } from 'node:sqlite';
import { RECORDS_FOLDER } from '../lib/build-records.ts';
import type { RenderedBody } from '../lib/render-body.ts';
import type { PaperCardData, PaperData, PaperDetailData } from './schema.ts';

export interface PaperDetail extends PaperDetailData {
  /** The page body (the abstract and its headings) rendered to HTML. */
  html: string;
  /** The same body as plain text. */
  text: string;
}

/** What the content step made of one page besides its text, kept under the page's digest. */
export interface RenderedPaper {
  card: PaperCardData;
  detail: PaperDetail;
}

/**
 * A page's card and details, from its validated frontmatter and its rendered body: the one split of
 * a paper's fields between Astro's data store and this file, for the content step and the loader.
 */
export function renderedPaper(data: PaperData, body: RenderedBody): RenderedPaper {
  const { title, slug, topics, excerpt, keyTerms, added, position } = data;
  const { links, identifiers, sources, verbatim, related } = data;
  const hasCode = links.some((link) => link.kind === 'code');
  return {
    card: { title, slug, topics, excerpt, keyTerms, added, position, hasCode },
    detail: { links, identifiers, sources, verbatim, related, ...body },
  };
}

/** Bumped when PaperDetail changes, so rows of another shape are never read as this one. */
const DETAIL_FORMAT = 'v7';
const DETAILS_NAME = /^details(?:-v\d+\.sqlite(?:-wal|-shm|-journal)?)?$/;
/** Rows written per transaction: few commits, and two threads writing at once take turns often. */
const ROWS_PER_COMMIT = 1000;

/** The details file of the project at `root`. */
export function detailsFile(root: URL): URL {
  return new URL(`${RECORDS_FOLDER}/details-${DETAIL_FORMAT}.sqlite`, root);
}

/** What names a page's details: the digest of the page file's whole text. */
export function pageDigest(text: string): string {
  return createHash('sha256').update(text).digest('base64url');
}

/** Details files of other formats (and the folder of one file per page before them) are never read again. */
function removeOtherFormats(file: URL): void {
  const folder = new URL('./', file);
  const current = file.pathname.split('/').pop()!;
  for (const name of readdirSync(folder)) {
    if (DETAILS_NAME.test(name) && !name.startsWith(current))
      rmSync(new URL(name, folder), { recursive: true, force: true });
  }
}

function openDetails(file: URL): DatabaseSync {
  // Another thread may be writing the same file: wait for its commit instead of failing.
  const db = new DatabaseSync(file, { timeout: 60_000 });
  try {
    // A cache, rebuilt when lost: whole after a crashed run (WAL), with no wait for the disk (no sync).
    // A rowid table: a row of ~3 KB fits its page there, where a WITHOUT ROWID table spills most of
    // it to a second page, and 10,000 lookups took 240 ms instead of 84.
    db.exec(`PRAGMA journal_mode = WAL; PRAGMA synchronous = OFF;
      CREATE TABLE IF NOT EXISTS details (digest TEXT NOT NULL UNIQUE, card TEXT NOT NULL, detail TEXT NOT NULL);`);
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}

/** The details file and the journal files SQLite keeps beside it. */
function removeDetails(file: URL): void {
  for (const suffix of ['', '-wal', '-shm']) rmSync(new URL(`${file.href}${suffix}`), { force: true });
}

export class PaperDetails {
  readonly #file: URL;
  readonly #db: DatabaseSync;
  readonly #select: StatementSync;
  #insert: StatementSync | undefined;
  #pending: [digest: string, card: string, detail: string][] = [];
  #selectCard: StatementSync | undefined;

  /**
   * Opens the details of the project at `root`. A writer first clears details of other formats, and
   * starts afresh from a file it cannot read (a cache restored half, a disk that filled up): the
   * loader then renders again whatever is missing.
   */
  constructor(root: URL, { write = false } = {}) {
    this.#file = detailsFile(root);
    mkdirSync(new URL('./', this.#file), { recursive: true });
    if (write) removeOtherFormats(this.#file);
    try {
      this.#db = openDetails(this.#file);
    } catch (error) {
      if (!write) {
        const reason = error instanceof Error ? error.message : String(error);
        throw new Error(`${this.#file.pathname} cannot be read (${reason}); run \`npm run build\` again`);
      }
      removeDetails(this.#file);
      this.#db = openDetails(this.#file);
    }
    this.#select = this.#db.prepare('SELECT detail FROM details WHERE digest = ?');
  }

  read(digest: string): PaperDetail {
    const row = this.#select.get(digest) as { detail: string } | undefined;
    if (!row) {
      throw new Error(
        `the rendered paper ${digest} is missing from ${this.#file.pathname}; run \`npm run build\` again`,
      );
    }
    return JSON.parse(row.detail) as PaperDetail;
  }

  /** The card made from the page with this digest, if the content step or the loader made one. */
  card(digest: string): PaperCardData | undefined {
    this.#selectCard ??= this.#db.prepare('SELECT card FROM details WHERE digest = ?');
    const row = this.#selectCard.get(digest) as { card: string } | undefined;
    return row && (JSON.parse(row.card) as PaperCardData);
  }

  /** Every digest that has details, read once so an unchanged paper costs no lookup. */
  digests(): Set<string> {
    const rows = this.#db.prepare('SELECT digest FROM details').all() as { digest: string }[];
    return new Set(rows.map((row) => row.digest));
  }

  /** Keeps what was made of a page under its digest; written with the next few hundred, or by `close`. */
  write(digest: string, { card, detail }: RenderedPaper): void {
    this.#pending.push([digest, JSON.stringify(card), JSON.stringify(detail)]);
    if (this.#pending.length === ROWS_PER_COMMIT) this.#flush();
  }

  /** Removes the details of pages that changed or left the atlas, so the file does not grow forever. */
  keepOnly(kept: ReadonlySet<string>): void {
    const gone = [...this.digests()].filter((digest) => !kept.has(digest));
    const remove = this.#db.prepare('DELETE FROM details WHERE digest = ?');
    this.#inTransaction(() => {
      for (const digest of gone) remove.run(digest);
    });
  }

  close(): void {
    this.#flush();
    this.#db.close();
  }

  /** Rows are gathered first, so another thread writing the same file waits for the inserts alone. */
  #flush(): void {
    if (this.#pending.length === 0) return;
    this.#insert ??= this.#db.prepare('INSERT OR REPLACE INTO details (digest, card, detail) VALUES (?, ?, ?)');
    const insert = this.#insert;
    this.#inTransaction(() => {
      for (const row of this.#pending) insert.run(...row);
    });
    this.#pending = [];
  }

  #inTransaction(work: () => void): void {
    this.#db.exec('BEGIN IMMEDIATE');
    try {
      work();
      this.#db.exec('COMMIT');
    } catch (error) {
      this.#db.exec('ROLLBACK');
      throw error;
    }
  }
}
