import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['scripts/**/*.test.ts', 'src/**/*.test.ts', 'tests/**/*.test.ts'],
    globalSetup: ['tests/build-site.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // Browser tests share two cores with a Chromium each; running files one by one keeps them steady.
    fileParallelism: false,
  },
});
