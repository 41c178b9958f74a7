/**
 * A reader opens the paper from its page, and sorts a topic by newest. External sites are never
 * reached: their requests are answered by the test, which records where each click went.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from './harness.ts';

let harness: Harness;
beforeAll(async () => {
  harness = await startHarness();
});
afterAll(async () => harness?.close());

const TITLE = 'SpikeGPT: Generative Pre-trained Language Model with Spiking Neural Networks';
const EXPECTED: [label: string, url: string][] = [
  [
    'arXiv',
    `https://arxiv.org/search/?query=${encodeURIComponent(`"${TITLE}"`).replace(/%20/g, '+')}&searchtype=title`,
  ],
  ['Hugging Face Papers', `https://huggingface.co/papers?q=${encodeURIComponent(TITLE).replace(/%20/g, '+')}`],
  ['Semantic Scholar', `https://www.semanticscholar.org/search?q=${encodeURIComponent(TITLE).replace(/%20/g, '+')}`],
  ['Google Scholar', `https://scholar.google.com/scholar?q=${encodeURIComponent(`"${TITLE}"`).replace(/%20/g, '+')}`],
];

/** Answers every request that leaves the test server with a small page naming its address. */
async function answerExternal(page: Page): Promise<void> {
  const local = new URL(harness.url).origin;
  await page.route(
    (url) => url.origin !== local,
    (route) =>
      route.fulfill({
        status: 200,
        contentType: 'text/html',
        body: `<title>stand-in</title><h1>${route.request().url()}</h1>`,
      }),
  );
}

describe('Find the paper', () => {
  it('points each link where its label says, and a click opens that address', async () => {
    const page = await harness.browser.newPage();
    await answerExternal(page);
    const paperUrl = `${harness.url}papers/spikegpt-generative-pre-trained-language-model-with-spiking-neural-networks`;
    await page.goto(paperUrl);
    const section = page.getByRole('region', { name: 'Find the paper' });
    expect(
      await section
        .getByRole('link')
        .evaluateAll((links) => links.map((link) => [link.textContent?.trim(), (link as HTMLAnchorElement).href])),
    ).toEqual(EXPECTED);
    expect(await page.locator('time').getAttribute('datetime')).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.000Z$/);

    for (const [label, url] of EXPECTED) {
      await section.getByRole('link', { name: label, exact: true }).click();
      await page.waitForURL(url);
      expect(page.url()).toBe(url);
      expect(await page.locator('h1').innerText()).toBe(url);
      await page.goBack();
      expect(page.url()).toBe(paperUrl);
    }
    await page.close();
  });
});

describe('sorting a topic by newest', () => {
  it('puts the most recently added papers first, and keeps listing order among papers added together', async () => {
    const page = await harness.browser.newPage();
    await page.goto(`${harness.url}topics/spiking-neuromorphic/`);
    // The seed corpus was committed at once, so give three papers later dates to see them move.
    const moved = await page.locator('.paper-list > li').evaluateAll((items) => {
      const picks = [items[40]!, items[7]!, items[60]!];
      picks.forEach((item, index) => {
        item.dataset.added = `2099-01-0${3 - index}T00:00:00.000Z`;
      });
      return picks.map((item) => item.querySelector('h3')!.textContent!.trim());
    });
    const before = await page.locator('.paper-list h3').allInnerTexts();
    await page.getByLabel('Sort papers').selectOption('newest');
    const after = await page.locator('.paper-list h3').allInnerTexts();
    expect(after).toEqual([...moved, ...before.filter((title) => !moved.includes(title))]);
    await page.getByLabel('Sort papers').selectOption('position');
    expect(await page.locator('.paper-list h3').allInnerTexts()).toEqual(before);
    await page.close();
  });
});
