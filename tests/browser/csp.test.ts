/**
 * The Content-Security-Policy: every page carries it, scripts run only from the site or by hash,
 * and no page type, search (a worker and WebAssembly) or the offline worker breaks a rule of it.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { startHarness, type Harness } from './harness.ts';

let harness: Harness;
beforeAll(async () => {
  harness = await startHarness();
});
afterAll(async () => harness?.close());

const CSP_META = /<meta http-equiv="content-security-policy" content="([^"]+)">/;

describe('the policy in every page', () => {
  it('is on every HTML page, without unsafe-inline or unsafe-eval for scripts', () => {
    const site = inject('siteDir');
    const pages = readdirSync(site, { recursive: true, encoding: 'utf8' }).filter((file) => file.endsWith('.html'));
    expect(pages.length).toBeGreaterThan(460);
    const policies = new Set<string>();
    for (const file of pages) {
      const html = readFileSync(path.join(site, file), 'utf8');
      const meta = CSP_META.exec(html);
      const policy = meta?.[1];
      expect(policy, file).toBeDefined();
      // A policy in a meta covers only what comes after it.
      expect(html.indexOf('<script'), file).toBeGreaterThan(meta!.index);
      policies.add(policy!);
    }
    for (const policy of policies) {
      const directives = new Map(
        policy
          .split(';')
          .map((directive) => directive.trim().split(/\s+/))
          .filter((words) => words[0])
          .map(([name, ...values]) => [name!, values]),
      );
      expect(directives.get('script-src')).toEqual(expect.arrayContaining(["'self'", "'wasm-unsafe-eval'"]));
      expect(directives.get('script-src')).not.toContain("'unsafe-inline'");
      expect(directives.get('script-src')).not.toContain("'unsafe-eval'");
      expect(directives.get('object-src')).toEqual(["'none'"]);
      expect(directives.get('base-uri')).toEqual(["'self'"]);
    }
  });
});

/** Collects what the browser reports breaking the policy, from the first script on. */
async function watch(context: BrowserContext): Promise<string[]> {
  const violations: string[] = [];
  await context.exposeFunction('reportViolation', (text: string) => violations.push(text));
  await context.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      (window as unknown as { reportViolation: (text: string) => void }).reportViolation(
        `${event.violatedDirective} blocked ${event.blockedURI || 'inline'} at ${event.sourceFile}:${event.lineNumber}`,
      );
    });
  });
  context.on('console', (message) => {
    if (message.type() === 'error' && /Content Security Policy/i.test(message.text())) violations.push(message.text());
  });
  return violations;
}

describe('in Chromium', () => {
  const pages = {
    home: '',
    topics: 'topics/',
    topic: 'topics/neural-architectures/',
    paper: 'papers/neurosymbolic-ai-why-what-and-how?highlight=symbolic',
    'A–Z': 'papers/',
    search: 'search/?q=spiking',
    offline: 'offline/',
    404: 'no/such/page/',
  };

  it('breaks no rule on any page type, searching and theme switching included', async () => {
    const context = await harness.browser.newContext();
    const violations = await watch(context);
    const page = await context.newPage();
    for (const [name, address] of Object.entries(pages)) {
      await page.goto(`${harness.url}${address}`, { waitUntil: 'networkidle' });
      if (name === 'search') await page.locator('[data-search-page] .search-results a').first().waitFor();
      expect(violations, name).toEqual([]);
    }
    await page.goto(`${harness.url}topics/neuroevolution/`);
    await page.locator('[data-theme-toggle]').click();
    await page.keyboard.press('/');
    await page.keyboard.type('neural turing machines');
    await page.locator('[data-search-dialog] .search-results a').first().waitFor();
    expect(violations).toEqual([]);
    await context.close();
  });

  it('lets the theme script run before the first paint', async () => {
    const context = await harness.browser.newContext({ colorScheme: 'dark' });
    const violations = await watch(context);
    const page: Page = await context.newPage();
    await page.goto(harness.url);
    expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
    expect(violations).toEqual([]);
    await context.close();
  });
});
