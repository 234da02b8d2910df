/**
 * Runs the `jieba` command in-process, as the CLI tests do: `main` with
 * standard input from bytes and the outputs collected.
 */

import { PassThrough, Readable } from 'node:stream';
import { main } from '../../src/cli/main.js';

/** What a run of the command gave. */
export interface Run {
  status: number;
  stdout: string;
  stderr: string;
}

/** Run `main` in-process with `stdin` bytes. */
export async function run(argv: string[], stdin: string | Uint8Array = ''): Promise<Run> {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  const out: Buffer[] = [];
  const err: Buffer[] = [];
  stdout.on('data', (b: Buffer) => out.push(b));
  stderr.on('data', (b: Buffer) => err.push(b));
  const status = await main(argv, { stdin: Readable.from([typeof stdin === 'string' ? Buffer.from(stdin) : stdin]), stdout, stderr });
  return { status, stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8') };
}
