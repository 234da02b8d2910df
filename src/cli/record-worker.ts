/**
 * A worker thread of the record filters with `-j` (see record-command.ts):
 * a `jieba-ts/pool` worker that also turns batches of input lines into
 * their output lines, so that reading JSON, cutting and writing JSON all
 * happen off the main thread.
 *
 * @module
 */

import { runNodeWorker } from '../pool/node-worker-loop.js';
import type { CliOptions } from './args.js';
import { filterRecords } from './record-command.js';

runNodeWorker((engine, call) => {
  if (call.method !== 'records') return undefined;
  const { options } = call.options as { options: CliOptions };
  return { type: 'answer', id: call.id, value: filterRecords(engine.tokenizer, options, (call.input as string).split('\n')) };
});
