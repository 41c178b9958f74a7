import { describe, expect, it } from 'vitest';
import { HOME_BUBBLE_LIMIT, MAP_WIDTH, placeLabels, topicBubbles, type Position } from './map.ts';

describe('placeLabels', () => {
  it('keeps labels on one crowded spot apart and inside the map, leaving out those with no room', () => {
    const labels = Array.from({ length: 30 }, (_, index) => ({ text: `Topic number ${index}`, x: 500, y: 200 }));
    const placed = placeLabels(labels, 400);
    expect(placed.length).toBeGreaterThanOrEqual(3);
    expect(placed.length).toBeLessThan(30);
    for (const [index, a] of placed.entries()) {
      expect(a.labelX - a.width / 2).toBeGreaterThanOrEqual(0);
      expect(a.labelX + a.width / 2).toBeLessThanOrEqual(MAP_WIDTH);
      for (const b of placed.slice(index + 1)) {
        const apart = Math.abs(a.labelX - b.labelX) * 2 >= a.width + b.width || Math.abs(a.labelY - b.labelY) >= 21;
        expect(apart, `${a.text} / ${b.text}`).toBe(true);
      }
    }
  });
});

describe('topicBubbles', () => {
  const topics = Array.from({ length: HOME_BUBBLE_LIMIT }, (_, index) => ({
    slug: `topic-${index}`,
    positions: Array.from(
      { length: 20 + index * 7 },
      (_, paper): Position => [(index * 997 + paper * 31) % 10_000, (index * 433 + paper * 17) % 10_000],
    ),
  }));

  it('sizes bubbles by papers, keeps them inside the map, and gives the same bubbles every time', () => {
    const { bubbles, height } = topicBubbles(topics);
    expect(bubbles).toEqual(topicBubbles(topics).bubbles);
    expect(bubbles[HOME_BUBBLE_LIMIT - 1]!.r).toBeGreaterThan(bubbles[0]!.r);
    for (const bubble of bubbles) {
      expect(bubble.x - bubble.r).toBeGreaterThanOrEqual(0);
      expect(bubble.x + bubble.r).toBeLessThanOrEqual(MAP_WIDTH);
      expect(bubble.y + bubble.r).toBeLessThanOrEqual(height);
    }
  });
});
