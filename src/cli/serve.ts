/**
 * `jieba serve`: the HTTP API from the command line, with the dictionary
 * loaded once at start and a graceful stop on SIGTERM or SIGINT.
 *
 * @module
 */

import { parseArgs } from 'node:util';
import { BIG_DICTIONARY, Tokenizer } from '../index.js';
import { DictionaryError } from '../dictionary/errors.js';
import { DEFAULT_MAX_BODY_BYTES } from '../server/http-api.js';
import { startServer, type RunningServer } from '../server/serve.js';
import type { CliIo } from './main.js';

/** Usage of `jieba serve`. */
export const SERVE_HELP = `usage: jieba serve [--port N] [--host ADDR] [-D DICT | --big] [-u USER_DICT] [--max-body BYTES]

Serve the jieba-ts HTTP API (JSON): GET /health, GET /openapi.json,
POST /cut, /tokenize, /tag, /keywords.

options:
  --port N           port to listen on (default 8000; 0 picks a free one)
  --host ADDR        address to listen on (default 127.0.0.1, loopback only)
  -D, --dict DICT    main dictionary: dict.txt format or a compiled image
  --big              jieba's big dictionary (traditional Chinese)
  -u, --user-dict F  user dictionary loaded at start
  --max-body BYTES   largest request body (default ${DEFAULT_MAX_BODY_BYTES})
  -q, --quiet        no log lines on standard error
  -h, --help         show this help and exit
`;

/** Signals that stop the server; injectable for tests. */
export interface SignalSource {
  once(signal: 'SIGTERM' | 'SIGINT', listener: () => void): unknown;
}

function integer(value: string | undefined, name: string, min: number, max: number): number | string {
  if (value === undefined) return NaN;
  const n = Number(value);
  if (!/^\d+$/.test(value) || n < min || n > max) return `${name} must be an integer from ${min} to ${max}, not ${JSON.stringify(value)}`;
  return n;
}

/**
 * Run `jieba serve` with `argv` (the words after `serve`). Resolves with the
 * exit status once the server has stopped (after a signal), or at once on
 * bad arguments (status 2) or a dictionary or port that fails (status 1).
 *
 * @param onListening - called with the running server, for tests
 */
export async function serveMain(
  argv: readonly string[],
  io: CliIo,
  signals: SignalSource = process,
  onListening?: (running: RunningServer) => void,
): Promise<number> {
  const say = (text: string): void => void io.stderr.write(text);
  let values;
  try {
    ({ values } = parseArgs({
      args: [...argv],
      options: {
        port: { type: 'string' },
        host: { type: 'string' },
        dict: { type: 'string', short: 'D' },
        big: { type: 'boolean' },
        'user-dict': { type: 'string', short: 'u' },
        'max-body': { type: 'string' },
        quiet: { type: 'boolean', short: 'q' },
        help: { type: 'boolean', short: 'h' },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    say(`usage: jieba serve [options]\njieba serve: error: ${(error as Error).message}\n`);
    return 2;
  }
  if (values.help) {
    io.stdout.write(SERVE_HELP);
    return 0;
  }
  const port = values.port === undefined ? 8000 : integer(values.port, '--port', 0, 65535);
  const maxBody = values['max-body'] === undefined ? DEFAULT_MAX_BODY_BYTES : integer(values['max-body'], '--max-body', 1, 2 ** 30);
  const problem = [port, maxBody].find((v) => typeof v === 'string') ?? (values.big && values.dict !== undefined ? '--big and --dict cannot be combined' : undefined);
  if (problem !== undefined) {
    say(`usage: jieba serve [options]\njieba serve: error: ${problem}\n`);
    return 2;
  }

  let tokenizer: Tokenizer;
  try {
    tokenizer = new Tokenizer({ dict: values.big ? BIG_DICTIONARY : values.dict, eager: true });
    if (values['user-dict'] !== undefined) tokenizer.loadUserDict(values['user-dict']);
  } catch (error) {
    if (error instanceof DictionaryError) {
      say(`jieba serve: ${error.message}\n`);
      return 1;
    }
    throw error;
  }

  let running: RunningServer;
  try {
    running = await startServer({ tokenizer, port: port as number, host: values.host ?? '127.0.0.1', maxBodyBytes: maxBody as number });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason = code === 'EADDRINUSE' ? 'the port is in use' : code === 'EACCES' ? 'permission denied' : (error as Error).message;
    say(`jieba serve: cannot listen on ${values.host ?? '127.0.0.1'}:${String(port)}: ${reason}\n`);
    return 1;
  }
  if (!values.quiet) say(`jieba serve: listening on ${running.url} (POST /cut /tokenize /tag /keywords; GET /health /openapi.json)\n`);
  onListening?.(running);
  await new Promise<void>((resolve) => {
    const stop = (): void => {
      if (!values.quiet) say('jieba serve: stopping; finishing requests in flight\n');
      void running.close().then(resolve);
    };
    signals.once('SIGTERM', stop);
    signals.once('SIGINT', stop);
  });
  if (!values.quiet) say('jieba serve: stopped\n');
  return 0;
}
