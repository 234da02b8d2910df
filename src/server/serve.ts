/**
 * Start and stop the HTTP API: worker threads that do the work, one
 * `node:http` server with time limits on headers, bodies and idle
 * connections, and a graceful stop that answers every request already
 * received.
 *
 * @module
 */

import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { availableParallelism } from 'node:os';
import { createApiHandler, type ApiHandler, type ApiOptions } from './http-api.js';
import { WorkerPool, type TokenizerSetup } from './worker-pool.js';
import { knownOptions, optionKeys } from '../options.js';

/** Options of {@link startServer}. */
export interface ServeOptions extends Omit<ApiOptions, 'pool' | 'allowedHosts'> {
  /**
   * The tokenizer each worker makes: plain data (paths), since every
   * worker thread loads its own. Ignored when `tokenizer` is given (then
   * the work happens in this thread, with no isolation between requests).
   *
   * @defaultValue {} (the default dictionary)
   * @example
   * await startServer({ setup: { userDict: 'userdict.txt' } });
   */
  setup?: TokenizerSetup;
  /**
   * Worker threads.
   *
   * @defaultValue the available cores
   */
  workers?: number;
  /**
   * Whether the worker threads write answers as JSON (else the server's
   * own thread does).
   *
   * @defaultValue true with two workers or more, false with one
   */
  encodeInWorkers?: boolean;
  /**
   * Longest time for a request's answer once its body has arrived (waiting
   * included), in milliseconds; past it, 503 `timeout`, and the worker is
   * replaced.
   *
   * @defaultValue 30 000
   */
  timeoutMs?: number;
  /**
   * Port to listen on; 0 picks a free one.
   *
   * @defaultValue 8000
   */
  port?: number;
  /**
   * Address to listen on. Loopback unless asked: the API has no
   * authentication.
   *
   * @defaultValue '127.0.0.1'
   */
  host?: string;
  /**
   * Host names accepted in requests (see {@link ApiOptions.allowedHosts}).
   * By default, on a loopback address: `localhost` and the loopback
   * addresses; on another address: that address; on every address
   * (`0.0.0.0`, `::`): any.
   *
   * @example
   * await startServer({ host: '0.0.0.0', allowedHosts: ['jieba.internal'] });
   */
  allowedHosts?: readonly string[];
  /**
   * Longest time for the request headers to arrive, in milliseconds.
   *
   * @defaultValue 10 000
   */
  headersTimeoutMs?: number;
}

/** A running server. */
export interface RunningServer {
  readonly server: Server;
  /** Base URL, e.g. `http://127.0.0.1:8000`. */
  readonly url: string;
  /** The request listener, with its count of requests in flight. */
  readonly handler: ApiHandler;
  /**
   * Stop accepting connections, answer every request already received
   * (new ones on open connections get 503), close idle connections, stop
   * the workers, and resolve when all is closed. After `graceMs`, what
   * is still open is cut off.
   */
  close(graceMs?: number): Promise<void>;
}

const LOOPBACK = ['localhost', '127.0.0.1', '[::1]'];

function defaultAllowedHosts(host: string): readonly string[] | undefined {
  if (host === '0.0.0.0' || host === '::' || host === '[::]') return undefined;
  if (host === 'localhost' || host === '::1' || host.startsWith('127.')) return [...new Set([...LOOPBACK, host.includes(':') ? `[${host}]` : host])];
  return [host.includes(':') ? `[${host}]` : host.toLowerCase()];
}

/** Every option of {@link startServer}. */
const SERVE_KEYS = optionKeys<ServeOptions>()([
  'setup', 'workers', 'encodeInWorkers', 'timeoutMs', 'port', 'host', 'allowedHosts', 'headersTimeoutMs',
  'tokenizer', 'maxBodyBytes', 'bodyTimeoutMs', 'maxInflight', 'memoryBudgetBytes', 'sendTimeoutMs', 'cors',
]);

/**
 * Start serving the API.
 *
 * @throws {@link DictionaryError} when the workers cannot load the dictionary
 * @example
 * import { startServer } from 'jieba-ts/server';
 *
 * const running = await startServer({ port: 0, setup: { userDict: 'userdict.txt' } });
 * const response = await fetch(`${running.url}/cut`, {
 *   method: 'POST',
 *   headers: { 'content-type': 'application/json' },
 *   body: JSON.stringify({ text: '我来到北京清华大学' }),
 * });
 * await running.close();
 */
export async function startServer(options: ServeOptions = {}): Promise<RunningServer> {
  options = knownOptions(options, 'startServer', SERVE_KEYS);
  const host = options.host ?? '127.0.0.1';
  const timeoutMs = options.timeoutMs ?? 30_000;
  const pool = options.tokenizer
    ? undefined
    : await WorkerPool.start({
        setup: options.setup ?? {},
        size: options.workers ?? availableParallelism(),
        timeoutMs,
        ...(options.encodeInWorkers === undefined ? {} : { encodeInWorkers: options.encodeInWorkers }),
      });
  const handler = createApiHandler({ ...options, pool, allowedHosts: options.allowedHosts ?? defaultAllowedHosts(host) });
  const headersTimeout = options.headersTimeoutMs ?? 10_000;
  const server = createServer(
    {
      headersTimeout,
      requestTimeout: Math.max(headersTimeout, (options.bodyTimeoutMs ?? 10_000) + headersTimeout),
      keepAliveTimeout: 5_000,
      // Node checks the two timeouts above only this often (30 s by default).
      connectionsCheckingInterval: Math.min(1_000, headersTimeout),
    },
    handler,
  );
  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(options.port ?? 8000, host, () => {
        server.off('error', reject);
        resolve();
      });
    });
  } catch (error) {
    await pool?.close();
    throw error;
  }
  const { port } = server.address() as AddressInfo;
  const shown = host.includes(':') ? `[${host}]` : host;
  return {
    server,
    url: `http://${shown}:${port}`,
    handler,
    close: (graceMs = timeoutMs + (options.sendTimeoutMs ?? 10_000)) =>
      new Promise<void>((done) => {
        const force = setTimeout(() => server.closeAllConnections(), graceMs);
        force.unref();
        server.close(() => {
          clearTimeout(force);
          void (pool?.close() ?? Promise.resolve()).then(done);
        });
        void handler.drain().then(() => server.closeIdleConnections());
        server.closeIdleConnections();
      }),
  };
}
