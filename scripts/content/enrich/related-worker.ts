/** Scores a range of papers for related.ts on its own thread. */
import { parentPort, workerData } from 'node:worker_threads';
import { scoreRange, type CandidateIndex, type RelatedOptions } from './related.ts';

const { index, start, end, options } = workerData as {
  index: CandidateIndex;
  start: number;
  end: number;
  options: RelatedOptions;
};
parentPort!.postMessage(scoreRange(index, start, end, options));
