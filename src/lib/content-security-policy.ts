/**
 * The Content-Security-Policy every page carries in a meta: scripts only from the site itself or by
 * the hash of their text, so even an escaping bug could not run an injected script. Pagefind
 * compiles WebAssembly and runs a worker.
 *
 * Written once here rather than by Astro's `security.csp`, which hashes the scripts and styles of
 * every page again while rendering it (1 s of a 10,000-paper build, through `crypto.subtle`) to
 * arrive at the same policy: every script and style of the site is a file of its own, except the
 * theme script, allowed by its hash.
 */
import { themeScriptHash } from './theme-script.ts';

export const contentSecurityPolicy = [
  "default-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "worker-src 'self'",
  "connect-src 'self'",
  "img-src 'self'",
  "manifest-src 'self'",
  `script-src 'self' 'wasm-unsafe-eval' '${themeScriptHash}'`,
  "style-src 'self'",
].join('; ');
