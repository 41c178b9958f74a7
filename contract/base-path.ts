/**
 * The one normalisation of the site's base path, shared by the build's settings (build-env.ts), the
 * URL helper the pages use (url.ts) and the preview server (scripts/dev/serve.ts). No Node imports: the
 * pages' code imports it too.
 */

/** A setting that cannot be used as given; its message is one line that names the setting and says what to write. */
export class SettingError extends Error {
  override name = 'SettingError';
}

/** A path segment: URL path characters, `%XX` escapes allowed; `:` left out so an address never passes for a path. */
const SEGMENT = /^(?:[A-Za-z0-9\-._~!$&'()*+,;=@]|%[0-9A-Fa-f]{2})+$/;
const HAS_SCHEME = /^[A-Za-z][A-Za-z0-9+.-]*:/;

/**
 * A base path as one that starts and ends with `/`: `` → `/`, `paper-atlas` → `/paper-atlas/`.
 * @throws SettingError for what is not a path: an address, white space, `?`, `#`, `..`, `//`…
 */
export function normaliseBasePath(value: string): string {
  const example = 'such as /paper-atlas/';
  if (HAS_SCHEME.test(value.trim())) {
    throw new SettingError(
      `BASE_PATH is ${JSON.stringify(value)}, an address; it must be a path ${example} (the host goes in SITE_URL)`,
    );
  }
  if (/\s/.test(value))
    throw new SettingError(`BASE_PATH is ${JSON.stringify(value)}; a path cannot contain spaces or other white space`);
  const trimmed = value.replace(/^\/+|\/+$/g, '');
  if (!trimmed) return '/';
  const bad = trimmed.split('/').find((segment) => !SEGMENT.test(segment) || segment === '.' || segment === '..');
  if (bad !== undefined) {
    const what = bad === '' ? 'an empty segment (//)' : JSON.stringify(bad);
    throw new SettingError(
      `BASE_PATH is ${JSON.stringify(value)}: ${what} is not a path segment; write a path ${example}, of letters, digits and - . _ ~`,
    );
  }
  return `/${trimmed}/`;
}
