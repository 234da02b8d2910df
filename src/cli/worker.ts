/**
 * A worker thread of `jieba -j N`: loads the same tokenizer as the main
 * thread and turns batches of lines (joined by `\n`) into output bytes.
 *
 * @module
 */

import { parentPort, workerData } from 'node:worker_threads';
import { lineFormatter, tokenizerFor, type LineJob } from './line-job.js';

const job = workerData as LineJob;
const format = lineFormatter(tokenizerFor(job), job);
const encoder = new TextEncoder();
parentPort!.on('message', ({ id, text }: { id: number; text: string }) => {
  const output = encoder.encode(format(text.split('\n')));
  parentPort!.postMessage({ id, output }, [output.buffer]);
});
