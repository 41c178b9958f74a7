// @ts-check
import mdx from '@astrojs/mdx';
import { defineConfig } from 'astro/config';
import { normaliseBasePath } from './src/lib/base-path.ts';

/** BASE_PATH: where the site lives on its host, e.g. `/paper-atlas/` on GitHub Pages. Always ends with `/`. */
const base = normaliseBasePath(process.env.BASE_PATH);
/** SITE_URL: the host, e.g. `https://user.github.io`; feeds, the sitemap and canonical links need it. */
const site = process.env.SITE_URL || 'http://localhost:4321';

export default defineConfig({
  site,
  base,
  // OUT_DIR: where the built site goes (default dist/); the tests build beside it.
  outDir: process.env.OUT_DIR || './dist',
  trailingSlash: 'ignore',
  build: { format: 'directory' },
  integrations: [mdx()],
  devToolbar: { enabled: false },
  // Paper pages whose cacheKey (src/lib/atlas.ts) is unchanged are not rendered again.
  experimental: { incrementalBuild: true },
  vite: {
    build: {
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
