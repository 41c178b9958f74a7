/** Filter and sort a paper list in place. Without JavaScript the list reads fine in its listing order. */
export function setUpListFilters(): void {
  const controls = document.querySelector<HTMLElement>('[data-list-filters]');
  const list = document.querySelector<HTMLOListElement>('[data-paper-list]');
  if (!controls || !list) return;
  const input = controls.querySelector<HTMLInputElement>('[data-filter-input]')!;
  const sort = controls.querySelector<HTMLSelectElement>('[data-sort-select]')!;
  const count = controls.querySelector<HTMLOutputElement>('[data-filter-count]')!;
  // What each item is filtered and sorted by is read from what it shows, not repeated in the page's bytes.
  const items = [...list.querySelectorAll<HTMLLIElement>(':scope > li')].map((element, position) => ({
    element,
    position,
    title: element.querySelector('h2, h3')?.textContent ?? '',
    text: wordsOf(element).toLowerCase(),
  }));
  type Item = (typeof items)[number];
  const collator = new Intl.Collator('en', { sensitivity: 'base', numeric: true });
  controls.hidden = false;

  const apply = () => {
    const words = input.value.toLowerCase().split(/\s+/).filter(Boolean);
    let shown = 0;
    for (const item of items) {
      item.element.hidden = !words.every((word) => item.text.includes(word));
      if (!item.element.hidden) shown++;
    }
    const inListingOrder = (a: Item, b: Item) => a.position - b.position;
    const orders: Record<string, (a: Item, b: Item) => number> = {
      title: (a, b) => collator.compare(a.title, b.title),
      // ISO times compare as text; papers added together keep their listing order.
      newest: (a, b) =>
        (b.element.dataset.added ?? '').localeCompare(a.element.dataset.added ?? '') || inListingOrder(a, b),
    };
    const ordered = [...items].sort(orders[sort.value] ?? inListingOrder);
    list.append(...ordered.map((item) => item.element));
    count.value = words.length ? `${shown} of ${items.length} papers` : '';
  };
  input.addEventListener('input', apply);
  sort.addEventListener('change', apply);
}

/** An element's text, its pieces (title, excerpt, each chip) apart so words never run together. */
function wordsOf(element: HTMLElement): string {
  const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
  const pieces: string[] = [];
  while (walker.nextNode()) pieces.push(walker.currentNode.nodeValue ?? '');
  return pieces.join(' ');
}
