/**
 * A static server that behaves like GitHub Pages: the site lives under its base path, `dir/`
 * serves `dir/index.html`, and anything unknown gets the site's 404 page with status 404.
 * Used by `npm run preview` and by the browser tests.
 */
import { readFile, stat } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { normaliseBasePath } from '../../contract/base-path.ts';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json',
  '.webmanifest': 'application/manifest+json',
  '.xml': 'application/xml',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.wasm': 'application/wasm',
  '.pf_meta': 'application/octet-stream',
  '.pf_index': 'application/octet-stream',
  '.pf_fragment': 'application/octet-stream',
  '.pf_filter': 'application/octet-stream',
};

/** Text is sent gzipped when the browser asks, as GitHub Pages does; Pagefind's own files are compressed already. */
const COMPRESSIBLE = new Set(['.html', '.css', '.js', '.mjs', '.json', '.webmanifest', '.xml', '.txt', '.svg']);

export interface ServeOptions {
  dir: string;
  /** Base path, `/` or `/repo/`. */
  base: string;
  port?: number;
  /** Called for every response, e.g. to count the bytes a search fetches. */
  onResponse?: (request: IncomingMessage, status: number, bytes: number) => void;
}

export interface RunningServer {
  server: Server;
  /** `http://127.0.0.1:port/base/` */
  url: string;
  close: () => Promise<void>;
}

async function fileFor(dir: string, pathname: string): Promise<string | null> {
  const candidate = path.join(dir, pathname);
  if (!candidate.startsWith(dir)) return null;
  for (const file of [candidate, path.join(candidate, 'index.html'), `${candidate}.html`]) {
    const info = await stat(file).catch(() => null);
    if (info?.isFile()) return file;
  }
  return null;
}

export async function serve(options: ServeOptions): Promise<RunningServer> {
  const dir = path.resolve(options.dir);
  const base = normaliseBasePath(options.base);
  const gzipped = new Map<string, Buffer>();
  const send = async (request: IncomingMessage, response: ServerResponse, file: string, status: number) => {
    const headers: Record<string, string | number> = {
      'Content-Type': TYPES[path.extname(file)] ?? 'application/octet-stream',
      'Cache-Control': 'no-cache',
    };
    let body: Buffer;
    if (COMPRESSIBLE.has(path.extname(file)) && /\bgzip\b/.test(String(request.headers['accept-encoding'] ?? ''))) {
      // Keyed by modification time, so a rebuild under a running preview is served fresh.
      const key = `${file}:${(await stat(file)).mtimeMs}`;
      body = gzipped.get(key) ?? gzipSync(await readFile(file));
      gzipped.set(key, body);
      headers['Content-Encoding'] = 'gzip';
      headers.Vary = 'Accept-Encoding';
    } else body = await readFile(file);
    headers['Content-Length'] = body.length;
    response.writeHead(status, headers);
    options.onResponse?.(request, status, body.length);
    response.end(request.method === 'HEAD' ? undefined : body);
  };
  const server = createServer(async (request, response) => {
    const url = new URL(request.url ?? '/', 'http://localhost');
    let pathname: string;
    try {
      pathname = decodeURIComponent(url.pathname);
    } catch {
      pathname = '';
    }
    if (pathname === base.slice(0, -1)) {
      response.writeHead(301, { Location: base });
      response.end();
      return;
    }
    const file = pathname.startsWith(base) ? await fileFor(dir, pathname.slice(base.length)) : null;
    if (file) {
      if (!pathname.endsWith('/') && path.basename(file) === 'index.html' && !pathname.endsWith('index.html')) {
        response.writeHead(301, { Location: `${url.pathname}/${url.search}` });
        response.end();
        return;
      }
      await send(request, response, file, 200);
      return;
    }
    const notFound = path.join(dir, '404.html');
    if (await stat(notFound).catch(() => null)) await send(request, response, notFound, 404);
    else {
      response.writeHead(404, { 'Content-Type': 'text/plain' });
      response.end('Not found');
    }
  });
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    server,
    url: `http://127.0.0.1:${port}${base}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
