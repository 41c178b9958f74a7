/** `npm run preview`: serves dist/ under BASE_PATH, as GitHub Pages will. */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { normaliseBasePath } from '../src/lib/base-path.ts';
import { serve } from './serve.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const base = normaliseBasePath(process.env.BASE_PATH);
const running = await serve({ dir: path.resolve(root, process.env.OUT_DIR || 'dist'), base, port: Number(process.env.PORT ?? 4321) });
console.log(`Paper Atlas preview: ${running.url}  (Ctrl+C to stop)`);
