/** A served test build and a Chromium to read it with. */
import type { Browser } from 'playwright-core';
import { inject } from 'vitest';
import { launchChromium } from '../../scripts/dev/browser.ts';
import { serve, type RunningServer } from '../../scripts/dev/serve.ts';
import { TEST_BASE } from '../build-site.ts';

export interface Harness {
  browser: Browser;
  server: RunningServer;
  /** `http://127.0.0.1:port/paper-atlas/` */
  url: string;
  close: () => Promise<void>;
}

export async function startHarness(): Promise<Harness> {
  const server = await serve({ dir: inject('siteDir'), base: TEST_BASE });
  const browser = await launchChromium();
  return {
    browser,
    server,
    url: server.url,
    close: async () => {
      await browser.close();
      await server.close();
    },
  };
}
