/**
 * A worker thread of `jieba -j N`: loads the same tokenizer as the main
 * thread and turns batches of lines into output text.
 *
 * @module
 */

import { parentPort, workerData } from 'node:worker_threads';
import { lineFormatter, tokenizerFor, type LineJob } from './line-job.js';

const job = workerData as LineJob;
const format = lineFormatter(tokenizerFor(job), job);
parentPort!.on('message', ({ id, lines }: { id: number; lines: string[] }) => {
  parentPort!.postMessage({ id, text: format(lines) });
});
