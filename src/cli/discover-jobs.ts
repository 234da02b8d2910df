/**
 * `jieba discover -j N`: the input files, taken as one stream of bytes, are
 * cut into N contiguous parts at line breaks; each part is counted by a
 * worker thread of its own (discover-worker.ts), and the parts' counts are
 * merged in their order. Merged so, the counts and the order of the
 * strings are those of one thread reading everything (unless a table
 * pruned), so the words and their scores are the same to the last bit.
 *
 * @module
 */

import { closeSync, openSync, readSync, statSync } from 'node:fs';
import { Worker } from 'node:worker_threads';
import type { DiscoverOptions, DiscoveryCounts } from '../analyse/new-words.js';

/** Bytes `start` up to `end` (exclusive) of `file`: whole lines. */
export interface ByteRange {
  readonly file: string;
  readonly start: number;
  readonly end: number;
}

/** What a worker of `jieba discover -j` counts, and with which tokenizer. */
export interface DiscoverPart {
  readonly ranges: readonly ByteRange[];
  readonly dict: string | undefined;
  readonly userDict: string | undefined;
  readonly options: DiscoverOptions;
}

/** What such a worker answers. */
export type DiscoverReply =
  | { readonly type: 'counts'; readonly counts: DiscoveryCounts; readonly lines: number }
  | { readonly type: 'invalid'; readonly file: string; readonly message: string }
  | { readonly type: 'failed'; readonly message: string; readonly code: string | undefined; readonly path: string | undefined };

/**
 * Whether `files` can be cut into parts: all regular files (a pipe or a
 * device has no size to cut by, and is read in one thread; a file that
 * cannot be read is left to that reading to report).
 *
 * @example
 * canSplit(['news.txt']); // true
 * canSplit(['/dev/stdin']); // false
 */
export function canSplit(files: readonly string[]): boolean {
  return files.every((file) => {
    try {
      return statSync(file).isFile();
    } catch {
      return false;
    }
  });
}

/** The offset just past the first line break at or after `from` in `file` (its size if none). */
function lineStartFrom(file: string, from: number, size: number): number {
  const fd = openSync(file, 'r');
  try {
    const buffer = new Uint8Array(1 << 16);
    for (let at = from; at < size; ) {
      const read = readSync(fd, buffer, 0, buffer.length, at);
      if (read <= 0) break;
      const newline = buffer.subarray(0, read).indexOf(0x0a);
      if (newline >= 0) return at + newline + 1;
      at += read;
    }
    return size;
  } finally {
    closeSync(fd);
  }
}

/**
 * `files` cut into at most `parts` runs of whole lines of about the same
 * number of bytes, in order: each part one range or more (a part can end
 * in one file and go on in the next). A cut falls just after a `\n`, so a
 * `\r\n` is never split; a file with lone `\r` line breaks only is cut at
 * its end. Empty parts are left out.
 *
 * @example
 * splitIntoParts(['a.txt', 'b.txt'], 2); // [[{ file: 'a.txt', start: 0, end: 5120 }], [{ file: 'a.txt', start: 5120, end: 8000 }, { file: 'b.txt', start: 0, end: 2300 }]]
 */
export function splitIntoParts(files: readonly string[], parts: number): ByteRange[][] {
  const sizes = files.map((file) => statSync(file).size);
  const total = sizes.reduce((sum, size) => sum + size, 0);
  // Global byte offsets of the cuts, each moved to the next line start.
  const cuts: { file: number; offset: number }[] = [];
  for (let k = 1; k < parts; k++) {
    let target = Math.floor((total * k) / parts);
    let file = 0;
    while (file < files.length && target >= sizes[file]!) target -= sizes[file++]!;
    if (file === files.length) break;
    const offset = target === 0 ? 0 : lineStartFrom(files[file]!, target - 1, sizes[file]!);
    cuts.push({ file, offset });
  }
  const result: ByteRange[][] = [];
  let current: ByteRange[] = [];
  let at = { file: 0, offset: 0 };
  const closeAt = (cut: { file: number; offset: number }): void => {
    for (let file = at.file; file <= cut.file && file < files.length; file++) {
      const start = file === at.file ? at.offset : 0;
      const end = file === cut.file ? cut.offset : sizes[file]!;
      if (end > start) current.push({ file: files[file]!, start, end });
    }
    if (current.length > 0) result.push(current);
    current = [];
    at = cut;
  };
  for (const cut of cuts) if (cut.file > at.file || (cut.file === at.file && cut.offset > at.offset)) closeAt(cut);
  closeAt({ file: files.length - 1, offset: sizes[files.length - 1] ?? 0 });
  return result;
}

/**
 * Count `parts` in a worker thread each; the replies in the parts' order.
 * Each worker loads the tokenizer the main thread has (`dict`, `userDict`).
 */
export function countParts(parts: readonly ByteRange[][], setup: Omit<DiscoverPart, 'ranges'>): Promise<DiscoverReply[]> {
  // Next to this module both as compiled (dist/src/cli) and as bundled (dist/bundle).
  const script = new URL('./discover-worker.js', import.meta.url);
  return Promise.all(
    parts.map(
      (ranges) =>
        new Promise<DiscoverReply>((resolve, reject) => {
          const worker = new Worker(script, { workerData: { ...setup, ranges } satisfies DiscoverPart });
          worker.once('message', (reply: DiscoverReply) => {
            resolve(reply);
            void worker.terminate();
          });
          worker.once('error', reject);
          worker.once('exit', (code) => reject(new Error(`exit code ${code}`)));
        }),
    ),
  );
}
