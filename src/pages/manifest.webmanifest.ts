/** The web app manifest, so the atlas can be installed and opened like an app. */
import type { APIRoute } from 'astro';
import { href } from '../lib/url.ts';

export const GET: APIRoute = () =>
  new Response(
    JSON.stringify({
      name: 'Paper Atlas',
      short_name: 'Atlas',
      description: 'Research papers by topic, with related papers and search that works offline.',
      start_url: href(),
      scope: href(),
      display: 'standalone',
      background_color: '#fbfbf9',
      theme_color: '#3b3fb6',
      icons: [
        { src: href('icons/icon-192.png'), sizes: '192x192', type: 'image/png' },
        { src: href('icons/icon-512.png'), sizes: '512x512', type: 'image/png' },
        { src: href('icons/icon-maskable-512.png'), sizes: '512x512', type: 'image/png', purpose: 'maskable' },
        { src: href('favicon.svg'), sizes: 'any', type: 'image/svg+xml' },
      ],
    }),
    { headers: { 'Content-Type': 'application/manifest+json' } },
  );
