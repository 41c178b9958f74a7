import { describe, expect, it } from 'vitest';
import { assignSlugs, baseSlug, MAX_SLUG_LENGTH, shortHash } from './slug.ts';
import { isPageSegment } from '../../contract/pages.ts';

describe('baseSlug', () => {
  it.each([
    ['Neurosymbolic AI -- Why, What, and How', 'neurosymbolic-ai-why-what-and-how'],
    ['M³: A Modular World Model over Streams of Tokens', 'm3-a-modular-world-model-over-streams-of-tokens'],
    ["Let's Focus on Neuron", 'lets-focus-on-neuron'],
    ['Π-NeSy: A Possibilistic Neuro-Symbolic Approach', 'p-nesy-a-possibilistic-neuro-symbolic-approach'],
    ['../../etc/passwd: A/B..C\\D', 'etc-passwd-a-b-c-d'],
    ['CON', 'con-paper'],
    ['Page 2', 'page-2-paper'],
    ['Index', 'index-paper'],
    ['Нейронные сети', 'neyronnye-seti'],
    ['神经网络', '神经网络'],
    ['?!', 'paper-'],
  ])('%s → %s', (title, expected) => {
    expect(baseSlug(title).startsWith(expected)).toBe(true);
    expect(baseSlug(title)).not.toMatch(/[/\\.]/);
  });

  it('bounds the length at a word boundary', () => {
    const slug = baseSlug('word '.repeat(60));
    expect(slug.length).toBeLessThanOrEqual(MAX_SLUG_LENGTH);
    expect(slug.endsWith('-word')).toBe(true);
  });
});

describe('assignSlugs', () => {
  it('gives colliding titles unique suffixed slugs whatever the order', () => {
    const forward = assignSlugs(
      new Map([
        ['b title', 'Title!'],
        ['a title', 'Title?'],
      ]),
    );
    const backward = assignSlugs(
      new Map([
        ['a title', 'Title?'],
        ['b title', 'Title!'],
      ]),
    );
    expect(forward).toEqual(backward);
    expect(forward.get('a title')).toBe('title');
    expect(forward.get('b title')).toMatch(/^title-[0-9a-f]{6}$/);
  });

  it('never gives a paper the name of one of the A–Z list’s pages (papers/index.html, papers/page-N/)', () => {
    // A second paper titled “Page” gets a hash suffix; find a key whose hash is all digits.
    let key = 0;
    while (!/^\d+$/.test(shortHash(`k${key}`))) key++;
    const slugs = assignSlugs(
      new Map([
        ['a', 'Page'],
        [`k${key}`, 'Page'],
      ]),
    );
    expect(slugs.get('a')).toBe('page');
    expect(slugs.get(`k${key}`)).toMatch(/^page-[0-9a-f]+$/);
    expect(isPageSegment(slugs.get(`k${key}`)!)).toBe(false);
  });
});
