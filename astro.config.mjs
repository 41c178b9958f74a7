// @ts-check
import mdx from '@astrojs/mdx';
import { defineConfig } from 'astro/config';
import { PROJECT_ROOT } from './lib/project-root.ts';
import { incrementalOutput } from './src/integrations/incremental-output.ts';
import { searchWhileRendering } from './src/integrations/search-while-rendering.ts';
import { SettingError } from './contract/base-path.ts';
import { basePath, outDir, siteUrl } from './contract/build-env.ts';

/** BASE_PATH: where the site lives on its host, e.g. `/paper-atlas/` on GitHub Pages. Always ends with `/`. */
let base;
/** SITE_URL: the host, e.g. `https://user.github.io`; feeds, the sitemap and canonical links need it. */
let site;
try {
  base = basePath();
  site = siteUrl();
} catch (error) {
  if (!(error instanceof SettingError)) throw error;
  // One line, not Astro's report of a config that failed to load with its stack.
  console.error(`astro config: ${error.message}`);
  process.exit(1);
}

export default defineConfig({
  site,
  base,
  // OUT_DIR: where the built site goes (default dist/); the tests build beside it.
  outDir: outDir(PROJECT_ROOT),
  trailingSlash: 'ignore',
  // Pages in flight at once: rendering one overlaps writing others (10,000 papers: 21 s → 15 s).
  // Page styles as cached files, not inlined into each of thousands of pages.
  // Files as src/pages names them: a paper page is `papers/<slug>.html`, served at `papers/<slug>`,
  // with no folder of its own; lists stay `…/index.html`. A folder per paper cost a clean
  // 10,000-paper build 10,000 directory creations, the slowest file-system call on a build machine.
  build: { format: 'preserve', concurrency: 16, inlineStylesheets: 'never' },
  integrations: [mdx(), incrementalOutput(), searchWhileRendering()],
  devToolbar: { enabled: false },
  // Paper pages whose cacheKey (src/lib/atlas.ts) is unchanged are not rendered again, and stay in
  // dist/ as they are (src/integrations/incremental-output.ts).
  experimental: { incrementalBuild: true },
  vite: {
    build: {
      // Component scripts as cached files, never inlined: the Content-Security-Policy allows the
      // site's own files (src/lib/content-security-policy.ts), and every page would carry them.
      assetsInlineLimit: 0,
      rollupOptions: {
        onwarn(warning, warn) {
          // Every MDX module starts with a directive rolldown warns about once per file; it is harmless.
          if (warning.code === 'MODULE_LEVEL_DIRECTIVE') return;
          warn(warning);
        },
      },
    },
  },
});
