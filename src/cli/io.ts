/**
 * The streams a `jieba` command reads and writes, so that every command can
 * be run in-process by tests.
 *
 * @module
 */

import type { Readable, Writable } from 'node:stream';

/**
 * The streams the command uses; `process` fits.
 *
 * @example
 * await main(['-q', 'input.txt'], process);
 */
export interface CliIo {
  stdin: Readable | AsyncIterable<Uint8Array>;
  stdout: Writable;
  stderr: Writable;
}
