import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // Browser tests share two cores with a Chromium each; running files one by one keeps them steady.
    fileParallelism: false,
    projects: [
      {
        extends: true,
        // Code and content-step tests: no site build needed (`npm exec -- vitest run --project unit`).
        test: {
          name: 'unit',
          include: [
            'scripts/**/*.test.ts',
            'src/**/*.test.ts',
            'contract/**/*.test.ts',
            'lib/**/*.test.ts',
            'tests/*.test.ts',
          ],
        },
      },
      {
        extends: true,
        // Tests of the built site and in Chromium: the global setup builds it once, from the pinned seeds.
        test: {
          name: 'site',
          include: ['tests/site/**/*.test.ts', 'tests/browser/**/*.test.ts'],
          globalSetup: ['tests/build-site.ts'],
        },
      },
    ],
  },
});
