/** Links found in an abstract, as structured fields the paper page shows as buttons. */
import { findUrls } from '../normalise.ts';
import type { LinkKind, PaperLink } from '../types.ts';

const CODE_HOSTS = new Set(['github.com', 'gitlab.com', 'bitbucket.org', 'codeberg.org', 'sourceforge.net', 'git.io']);
const REFERENCE_HOSTS = new Set([
  'arxiv.org',
  'doi.org',
  'dx.doi.org',
  'zenodo.org',
  'kaggle.com',
  'drive.google.com',
  'openreview.net',
  'aclanthology.org',
  'proceedings.neurips.cc',
  'ieeexplore.ieee.org',
  'dl.acm.org',
]);
const LABEL_LENGTH = 60;

export function classifyLink(url: URL): LinkKind {
  const host = url.hostname.replace(/^www\./, '');
  const segments = url.pathname.split('/').filter(Boolean);
  if (host === 'huggingface.co') return segments[0] === 'spaces' ? 'project' : 'code';
  if (CODE_HOSTS.has(host)) return segments.length >= 2 ? 'code' : 'other';
  if (REFERENCE_HOSTS.has(host)) return 'other';
  return 'project';
}

function label(url: URL): string {
  const text = `${url.hostname.replace(/^www\./, '')}${url.pathname.replace(/\/+$/, '')}`;
  return text.length > LABEL_LENGTH ? `${text.slice(0, LABEL_LENGTH - 1)}…` : text;
}

/** Distinct http(s) links of the texts, in order of appearance. Anything else is not a link. */
export function extractLinks(texts: string[]): PaperLink[] {
  const links: PaperLink[] = [];
  const seen = new Set<string>();
  for (const text of texts) {
    for (const found of findUrls(text)) {
      let url: URL;
      try {
        url = new URL(found);
      } catch {
        continue;
      }
      const href = url.href;
      if (seen.has(href)) continue;
      seen.add(href);
      links.push({ url: href, kind: classifyLink(url), label: label(url) });
    }
  }
  return links;
}
