/** Marks the words of `?highlight=` on a page opened from search results. */
export function highlightSearchTerms(): void {
  const terms = new URLSearchParams(location.search)
    .getAll('highlight')
    .flatMap((value) => value.split(/\s+/))
    .map((term) => term.trim().toLowerCase())
    .filter((term) => term.length > 1);
  const root = document.querySelector('[data-pagefind-body]');
  if (terms.length === 0 || !root) return;
  const pattern = new RegExp(`(${terms.map((term) => term.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')})`, 'gi');
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  const nodes: Text[] = [];
  while (walker.nextNode()) nodes.push(walker.currentNode as Text);
  let first: HTMLElement | undefined;
  for (const node of nodes) {
    const parts = (node.nodeValue ?? '').split(pattern);
    if (parts.length < 2) continue;
    const fragment = document.createDocumentFragment();
    parts.forEach((part, index) => {
      if (index % 2 === 1) {
        const mark = document.createElement('mark');
        mark.textContent = part;
        first ??= mark;
        fragment.append(mark);
      } else if (part) fragment.append(part);
    });
    node.replaceWith(fragment);
  }
  first?.scrollIntoView({ block: 'center' });
}
