// @ts-check
import mdx from '@astrojs/mdx';
import { defineConfig } from 'astro/config';

/** BASE_PATH: where the site lives on its host, e.g. `/paper-atlas/` on GitHub Pages. Always ends with `/`. */
const base = `/${(process.env.BASE_PATH ?? '').replace(/^\/+|\/+$/g, '')}/`.replace('//', '/');
/** SITE_URL: the host, e.g. `https://user.github.io`; feeds, the sitemap and canonical links need it. */
const site = process.env.SITE_URL || 'http://localhost:4321';

export default defineConfig({
  site,
  base,
  trailingSlash: 'ignore',
  build: { format: 'directory' },
  integrations: [mdx()],
  devToolbar: { enabled: false },
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
