/**
 * The build's settings from the environment, read in one place for astro.config.mjs, the content
 * step and the scripts that run after the build (postbuild, preview). A setting that cannot be used
 * throws a SettingError whose one-line message each of them prints before stopping.
 */
import path from 'node:path';
import { normaliseBasePath, SettingError } from './base-path.ts';

/** BASE_PATH as a path that starts and ends with `/`: `` → `/`, `paper-atlas` → `/paper-atlas/`. */
export function basePath(value = process.env.BASE_PATH): string {
  return normaliseBasePath(value ?? '');
}

/** SITE_URL: the origin the site is served from, `https://user.github.io`; default the dev server's. */
export function siteUrl(value = process.env.SITE_URL): string {
  if (!value) return 'http://localhost:4321';
  const example = 'such as https://user.github.io';
  if (!/^[A-Za-z][A-Za-z0-9+.-]*:\/\//.test(value)) {
    throw new SettingError(`SITE_URL is ${JSON.stringify(value)}, without a scheme; it must be an origin ${example}`);
  }
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new SettingError(`SITE_URL is ${JSON.stringify(value)}, not an address; it must be an origin ${example}`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new SettingError(`SITE_URL is ${JSON.stringify(value)}; it must be an http or https origin ${example}`);
  }
  if (url.pathname !== '/' || url.search || url.hash || url.username || url.password) {
    throw new SettingError(
      `SITE_URL is ${JSON.stringify(value)}; it must be an origin ${example}, without a path (that goes in BASE_PATH)`,
    );
  }
  return url.origin;
}

/** OUT_DIR: where the built site goes, default `dist/` below the project root. */
export function outDir(root: string, value = process.env.OUT_DIR): string {
  return path.resolve(root, value || 'dist');
}

/** SOURCE_DATE_EPOCH in milliseconds, for reproducible builds; undefined when unset or not a number. */
export function sourceDateEpoch(value = process.env.SOURCE_DATE_EPOCH): number | undefined {
  const seconds = value ? Number(value) : NaN;
  return Number.isFinite(seconds) ? seconds * 1000 : undefined;
}
