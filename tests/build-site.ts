/**
 * Vitest global setup of the site project: builds the site once, as GitHub Pages would host it
 * under a base path, into .test-build/site so the reader's own dist/ is left alone. It builds the
 * pinned seed corpus (tests/fixtures/seeds), whatever content/sources holds, so tests may assert
 * its exact papers. The content step writes to content/papers and content/topics, whose place is
 * fixed, so the teardown runs it again over the curator's own dumps.
 */
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { PROJECT_ROOT } from '../lib/project-root.ts';

export const TEST_BASE = '/paper-atlas/';
export const TEST_SITE_URL = 'https://user.github.io';

/** The pinned seed corpus, with its topics.yaml. */
export const SEED_SOURCES = 'tests/fixtures/seeds';

export default function buildSite(project: TestProject): () => void {
  const root = PROJECT_ROOT;
  const outDir = path.join(root, '.test-build/site');
  // Vitest puts Vite's own variables (BASE_URL, MODE, NODE_ENV=test…) in the environment; a build must not see them.
  const env = Object.fromEntries(
    Object.entries(process.env).filter(([name]) => !/^(BASE_URL|MODE|DEV|PROD|SSR|NODE_ENV|VITEST.*|TEST)$/.test(name)),
  );
  execFileSync('npm', ['run', 'build', '--silent'], {
    cwd: root,
    stdio: ['ignore', 'ignore', 'inherit'],
    env: { ...env, PAPER_SOURCES: SEED_SOURCES, BASE_PATH: TEST_BASE, SITE_URL: TEST_SITE_URL, OUT_DIR: outDir },
  });
  project.provide('siteDir', outDir);
  return () => {
    execFileSync('npm', ['run', 'content', '--silent'], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'], env });
  };
}

declare module 'vitest' {
  export interface ProvidedContext {
    siteDir: string;
  }
}
