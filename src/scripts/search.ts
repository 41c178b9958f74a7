/**
 * The search UI: a query box, topic facets with counts, and results with highlighted excerpts
 * and topic badges, driven from the keyboard. Used by the search dialog and the search page.
 */
import { loadSearch, type PagefindResultData } from './pagefind.ts';
import { servedHref } from '../lib/url.ts';

const RESULTS_SHOWN = 6;
/** Wait for a pause in typing: each query for a half-typed word can fetch another index chunk. */
const TYPING_PAUSE_MS = 180;
const TOPIC_FILTER = 'topic';

export interface SearchUI {
  /** Runs a query as if typed. */
  search: (query: string, topics?: string[]) => void;
  focus: () => void;
}

export interface SearchOptions {
  /** Keep `?q=` and `?topic=` in the page address, so a search can be shared. */
  syncUrl: boolean;
}

function element<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  className?: string,
  text?: string,
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

/** Pagefind excerpts are HTML with <mark> around matches; everything else is taken as text. */
function excerptNodes(excerpt: string): Node[] {
  const nodes: Node[] = [];
  const parts = excerpt.split(/(<mark>.*?<\/mark>)/g);
  // A template parses as a fragment, so the spaces around each <mark> survive.
  const decode = (html: string) => {
    const template = document.createElement('template');
    template.innerHTML = html;
    return template.content.textContent ?? '';
  };
  for (const part of parts) {
    if (part.startsWith('<mark>')) nodes.push(element('mark', undefined, decode(part.slice(6, -7))));
    else if (part) nodes.push(document.createTextNode(decode(part)));
  }
  return nodes;
}

export function createSearchUI(root: HTMLElement, options: SearchOptions): SearchUI {
  const input = root.querySelector<HTMLInputElement>('[data-search-input]')!;
  const facets = root.querySelector<HTMLElement>('[data-search-facets]')!;
  const status = root.querySelector<HTMLElement>('[data-search-status]')!;
  const list = root.querySelector<HTMLOListElement>('[data-search-results]')!;
  let selectedTopics: string[] = [];
  let selected = -1;
  let generation = 0;

  const links = () => [...list.querySelectorAll<HTMLAnchorElement>('a')];
  const select = (index: number) => {
    const all = links();
    selected = all.length === 0 ? -1 : (index + all.length) % all.length;
    for (const [position, link] of all.entries()) link.setAttribute('aria-selected', String(position === selected));
    const current = all[selected];
    if (current) {
      input.setAttribute('aria-activedescendant', current.id);
      current.scrollIntoView({ block: 'nearest' });
    } else input.removeAttribute('aria-activedescendant');
  };

  // A combobox whose list of results is open only while it shows some.
  const showResults = (items: HTMLElement[]) => {
    list.replaceChildren(...items);
    input.setAttribute('aria-expanded', String(items.length > 0));
    input.removeAttribute('aria-activedescendant');
    selected = -1;
  };

  const syncUrl = (query: string) => {
    if (!options.syncUrl) return;
    const url = new URL(location.href);
    url.searchParams.delete('q');
    url.searchParams.delete(TOPIC_FILTER);
    if (query) url.searchParams.set('q', query);
    for (const topic of selectedTopics) url.searchParams.append(TOPIC_FILTER, topic);
    history.replaceState(null, '', url);
  };

  const renderFacets = (counts: Record<string, number>) => {
    facets.replaceChildren(
      ...Object.entries(counts)
        .filter(([topic, count]) => count > 0 || selectedTopics.includes(topic))
        .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
        .map(([topic, count]) => {
          const button = element('button', undefined, `${topic} (${count})`);
          button.type = 'button';
          button.setAttribute('aria-pressed', String(selectedTopics.includes(topic)));
          button.addEventListener('click', () => {
            selectedTopics = selectedTopics.includes(topic)
              ? selectedTopics.filter((name) => name !== topic)
              : [...selectedTopics, topic];
            void run();
          });
          return button;
        }),
    );
  };

  const renderResult = (data: PagefindResultData, index: number) => {
    const item = element('li');
    item.setAttribute('role', 'none');
    const link = element('a');
    link.href = servedHref(data.url);
    link.id = `${root.id || 'search'}-result-${index}`;
    link.setAttribute('role', 'option');
    link.append(element('strong', undefined, data.meta.title ?? data.url));
    const excerpt = element('p');
    excerpt.append(...excerptNodes(data.excerpt));
    link.append(excerpt);
    const topics = data.filters[TOPIC_FILTER] ?? [];
    if (topics.length > 0) {
      const badges = element('span', 'meta');
      for (const topic of topics) badges.append(element('span', 'chip', topic), ' ');
      link.append(badges);
    }
    item.append(link);
    return item;
  };

  const run = async () => {
    const query = input.value.trim();
    const current = ++generation;
    syncUrl(query);
    if (!query) {
      showResults([]);
      facets.replaceChildren();
      status.textContent = 'Type to search titles, abstracts and key terms.';
      return;
    }
    status.textContent = 'Searching…';
    try {
      const atlas = await loadSearch();
      const filters = selectedTopics.length > 0 ? { [TOPIC_FILTER]: selectedTopics } : {};
      await new Promise((resolve) => setTimeout(resolve, TYPING_PAUSE_MS));
      if (current !== generation) return;
      const search = await atlas.search(query, filters);
      if (!search || current !== generation) return;
      const shown = await Promise.all(search.results.slice(0, RESULTS_SHOWN).map((result) => result.data()));
      if (current !== generation) return;
      renderFacets(search.filters[TOPIC_FILTER] ?? {});
      showResults(shown.map(renderResult));
      const total = search.results.length;
      status.textContent =
        total === 0
          ? `No papers match “${query}”.`
          : `${total} ${total === 1 ? 'result' : 'results'}${total > RESULTS_SHOWN ? `, top ${RESULTS_SHOWN} shown` : ''}.`;
    } catch {
      if (current !== generation) return;
      status.textContent = navigator.onLine
        ? 'Search could not load. Reload the page to try again.'
        : 'Search is not available offline yet: open the site once while online.';
    }
  };

  input.addEventListener('input', () => void run());
  input.addEventListener('keydown', (event) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      select(selected + (event.key === 'ArrowDown' ? 1 : -1));
    } else if (event.key === 'Enter') {
      const link = links()[selected] ?? links()[0];
      if (link) {
        event.preventDefault();
        link.click();
      }
    }
  });
  list.setAttribute('role', 'listbox');
  input.setAttribute('aria-controls', list.id);

  return {
    search(query, topics = []) {
      input.value = query;
      selectedTopics = topics;
      void run();
    },
    focus() {
      input.focus();
      input.select();
    },
  };
}
