/** BASE_PATH as a path that starts and ends with `/`: `` → `/`, `paper-atlas` → `/paper-atlas/`. */
export function normaliseBasePath(value: string | undefined): string {
  const trimmed = (value ?? '').replace(/^\/+|\/+$/g, '');
  return trimmed ? `/${trimmed}/` : '/';
}
