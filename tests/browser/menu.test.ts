/** On a phone the header has no room for the navigation: a Menu button opens it over the page. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from './harness.ts';

let harness: Harness;
beforeAll(async () => {
  harness = await startHarness();
});
afterAll(async () => harness?.close());

const phone = { width: 375, height: 740 };
const paper = 'papers/neurosymbolic-ai-why-what-and-how';

describe('the phone menu', () => {
  it('opens the atlas navigation over the page from the header, by pointer and keyboard, and Escape closes it', async () => {
    const context = await harness.browser.newContext({ viewport: phone });
    const page = await context.newPage();
    await page.goto(`${harness.url}${paper}`);
    const button = page.getByRole('button', { name: 'Menu' });
    const navigation = page.locator('#atlas-navigation');
    expect(await page.getByRole('navigation', { name: 'Sections' }).isVisible()).toBe(false);
    expect(await button.getAttribute('aria-controls')).toBe(await navigation.getAttribute('id'));
    expect(await button.getAttribute('aria-expanded')).toBe('false');
    expect(await navigation.isVisible()).toBe(false);

    await button.click();
    expect(await button.getAttribute('aria-expanded')).toBe('true');
    expect(await navigation.isVisible()).toBe(true);
    // It covers the page below the header, from its top to the screen's foot, and scrolls inside.
    const box = (await navigation.boundingBox())!;
    expect(box.y).toBeLessThan(80);
    expect(box.y + box.height).toBeLessThanOrEqual(phone.height);
    expect(await navigation.getByRole('link').allInnerTexts()).toEqual(
      expect.arrayContaining([
        'Topics',
        'Papers A–Z',
        'Brain-inspired AI and AGI 73',
        'Neurosymbolic AI -- Why, What, and How',
      ]),
    );
    // Tab goes from the button into the menu, not into the page under it.
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.closest('#atlas-navigation') !== null)).toBe(true);
    await page.keyboard.press('Escape');
    expect(await button.getAttribute('aria-expanded')).toBe('false');
    expect(await navigation.isVisible()).toBe(false);
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('Menu');

    await page.keyboard.press('Enter');
    expect(await navigation.isVisible()).toBe(true);
    await navigation.getByRole('link', { name: 'Papers A–Z' }).click();
    await page.waitForURL((url) => url.pathname.endsWith('/papers/'));
    expect(await page.locator('h1').innerText()).toBe('Papers A–Z');
    expect(await page.getByRole('button', { name: 'Menu' }).getAttribute('aria-expanded')).toBe('false');
    await context.close();
  });

  it('leaves the navigation where it was on a wide screen', async () => {
    const context = await harness.browser.newContext({ viewport: { width: 1280, height: 720 } });
    const page = await context.newPage();
    await page.goto(`${harness.url}${paper}`);
    expect(await page.getByRole('button', { name: 'Menu' }).isVisible()).toBe(false);
    expect(await page.getByRole('navigation', { name: 'Sections' }).isVisible()).toBe(true);
    const navigation = page.locator('#atlas-navigation');
    expect(await navigation.isVisible()).toBe(true);
    expect(await navigation.getByRole('link', { name: 'Papers A–Z' }).isVisible()).toBe(false);
    await context.close();
  });

  it('is a link down to the navigation without JavaScript', async () => {
    const context = await harness.browser.newContext({ viewport: phone, javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${harness.url}${paper}`);
    expect(await page.getByRole('button', { name: 'Menu' }).count()).toBe(0);
    await page.getByRole('link', { name: 'Menu' }).click();
    expect(new URL(page.url()).hash).toBe('#atlas-navigation');
    const navigation = page.locator('#atlas-navigation');
    expect(await navigation.isVisible()).toBe(true);
    await navigation.getByRole('link', { name: 'Topics', exact: true }).click();
    expect(await page.locator('h1').innerText()).toBe('Topics');
    await context.close();
  });
});
