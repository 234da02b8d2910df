/**
 * A worker thread of `jieba -j N`: loads the same tokenizer as the main
 * thread and turns byte batches of lines into UTF-8 output.
 *
 * @module
 */

import { parentPort, workerData } from 'node:worker_threads';
import { formatBatch, type ByteBatch } from './byte-batches.js';
import { lineFormatter, tokenizerFor } from './line-job.js';
import type { WorkerSetup } from './pool.js';

const { job, batch: options } = workerData as WorkerSetup;
const format = lineFormatter(tokenizerFor(job), job);
const encoder = new TextEncoder();
parentPort!.on('message', ({ id, ...batch }: ByteBatch & { id: number }) => {
  const { text, lines, invalid } = formatBatch(batch, options, format);
  const output = encoder.encode(text);
  // Copied, not transferred: see pool.ts.
  parentPort!.postMessage({ id, output, lines, invalid });
});
