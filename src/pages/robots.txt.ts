import type { APIRoute } from 'astro';
import { absoluteHref } from '../lib/url.ts';

export const GET: APIRoute = ({ site }) =>
  new Response(`User-agent: *\nAllow: /\nSitemap: ${absoluteHref('sitemap.xml', site)}\n`, {
    headers: { 'Content-Type': 'text/plain' },
  });
