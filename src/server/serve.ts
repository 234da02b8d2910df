/**
 * Start and stop the HTTP API: one `node:http` server with time limits on
 * headers and whole requests, and a graceful close that lets requests in
 * flight finish.
 *
 * @module
 */

import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createApiHandler, type ApiOptions } from './http-api.js';

/** Options of {@link startServer}. */
export interface ServeOptions extends ApiOptions {
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
   * Longest time for a whole request, headers and body, in milliseconds.
   *
   * @defaultValue 30 000
   */
  requestTimeoutMs?: number;
}

/** A running server. */
export interface RunningServer {
  readonly server: Server;
  /** Base URL, e.g. `http://127.0.0.1:8000`. */
  readonly url: string;
  /**
   * Stop accepting connections, let requests in flight finish (at most
   * `graceMs`, then cut them off), and resolve when all is closed.
   */
  close(graceMs?: number): Promise<void>;
}

/**
 * Start serving the API.
 *
 * @example
 * import { Tokenizer } from 'jieba-ts';
 * import { startServer } from 'jieba-ts/server';
 *
 * const running = await startServer({ tokenizer: new Tokenizer(), port: 0 });
 * const response = await fetch(`${running.url}/cut`, { method: 'POST', body: JSON.stringify({ text: '我来到北京清华大学' }) });
 * await running.close();
 */
export function startServer(options: ServeOptions): Promise<RunningServer> {
  const server = createServer(
    {
      requestTimeout: options.requestTimeoutMs ?? 30_000,
      headersTimeout: Math.min(options.requestTimeoutMs ?? 30_000, 10_000),
      keepAliveTimeout: 5_000,
    },
    createApiHandler(options),
  );
  const host = options.host ?? '127.0.0.1';
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 8000, host, () => {
      server.off('error', reject);
      const { port } = server.address() as AddressInfo;
      const shown = host.includes(':') ? `[${host}]` : host;
      resolve({
        server,
        url: `http://${shown}:${port}`,
        close: (graceMs = 10_000) =>
          new Promise<void>((done) => {
            const force = setTimeout(() => server.closeAllConnections(), graceMs);
            force.unref();
            server.close(() => {
              clearTimeout(force);
              done();
            });
            server.closeIdleConnections();
          }),
      });
    });
  });
}
