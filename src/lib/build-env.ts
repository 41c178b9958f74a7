/**
 * The build's settings from the environment, read in one place for astro.config.mjs and the
 * scripts that run after it (postbuild, preview).
 */
import path from 'node:path';

/** BASE_PATH as a path that starts and ends with `/`: `` → `/`, `paper-atlas` → `/paper-atlas/`. */
export function basePath(value = process.env.BASE_PATH): string {
  const trimmed = (value ?? '').replace(/^\/+|\/+$/g, '');
  return trimmed ? `/${trimmed}/` : '/';
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
