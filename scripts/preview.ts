/** `npm run preview`: serves dist/ under BASE_PATH, as GitHub Pages will. */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { basePath, outDir } from '../src/lib/build-env.ts';
import { serve } from './serve.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const running = await serve({ dir: outDir(root), base: basePath(), port: Number(process.env.PORT ?? 4321) });
console.log(`Paper Atlas preview: ${running.url}  (Ctrl+C to stop)`);
