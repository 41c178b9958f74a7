/** The topic map by keyboard, without JavaScript: skip it, or tab through its points, each showing its title. */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startHarness, type Harness } from './harness.ts';

let harness: Harness;
beforeAll(async () => {
  harness = await startHarness();
});
afterAll(async () => harness?.close());

it('tabs from "Skip the map" to the first paper’s point, shows its title, opens it with Enter', async () => {
  const context = await harness.browser.newContext({ javaScriptEnabled: false, colorScheme: 'dark' });
  const page = await context.newPage();
  await page.goto(`${harness.url}topics/neuroevolution/`);
  const firstListed = await page.locator('.paper-list h3 a').first().innerText();
  const skip = page.locator('.paper-map .skip');
  await skip.focus();
  expect(await skip.isVisible()).toBe(true);

  await page.keyboard.press('Tab');
  const point = page.locator('.paper-map svg a').first();
  expect(await point.evaluate((element) => element === document.activeElement)).toBe(true);
  expect(await point.locator('title').textContent()).toBe(firstListed);
  const label = point.locator('text');
  expect(await label.evaluate((element) => getComputedStyle(element).visibility)).toBe('visible');
  expect(
    await page
      .locator('.paper-map svg a')
      .nth(1)
      .locator('text')
      .evaluate((element) => getComputedStyle(element).visibility),
  ).toBe('hidden');
  // The focus ring: the point's outline turns the focus colour.
  const ring = await point.locator('circle').evaluate((element) => getComputedStyle(element).stroke);
  const other = await page
    .locator('.paper-map svg a')
    .nth(1)
    .locator('circle')
    .evaluate((element) => getComputedStyle(element).stroke);
  expect(ring).not.toBe(other);

  await page.keyboard.press('Enter');
  await page.waitForURL(/\/papers\//);
  expect(await page.locator('h1').innerText()).toBe(firstListed);
  await context.close();
});

it('skips the map to the list of papers', async () => {
  const page = await harness.browser.newPage();
  await page.goto(`${harness.url}topics/neuroevolution/`);
  await page.locator('.paper-map .skip').focus();
  await page.keyboard.press('Enter');
  // The fragment navigation can land after the key press returns: wait for it a moment.
  await page.waitForURL((url) => url.hash === '#papers-heading', { timeout: 5000 }).catch(() => undefined);
  expect(new URL(page.url()).hash).toBe('#papers-heading');
  await page.close();
});
