/**
 * Topics: which dump feeds which topic, and what each topic is called.
 * Names come from topics.yaml; a dump the file does not name becomes a topic named from its file name.
 */
import { readFile } from 'node:fs/promises';
import { parseDocument } from 'yaml';
import { topicsFileSchema } from '../../contract/schema.ts';
import { ContentError } from './errors.ts';
import { baseSlug } from './slug.ts';
import type { Diagnostic, SourceFile, TopicConfig } from './types.ts';

/** The curator's file naming the topics, in the sources folder or in content/. */
export const TOPICS_FILE = 'topics.yaml';

/** Reads topics.yaml; a missing file means no names, a malformed one stops the run before anything is written. */
export async function loadTopicConfig(file: string, shownAs: string): Promise<TopicConfig[]> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch {
    return [];
  }
  const document = parseDocument(text, { prettyErrors: true });
  const [yamlError] = document.errors;
  if (yamlError) {
    const line = yamlError.linePos?.[0].line;
    throw new ContentError(`${shownAs}${line ? `:${line}` : ''}: not valid YAML: ${yamlError.message.split('\n')[0]}`);
  }
  const parsed = topicsFileSchema.safeParse(document.toJS() ?? []);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new ContentError(`${shownAs}: topic ${issue.path.join('.')}: ${issue.message}`);
  }
  const seen = new Set<string>();
  for (const topic of parsed.data) {
    if (seen.has(topic.slug)) throw new ContentError(`${shownAs}: topic slug “${topic.slug}” is used twice`);
    seen.add(topic.slug);
  }
  return parsed.data;
}

export interface TopicAssignment {
  /** Topics in the curator's order, then unnamed dumps by file name. */
  topics: TopicConfig[];
  /** Source path → topic slug. */
  topicOfFile: Map<string, string>;
  diagnostics: Diagnostic[];
}

function titleFromFileName(stem: string): string {
  const words = stem.replace(/[-_]+/g, ' ').trim();
  return words ? words.charAt(0).toUpperCase() + words.slice(1) : stem;
}

export function assignTopics(config: TopicConfig[], files: SourceFile[], configShownAs: string): TopicAssignment {
  const diagnostics: Diagnostic[] = [];
  const topicOfFile = new Map<string, string>();
  const bySource = new Map<string, TopicConfig>();
  for (const topic of config) for (const source of topic.sources) bySource.set(source, topic);

  const used = new Set<string>();
  const unnamed: TopicConfig[] = [];
  for (const file of files) {
    const fileName = file.path.split(/[\\/]/).pop() as string;
    const named = bySource.get(fileName);
    if (named) {
      topicOfFile.set(file.path, named.slug);
      used.add(named.slug);
      continue;
    }
    const slug = baseSlug(file.stem);
    let topic =
      unnamed.find((candidate) => candidate.slug === slug) ?? config.find((candidate) => candidate.slug === slug);
    if (!topic) {
      topic = { slug, title: titleFromFileName(file.stem), description: '', sources: [fileName] };
      unnamed.push(topic);
    }
    diagnostics.push({
      severity: 'warning',
      file: file.path,
      message: `no topic in ${configShownAs} lists this dump; it feeds topic “${topic.title}” (${slug})`,
    });
    topicOfFile.set(file.path, topic.slug);
    used.add(topic.slug);
  }
  for (const topic of config) {
    if (!used.has(topic.slug)) {
      diagnostics.push({
        severity: 'warning',
        file: configShownAs,
        message: `topic “${topic.slug}” names no dump that was read (${topic.sources.join(', ') || 'no sources'}); left out`,
      });
    }
  }
  const topics = [
    ...config.filter((topic) => used.has(topic.slug)),
    ...unnamed.sort((a, b) => a.slug.localeCompare(b.slug)),
  ];
  return { topics, topicOfFile, diagnostics };
}
