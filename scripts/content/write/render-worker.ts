/** Renders a share of the paper pages for page.ts on its own thread, writing their details itself. */
import { parentPort, workerData } from 'node:worker_threads';
import type { EnrichedPaper } from '../types.ts';
import { renderPagesLeavingDetails } from './page.ts';

// A URL does not cross threads; its address does.
const { papers, root } = workerData as { papers: EnrichedPaper[]; root: string };
parentPort!.postMessage(renderPagesLeavingDetails(papers, new URL(root)));
