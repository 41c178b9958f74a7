/**
 * The data that flows between the content stages:
 * read → parse → normalise → merge → enrich → write.
 */

/** Where a piece of text came from, so every message and page can point back at it. */
export interface Origin {
  /** Path of the dump, relative to the project root when possible. */
  file: string;
  /** 1-based line of the listing's title (of its abstract when it has no title). */
  line: number;
}

/** A dump that could be decoded as text. */
export interface SourceFile {
  path: string;
  /** File name without extension: the topic this dump feeds when topics.yaml does not say otherwise. */
  stem: string;
  text: string;
}

/** One title/abstract pair exactly as a dump lists it. */
export interface Listing {
  origin: Origin;
  /** Topic slug of the dump this listing came from. */
  topic: string;
  title: string;
  abstract: string;
  /** The dump lists no title: `title` is the abstract's first words. */
  titleFromAbstract?: boolean;
}

/** A listing with display text: LaTeX remnants turned into typography, whitespace tidied. */
export interface NormalisedListing extends Listing {
  displayTitle: string;
  displayAbstract: string;
  /** Equal for listings of the same paper, whatever their punctuation, case or LaTeX. */
  key: string;
}

/** One distinct abstract text of a paper, with where it was listed. */
export interface AbstractVariant {
  verbatimTitle: string;
  verbatimAbstract: string;
  displayAbstract: string;
  origins: Origin[];
}

/** A paper after merging: one per distinct normalised title. */
export interface Paper {
  key: string;
  slug: string;
  title: string;
  /** The title is its first listing's abstract's first words: that dump lists no title. */
  titleFromAbstract?: boolean;
  /** Topic slugs in order of first appearance. */
  topics: string[];
  /** At least one; more only when dumps disagree on the abstract. */
  variants: AbstractVariant[];
}

export type LinkKind = 'code' | 'project' | 'other';

export interface PaperLink {
  url: string;
  kind: LinkKind;
  /** Short human label, e.g. `github.com/org/repo`. */
  label: string;
}

export interface RelatedPaper {
  slug: string;
  /** Cosine similarity of the two papers' tf-idf vectors, 0–1, three decimals. */
  score: number;
}

/** Identifiers of the paper itself found in its title or abstract. */
export interface PaperIdentifiers {
  /** `2401.12345`, `cs/0112017`: without version, so every version's mention is one paper. */
  arxiv: string[];
  doi: string[];
}
/** Where a paper sits on the atlas map: whole numbers, 0 to 10,000 on both axes (enrich/layout.ts). */
export type Position = [x: number, y: number];

export interface EnrichedPaper extends Paper {
  links: PaperLink[];
  identifiers: PaperIdentifiers;
  keyTerms: string[];
  related: RelatedPaper[];
  /** When the paper joined the atlas (added.ts), as an ISO 8601 time. */
  added: string;
  position: Position;
}

export interface TopicConfig {
  slug: string;
  title: string;
  description: string;
  /** Dump file names (relative to the sources folder) that feed this topic. */
  sources: string[];
}

/** A phrase that tells a topic apart, and how many of its papers use it. */
export interface TopicTerm {
  term: string;
  papers: number;
}

export interface Topic extends TopicConfig {
  /** Paper slugs in the order the dumps list them. */
  members: string[];
  terms: TopicTerm[];
}

export type Severity = 'warning' | 'error';

/** A problem with the input, reported as one line naming the file and, where known, the line. */
export interface Diagnostic {
  severity: Severity;
  file: string;
  line?: number;
  message: string;
}
