/**
 * Every page of the test build is valid HTML to the W3C Nu HTML Checker (the vnu-jar package's
 * vnu.jar, run by the system's Java 17 or newer), all pages in one Java process.
 */
import { execFile } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { promisify } from 'node:util';
import { expect, inject, it } from 'vitest';

const vnuJar = path.join(
  path.dirname(createRequire(import.meta.url).resolve('vnu-jar/package.json')),
  'build/dist/vnu.jar',
);

interface VnuMessage {
  type: string;
  url: string;
  lastLine?: number;
  message: string;
}

it('finds no error on any page, of every page type', { timeout: 300_000 }, async () => {
  const site = inject('siteDir');
  const pages = readdirSync(site, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.html'))
    .sort();
  // Home, 404, offline, search, topics, 5 topics, the A–Z list, 457 papers.
  expect(pages).toEqual(
    expect.arrayContaining([
      'index.html',
      '404.html',
      'offline/index.html',
      'search/index.html',
      'topics/index.html',
      'topics/neuroevolution/index.html',
      'papers/index.html',
      'papers/neural-turing-machines.html',
    ]),
  );
  expect(pages.length).toBeGreaterThanOrEqual(468);
  const run = promisify(execFile)(
    'java',
    ['-jar', vnuJar, '--errors-only', '--format', 'json', '--exit-zero-always', ...pages],
    { cwd: site, maxBuffer: 64 * 1024 * 1024 },
  ).catch((error: NodeJS.ErrnoException) => {
    throw new Error(
      error.code === 'ENOENT'
        ? 'the HTML checker needs Java 17 or newer (Debian: apt-get install -y default-jre-headless)'
        : error.message,
    );
  });
  const { stderr } = await run;
  const messages = (JSON.parse(stderr) as { messages: VnuMessage[] }).messages;
  expect(
    messages.map(
      (message) =>
        `${path.relative(site, new URL(message.url).pathname)}:${message.lastLine ?? ''}: ${message.message}`,
    ),
  ).toEqual([]);
});
