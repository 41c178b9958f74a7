/**
 * The script that applies the remembered theme before the first paint. It runs inline (a file would
 * load too late), so the Content-Security-Policy (content-security-policy.ts) allows it by the hash
 * of this exact text; the toggle is src/components/ThemeToggle.astro.
 */
import { createHash } from 'node:crypto';

export const themeScript = `
      // Runs before the first paint so a remembered theme never flashes the other one.
      try {
        var stored = localStorage.getItem('theme');
        var dark = stored ? stored === 'dark' : matchMedia('(prefers-color-scheme: dark)').matches;
        document.documentElement.dataset.theme = dark ? 'dark' : 'light';
      } catch (error) {}
    `;

export const themeScriptHash = `sha256-${createHash('sha256').update(themeScript).digest('base64')}` as const;
