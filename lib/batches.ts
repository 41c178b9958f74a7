/**
 * `work` over every item, `size` at a time, results in order: enough files in flight to keep the
 * disk busy, few enough for any limit on open files (a hundred thousand at once would hit it).
 */
export async function inBatches<Item, Result>(
  items: readonly Item[],
  size: number,
  work: (item: Item) => Promise<Result>,
): Promise<Result[]> {
  const results: Result[] = [];
  for (let start = 0; start < items.length; start += size) {
    results.push(...(await Promise.all(items.slice(start, start + size).map(work))));
  }
  return results;
}
