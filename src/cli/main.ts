/**
 * The `jieba` command: a drop-in for `python3 -m jieba`. This module reads
 * the command line and hands it to a command: `serve` (serve.ts), `freq` (freq-command.ts), `train` (train-command.ts),
 * `discover` (discover-command.ts),
 * `--save-image` (input.ts), `--keywords` (keywords-command.ts), the
 * record filters `--jsonl`/`--tsv` (record-command.ts) or
 * segmentation (segment-command.ts).
 *
 * `bin/jieba.js` only calls {@link main} with the process's streams, so
 * everything here can be tested in-process.
 *
 * @module
 */

import { JIEBA_VERSION, VERSION } from '../version.js';
import { USAGE, helpText, parseArgs, type CliOptions } from './args.js';
import { discoverMain } from './discover-command.js';
import { freqMain } from './freq-command.js';
import { trainMain } from './train-command.js';
import { saveImage } from './input.js';
import type { CliIo } from './io.js';
import { keywordsCommand } from './keywords-command.js';
import { recordCommand } from './record-command.js';
import { segmentCommand } from './segment-command.js';
import { serveMain } from './serve.js';

export type { CliIo } from './io.js';

/** Options that cannot go together, as a usage error message. */
function conflictIn(options: CliOptions): string | undefined {
  if (options.cutAll && options.search) return '--search and -a/--cut-all cannot be combined';
  if (options.pos && options.search) return '--search and -p/--pos cannot be combined';
  if (options.keywords === undefined && (options.topK !== undefined || options.eachLine || options.json || options.withWeight || options.allowPOS || options.idf || options.stopWords)) {
    return 'keyword options (--top-k, --with-weight, --allow-pos, --each-line, --json, --idf, --stop-words) need --keywords';
  }
  if (options.keywords !== undefined && (options.pos || options.cutAll || options.search)) {
    return '--keywords cannot be combined with -p, -a or --search';
  }
  if (options.big && options.dict !== undefined) return '--big and -D/--dict cannot be combined';
  if (options.jsonl !== undefined && options.tsv !== undefined) return '--jsonl and --tsv cannot be combined';
  if (options.outputField !== undefined && options.jsonl === undefined) return '--output-field needs --jsonl';
  if ((options.jsonl !== undefined || options.tsv !== undefined) && (options.keywords !== undefined || options.saveImage !== undefined)) {
    return '--jsonl and --tsv cannot be combined with --keywords or --save-image';
  }
  if (options.normalize && !options.paddle) return '--normalize needs --paddle';
  if (options.paddle && (options.cutAll || options.search || options.keywords !== undefined)) {
    return '--paddle cannot be combined with -a, --search or --keywords';
  }
  return undefined;
}

/**
 * Run the command with `argv` (without the program name).
 *
 * @returns the exit status: 0 on success, 1 for bad input or files, 2 for a
 *   bad command line (as Python's argparse)
 * @example
 * const status = await main(['-d', 'news.txt'], process);
 */
export async function main(argv: readonly string[], io: CliIo): Promise<number> {
  // `jieba serve ...` is the HTTP API, `jieba freq ...` counts words. (A
  // file named "serve" is still reachable as `jieba ./serve` or `jieba -- serve`.)
  if (argv[0] === 'serve') return serveMain(argv.slice(1), io);
  if (argv[0] === 'freq') return freqMain(argv.slice(1), io);
  if (argv[0] === 'train') return trainMain(argv.slice(1), io);
  if (argv[0] === 'discover') return discoverMain(argv.slice(1), io);
  const say = (text: string): void => void io.stderr.write(text);
  const parsed = parseArgs(argv);
  if (parsed.kind === 'help') {
    io.stdout.write(helpText(JIEBA_VERSION));
    return 0;
  }
  if (parsed.kind === 'version') {
    io.stdout.write(`jieba-ts ${VERSION} (jieba ${JIEBA_VERSION})\n`);
    return 0;
  }
  const problem = parsed.kind === 'error' ? parsed.message : conflictIn(parsed.options);
  if (parsed.kind === 'error' || problem !== undefined) {
    say(`${USAGE}\njieba: error: ${problem}\n`);
    return 2;
  }
  const options = parsed.options;
  if (options.saveImage !== undefined) return saveImage(options.saveImage, options, say);
  if (options.keywords !== undefined) return keywordsCommand(options, io, say);
  if (options.jsonl !== undefined || options.tsv !== undefined) return recordCommand(options, io, say);
  return segmentCommand(options, io, say);
}
