/**
 * The one place the site builds URLs. Every internal link goes through `href`, so the site works
 * under any base path (`BASE_PATH=/paper-atlas/` on GitHub Pages) as well as at the root.
 */
import { normaliseBasePath } from '../../contract/base-path.ts';

const BASE = normaliseBasePath(import.meta.env.BASE_URL);

/** `href('papers/x/')` → `/base/papers/x/`. Paths are relative to the site root, never start with `/`. */
export function href(path = ''): string {
  return `${BASE}${path.replace(/^\/+/, '')}`;
}

/** The full address of a page, for canonical links, feeds and the sitemap. */
export function absoluteHref(path: string, site: URL | undefined): string {
  return new URL(href(path), site ?? 'http://localhost/').href;
}

/** A paper's page is a file, `papers/<slug>.html` (astro.config.mjs), served without its extension. */
export const paperPath = (slug: string) => `papers/${slug}`;
export const topicPath = (slug: string) => `topics/${slug}/`;
export const topicFeedPath = (slug: string) => `topics/${slug}/feed.xml`;
/** The search page, optionally running `query` on arrival, within one topic (by its title, the search facet's name). */
export function searchPath(query?: string, topicTitle?: string): string {
  const params = new URLSearchParams();
  if (query) params.set('q', query);
  if (query && topicTitle) params.set('topic', topicTitle);
  const search = params.toString();
  return search ? `search/?${search}` : 'search/';
}

/**
 * The address a page is served at, from its file's (Pagefind names results by file):
 * `papers/x.html?highlight=y` → `papers/x?highlight=y`, `topics/x/index.html` → `topics/x/`.
 */
export function servedHref(fileHref: string): string {
  return fileHref.replace(/(?:index)?\.html(?=[?#]|$)/, '');
}

/** Strips the base from a pathname, the inverse of `href`. */
export function withoutBase(pathname: string): string {
  return pathname.startsWith(BASE) ? pathname.slice(BASE.length) : pathname.replace(/^\/+/, '');
}
