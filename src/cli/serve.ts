/**
 * `jieba serve`: the HTTP API from the command line, with the dictionary
 * loaded once at start and a graceful stop on SIGTERM or SIGINT.
 *
 * @module
 */

import { availableParallelism } from 'node:os';
import { parseArgs } from 'node:util';
import { DictionaryError } from '../dictionary/errors.js';
import { DEFAULT_MAX_BODY_BYTES } from '../server/http-api.js';
import { startServer, type RunningServer } from '../server/serve.js';
import type { CliIo } from './io.js';

/** Usage of `jieba serve`. */
export const SERVE_HELP = `usage: jieba serve [--port N] [--host ADDR] [-D DICT | --big] [-u USER_DICT] [options]

Serve the jieba-ts HTTP API (JSON): GET /health, GET /openapi.json,
POST /cut, /tokenize, /tag, /keywords. Requests are answered by worker
threads, so a long one never holds up the others.

options:
  --port N             port to listen on (default 8000; 0 picks a free one)
  --host ADDR          address to listen on (default 127.0.0.1, loopback only)
  -D, --dict DICT      main dictionary: dict.txt format or a compiled image
  --big                jieba's big dictionary (traditional Chinese; npm install jieba-ts-big)
  -u, --user-dict F    user dictionary loaded at start
  --workers N          worker threads (default: the available cores, ${availableParallelism()} here)
  --timeout MS         longest time to answer a request, then 503 (default 30000)
  --max-inflight N     most requests in flight, then 503 with Retry-After (default 64;
                       also at most 128 MiB of answers, reckoned from body sizes)
  --max-body BYTES     largest request body (default ${DEFAULT_MAX_BODY_BYTES})
  --allowed-hosts H,H  host names accepted in the Host header (default: the
                       loopback names on loopback, the address otherwise;
                       any when listening on 0.0.0.0 or ::)
  --cors ORIGIN        let web pages of ORIGIN call the API (repeatable; * for any)
  -q, --quiet          no log lines on standard error
  -h, --help           show this help and exit
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

/** The options of `jieba serve` (`node:util` `parseArgs` form); `--help` lists each. */
export const SERVE_OPTIONS = {
  port: { type: 'string' },
  host: { type: 'string' },
  dict: { type: 'string', short: 'D' },
  big: { type: 'boolean' },
  'user-dict': { type: 'string', short: 'u' },
  'max-body': { type: 'string' },
  workers: { type: 'string' },
  timeout: { type: 'string' },
  'max-inflight': { type: 'string' },
  'allowed-hosts': { type: 'string' },
  cors: { type: 'string', multiple: true },
  quiet: { type: 'boolean', short: 'q' },
  help: { type: 'boolean', short: 'h' },
} as const;

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
      options: SERVE_OPTIONS,
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
  const workers = values.workers === undefined ? availableParallelism() : integer(values.workers, '--workers', 1, 256);
  const timeout = values.timeout === undefined ? 30_000 : integer(values.timeout, '--timeout', 1, 3_600_000);
  const maxInflight = values['max-inflight'] === undefined ? 64 : integer(values['max-inflight'], '--max-inflight', 1, 100_000);
  const allowedHosts = values['allowed-hosts']?.split(',').map((h) => h.trim().toLowerCase()).filter(Boolean);
  const problem =
    [port, maxBody, workers, timeout, maxInflight].find((v) => typeof v === 'string') ??
    (values.big && values.dict !== undefined ? '--big and --dict cannot be combined' : undefined) ??
    (allowedHosts?.length === 0 ? '--allowed-hosts needs at least one name' : undefined);
  if (problem !== undefined) {
    say(`usage: jieba serve [options]\njieba serve: error: ${problem}\n`);
    return 2;
  }

  let running: RunningServer;
  try {
    running = await startServer({
      setup: { dict: values.dict, big: values.big, userDict: values['user-dict'] },
      workers: workers as number,
      timeoutMs: timeout as number,
      maxInflight: maxInflight as number,
      port: port as number,
      host: values.host ?? '127.0.0.1',
      maxBodyBytes: maxBody as number,
      ...(allowedHosts ? { allowedHosts } : {}),
      cors: values.cors ?? [],
    });
  } catch (error) {
    if (error instanceof DictionaryError) {
      say(`jieba serve: ${error.message}\n`);
      return 1;
    }
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
