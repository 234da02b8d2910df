/**
 * A worker thread of `jieba discover -j N` (see discover-jobs.ts): counts
 * the strings of its part of the input (byte ranges of files, whole lines)
 * with its own tokenizer, and sends the counts back, their buffers
 * transferred (this thread ends right after, so the detached buffers slow
 * nothing down).
 *
 * @module
 */

import { createReadStream } from 'node:fs';
import { parentPort, workerData } from 'node:worker_threads';
import { NewWordFinder } from '../analyse/new-words.js';
import { Tokenizer } from '../index.js';
import type { DiscoverPart, DiscoverReply } from './discover-jobs.js';
import { InputError, readLineBatches } from './lines.js';

const part = workerData as DiscoverPart;

async function count(): Promise<DiscoverReply> {
  const tokenizer = new Tokenizer({ dict: part.dict, eager: true });
  if (part.userDict !== undefined) tokenizer.loadUserDict(part.userDict);
  const finder = new NewWordFinder(tokenizer, part.options);
  let lines = 0;
  for (const range of part.ranges) {
    if (range.end <= range.start) continue;
    const stream = createReadStream(range.file, { start: range.start, end: range.end - 1, highWaterMark: 1 << 16 });
    try {
      for await (const batch of readLineBatches(stream, { universalNewlines: true, replaceInvalid: false, name: range.file })) {
        for (const line of batch) finder.add(typeof line === 'string' ? line : line.text);
        lines += batch.length;
      }
    } catch (error) {
      // Its line and offset count from the range's start: the main thread reads the file again for the true ones.
      if (error instanceof InputError) return { type: 'invalid', file: range.file, message: error.message };
      throw error;
    }
  }
  const counts = finder.counts();
  return { type: 'counts', counts, lines };
}

const reply = await count().catch((error: unknown): DiscoverReply => {
  const e = error as NodeJS.ErrnoException;
  return { type: 'failed', message: e?.message ?? String(error), code: e?.code, path: e?.path };
});
const transfer = reply.type === 'counts' ? Object.values(reply.counts.table).map((array: ArrayBufferView<ArrayBuffer>) => array.buffer) : [];
parentPort!.postMessage(reply, transfer);
