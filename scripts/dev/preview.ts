/** `npm run preview`: serves dist/ under BASE_PATH, as GitHub Pages will. */
import { basePath, outDir } from '../../contract/build-env.ts';
import { SettingError } from '../../contract/base-path.ts';
import { serve } from './serve.ts';
import { PROJECT_ROOT } from '../../lib/project-root.ts';

try {
  const running = await serve({ dir: outDir(PROJECT_ROOT), base: basePath(), port: Number(process.env.PORT ?? 4321) });
  console.log(`Paper Atlas preview: ${running.url}  (Ctrl+C to stop)`);
} catch (error) {
  if (!(error instanceof SettingError)) throw error;
  console.error(`preview: ${error.message}`);
  process.exitCode = 1;
}
