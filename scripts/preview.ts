/** `npm run preview`: serves dist/ under BASE_PATH, as GitHub Pages will. */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { serve } from './serve.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const base = `/${(process.env.BASE_PATH ?? '').replace(/^\/+|\/+$/g, '')}/`.replace('//', '/');
const running = await serve({ dir: path.join(root, 'dist'), base, port: Number(process.env.PORT ?? 4321) });
console.log(`Paper Atlas preview: ${running.url}  (Ctrl+C to stop)`);
