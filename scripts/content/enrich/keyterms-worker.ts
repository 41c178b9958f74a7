/** Finds the key terms for enrich.ts on its own thread, while the main thread finds related papers. */
import { parentPort, workerData } from 'node:worker_threads';
import { findKeyTerms, type KeyTermsInput } from './keyterms.ts';

parentPort!.postMessage(findKeyTerms(workerData as KeyTermsInput));
