/** Filter and sort a paper list in place. Without JavaScript the list reads fine in its listing order. */
export function setUpListFilters(): void {
  const controls = document.querySelector<HTMLElement>('[data-list-filters]');
  const list = document.querySelector<HTMLOListElement>('[data-paper-list]');
  if (!controls || !list) return;
  const input = controls.querySelector<HTMLInputElement>('[data-filter-input]')!;
  const sort = controls.querySelector<HTMLSelectElement>('[data-sort-select]')!;
  const count = controls.querySelector<HTMLOutputElement>('[data-filter-count]')!;
  const items = [...list.querySelectorAll<HTMLLIElement>(':scope > li')];
  const collator = new Intl.Collator('en', { sensitivity: 'base', numeric: true });
  controls.hidden = false;

  const apply = () => {
    const words = input.value.toLowerCase().split(/\s+/).filter(Boolean);
    let shown = 0;
    for (const item of items) {
      const text = item.dataset.search ?? '';
      item.hidden = !words.every((word) => text.includes(word));
      if (!item.hidden) shown++;
    }
    const inListingOrder = (a: HTMLElement, b: HTMLElement) => Number(a.dataset.position) - Number(b.dataset.position);
    const orders: Record<string, (a: HTMLElement, b: HTMLElement) => number> = {
      title: (a, b) => collator.compare(a.dataset.title ?? '', b.dataset.title ?? ''),
      // ISO times compare as text; papers added together keep their listing order.
      newest: (a, b) => (b.dataset.added ?? '').localeCompare(a.dataset.added ?? '') || inListingOrder(a, b),
    };
    const ordered = [...items].sort(orders[sort.value] ?? inListingOrder);
    list.append(...ordered);
    count.value = words.length ? `${shown} of ${items.length} papers` : '';
  };
  input.addEventListener('input', apply);
  sort.addEventListener('change', apply);
}
