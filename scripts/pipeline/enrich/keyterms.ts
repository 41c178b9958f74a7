/** Key terms: the features that best describe a paper, in the words readers use. */
import type { TfidfModel } from './tfidf.ts';

/**
 * The `count` features that best describe a paper. A word must be shared with another paper and a
 * two-word phrase with two others, so one-off names and accidental word pairs stay out.
 */
export function keyTerms(model: TfidfModel, doc: number, count: number): string[] {
  const vector = model.vectors[doc]!;
  const ranked = Array.from(vector.ids, (id, position) => ({
    id,
    // Bigrams read better as key terms than their parts.
    weight: vector.weights[position]! * (model.isBigram(id) ? 1.25 : 1),
  }))
    .filter(({ id }) => model.documentFrequency[id]! >= (model.isBigram(id) ? 3 : 2))
    .sort((a, b) => b.weight - a.weight || a.id - b.id);
  const terms: string[] = [];
  const words = (term: string) => term.toLowerCase().split(/[ -]/);
  for (const { id } of ranked) {
    const term = model.surface(id);
    const parts = words(term);
    const overlaps = terms.some((chosen) => {
      const chosenParts = words(chosen);
      return parts.every((part) => chosenParts.includes(part)) || chosenParts.every((part) => parts.includes(part));
    });
    if (overlaps) continue;
    terms.push(term);
    if (terms.length === count) break;
  }
  return terms;
}
