/** Renders a share of the paper pages for page.ts on its own thread. */
import { parentPort, workerData } from 'node:worker_threads';
import type { EnrichedPaper } from '../types.ts';
import { renderPaperPage } from './page.ts';

parentPort!.postMessage((workerData as EnrichedPaper[]).map(renderPaperPage));
