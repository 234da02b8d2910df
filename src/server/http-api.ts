/**
 * The HTTP API as a plain `node:http` request listener: routing, the checks
 * that keep other web pages and other hosts out, bodies read with a size
 * and time limit, a bound on requests in flight, and answers written as the
 * client reads them. Every failure is answered as
 * `{ "error": { "status", "code", "message" } }` with its status code.
 *
 * The work itself happens in a {@link WorkerPool} (what `startServer` and
 * `jieba serve` use), or, given a tokenizer, in this thread.
 *
 * @module
 */

import type { IncomingMessage, ServerResponse } from 'node:http';
import { setImmediate as yieldToEvents } from 'node:timers/promises';
import type { Tokenizer } from '../index.js';
import { JIEBA_VERSION, VERSION } from '../version.js';
import { answer, COMPUTE_ROUTES, engineOf, errorAnswer, type Answer, type ComputeRoute, type Engine } from './answers.js';
import { encodeAnswer, jsonPieces } from './json-writer.js';
import { OPENAPI_DOCUMENT } from './openapi.js';
import { RequestError } from './requests.js';
import type { WorkerPool } from './worker-pool.js';

/** Options of {@link createApiHandler}. */
export interface ApiOptions {
  /**
   * Answer in this thread with this tokenizer (its dictionary loaded once),
   * instead of in `pool`. Nothing then isolates requests from each other:
   * a long one delays the rest.
   */
  tokenizer?: Tokenizer;
  /** Worker threads to answer in (see `startServer`, which makes them). */
  pool?: WorkerPool;
  /**
   * Largest request body accepted, in bytes; larger ones get 413.
   *
   * @defaultValue 1 MiB
   */
  maxBodyBytes?: number;
  /**
   * Longest wait for a request body to arrive, in milliseconds; a slower
   * one gets 408 and the connection is closed.
   *
   * @defaultValue 10 000
   */
  bodyTimeoutMs?: number;
  /**
   * Most requests in flight (queued, being answered or being written);
   * past it, requests get 503 with `Retry-After` at once, before their
   * body is read.
   *
   * @defaultValue 64
   */
  maxInflight?: number;
  /**
   * Memory the requests in flight may hold, in bytes, each reckoned at
   * {@link ANSWER_BYTES_PER_BODY_BYTE} times its body's size (the largest
   * answer a body can have, as offsets, held until the client has read
   * it); past it, 503 with `Retry-After` as for `maxInflight`. The default
   * admits ten 1 MiB bodies at once, and thousands of small ones.
   *
   * @defaultValue 128 MiB
   */
  memoryBudgetBytes?: number;
  /**
   * Longest time a client may go without taking any of its answer, in
   * milliseconds; then the connection is dropped.
   *
   * @defaultValue 10 000
   */
  sendTimeoutMs?: number;
  /**
   * Host names (as in the `Host` header, without the port) the server
   * answers to; others get 403, which stops DNS-rebinding attacks from web
   * pages. `undefined` accepts any host.
   *
   * @defaultValue undefined
   * @example
   * createApiHandler({ pool, allowedHosts: ['localhost', '127.0.0.1', '[::1]'] });
   */
  allowedHosts?: readonly string[];
  /**
   * Origins whose web pages may call the API (CORS); `'*'` allows any.
   * None by default, so no page can read an answer.
   *
   * @defaultValue []
   * @example
   * createApiHandler({ pool, cors: ['https://example.com'] });
   */
  cors?: readonly string[];
}

/**
 * The default limit of a request body: 1 MiB, about 350,000 Chinese
 * characters.
 *
 * @example
 * createApiHandler({ pool, maxBodyBytes: 4 * DEFAULT_MAX_BODY_BYTES }); // 4 MiB
 */
export const DEFAULT_MAX_BODY_BYTES = 1 << 20;

/**
 * The most bytes an answer holds per byte of its body: a word per
 * character at worst (a body of spaces), 8 bytes of offsets and 4 of tag
 * per word.
 *
 * @example
 * const worst = ANSWER_BYTES_PER_BODY_BYTE * DEFAULT_MAX_BODY_BYTES; // bytes an answer can take
 */
export const ANSWER_BYTES_PER_BODY_BYTE = 12;

/** A request listener with what a graceful stop needs. */
export type ApiHandler = ((request: IncomingMessage, response: ServerResponse) => void) & {
  /** Requests received and not yet fully answered. */
  readonly inflight: number;
  /**
   * Refuse new requests (503, `shutting_down`) and resolve once every
   * request already received has been answered.
   */
  drain(): Promise<void>;
};

const ALLOWED_METHODS = 'GET, HEAD, POST, OPTIONS';

/**
 * A request listener serving the jieba-ts HTTP API:
 *
 * - `GET /health`, `GET /openapi.json`;
 * - `POST /cut`, `/tokenize`, `/tag` and `/keywords`, JSON in and out (see
 *   the OpenAPI document for the shapes).
 *
 * @example
 * import { createServer } from 'node:http';
 * import { Tokenizer } from 'jieba-ts';
 * import { createApiHandler } from 'jieba-ts/server';
 *
 * createServer(createApiHandler({ tokenizer: new Tokenizer() })).listen(8000, '127.0.0.1');
 */
export function createApiHandler(options: ApiOptions): ApiHandler {
  const { pool, allowedHosts } = options;
  if (!pool && !options.tokenizer) throw new TypeError('jieba-ts: createApiHandler() needs a tokenizer or a pool');
  const engine: Engine | undefined = options.tokenizer ? engineOf(options.tokenizer) : undefined;
  const maxBodyBytes = options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
  const bodyTimeoutMs = options.bodyTimeoutMs ?? 10_000;
  const maxInflight = options.maxInflight ?? 64;
  const memoryBudget = options.memoryBudgetBytes ?? 128 * (1 << 20);
  const sendTimeoutMs = options.sendTimeoutMs ?? 10_000;
  const cors = options.cors ?? [];
  const started = Date.now();
  let inflight = 0;
  let inflightBytes = 0;
  let draining = false;
  let drained: (() => void) | undefined;

  const compute = (route: ComputeRoute, body: Uint8Array): Promise<Answer> =>
    pool ? pool.run(route, body) : Promise.resolve(answer(engine!, route, body, (error) => process.emitWarning(error instanceof Error ? error : String(error))));

  const health = (): unknown => {
    const memory = process.memoryUsage();
    return {
      status: 'ok',
      version: VERSION,
      jieba: JIEBA_VERSION,
      uptimeSeconds: Math.round((Date.now() - started) / 1000),
      memory: { rssBytes: memory.rss, heapUsedBytes: memory.heapUsed },
      inflight,
    };
  };

  const handle = (request: IncomingMessage, response: ServerResponse): void => {
    const target = requestTarget(request);
    const refuse = (error: RequestError, headers: Record<string, string> = {}): void => {
      // Unread bodies are not worth reading: answer and close.
      if (!request.complete) headers.connection = 'close';
      void writeAnswer(response, errorAnswer(error), sendTimeoutMs, headers, request.method === 'HEAD');
      request.resume();
    };
    if (allowedHosts && target.host !== undefined && !allowedHosts.includes(target.host.toLowerCase())) {
      return refuse(new RequestError(403, 'forbidden_host', `this server does not answer to the host ${JSON.stringify(target.host)}`));
    }
    const origin = request.headers.origin;
    if (origin !== undefined && (cors.includes('*') || cors.includes(origin))) {
      response.setHeader('access-control-allow-origin', cors.includes('*') ? '*' : origin);
      response.setHeader('vary', 'Origin');
    }
    const path = target.path;
    if (request.method === 'OPTIONS') {
      if (response.hasHeader('access-control-allow-origin')) {
        response.writeHead(204, { 'access-control-allow-methods': 'GET, POST', 'access-control-allow-headers': 'content-type', 'access-control-max-age': '600' });
        response.end();
        request.resume();
        return;
      }
      return refuse(new RequestError(405, 'method_not_allowed', 'cross-origin requests are not enabled on this server (jieba serve --cors ORIGIN)'), { allow: ALLOWED_METHODS });
    }
    if (path === '/health' || path === '/openapi.json') {
      if (request.method !== 'GET' && request.method !== 'HEAD') {
        return refuse(new RequestError(405, 'method_not_allowed', `${path} takes GET`), { allow: 'GET, HEAD' });
      }
      request.resume();
      const body = path === '/health' ? health() : OPENAPI_DOCUMENT;
      return void writeAnswer(response, { status: 200, kind: 'json', body }, sendTimeoutMs, draining ? { connection: 'close' } : {}, request.method === 'HEAD');
    }
    const route = COMPUTE_ROUTES.find((r) => r === path);
    if (route === undefined) return refuse(new RequestError(404, 'not_found', `no route ${path}; see GET /openapi.json`));
    if (request.method !== 'POST') return refuse(new RequestError(405, 'method_not_allowed', `${path} takes POST`), { allow: 'POST' });
    const type = request.headers['content-type'];
    if (!isJsonType(type)) {
      return refuse(
        new RequestError(
          415,
          'unsupported_media_type',
          `send the body as application/json${type === undefined ? '' : `, not ${type}`} (curl: --json, or -H 'content-type: application/json')`,
        ),
      );
    }
    const encoding = request.headers['content-encoding'];
    if (encoding !== undefined && encoding.trim().toLowerCase() !== 'identity') {
      return refuse(new RequestError(415, 'unsupported_encoding', `the body must not be compressed (Content-Encoding: ${encoding})`));
    }
    if (draining) return refuse(new RequestError(503, 'shutting_down', 'the server is stopping'));
    // A body of unknown size (chunked) is reckoned at the largest allowed.
    const declared = Number(request.headers['content-length']);
    const reserved = ANSWER_BYTES_PER_BODY_BYTE * Math.max(1024, Number.isFinite(declared) && declared >= 0 ? Math.min(declared, maxBodyBytes) : maxBodyBytes);
    if (inflight >= maxInflight || (inflight > 0 && inflightBytes + reserved > memoryBudget)) {
      return refuse(new RequestError(503, 'overloaded', `${inflight} requests are already in flight; try again shortly`), { 'retry-after': '1' });
    }

    inflight++;
    inflightBytes += reserved;
    let done = false;
    const release = (): void => {
      if (done) return;
      done = true;
      inflight--;
      inflightBytes -= reserved;
      if (draining && inflight === 0) drained?.();
    };
    response.once('close', release);
    readBody(request, maxBodyBytes, bodyTimeoutMs)
      .then((body) => compute(route, body))
      .then(
        // While stopping, every answer closes its connection, so that the server can close.
        (result) => writeAnswer(response, result, sendTimeoutMs, draining ? { connection: 'close' } : {}),
        (error: unknown) => {
          if (!(error instanceof RequestError)) throw error;
          const headers: Record<string, string> = error.status === 413 || error.status === 408 || draining ? { connection: 'close' } : {};
          if (error.code === 'timeout') headers['retry-after'] = '1';
          return writeAnswer(response, errorAnswer(error), sendTimeoutMs, headers);
        },
      )
      .catch((error: unknown) => {
        process.emitWarning(error instanceof Error ? error : String(error));
        if (!response.headersSent) void writeAnswer(response, errorAnswer(new RequestError(500, 'internal_error', 'the server failed on this request')), sendTimeoutMs);
        else response.destroy();
      })
      .finally(release);
  };

  // A getter, not a copy: Object.assign would freeze the count at 0.
  Object.defineProperty(handle, 'inflight', { get: () => inflight });
  return Object.assign(handle as typeof handle & { readonly inflight: number }, {
    drain(): Promise<void> {
      draining = true;
      if (inflight === 0) return Promise.resolve();
      return new Promise<void>((resolve) => {
        drained = resolve;
      });
    },
  });
}

/**
 * The path of a request and the host it names: from the target itself in
 * absolute form (`POST http://host/cut`), else from the `Host` header.
 */
function requestTarget(request: IncomingMessage): { path: string; host: string | undefined } {
  const raw = request.url ?? '/';
  let url: URL | undefined;
  try {
    url = new URL(raw, 'http://placeholder');
  } catch {
    return { path: raw, host: request.headers.host };
  }
  const absolute = /^[a-z][a-z0-9+.-]*:\/\//i.test(raw);
  const host = absolute ? url.hostname : request.headers.host === undefined ? undefined : hostName(request.headers.host);
  return { path: url.pathname, host };
}

/** The name in a `Host` header, without the port; IPv6 addresses keep their brackets. */
function hostName(header: string): string {
  const value = header.trim();
  if (value.startsWith('[')) return value.slice(0, value.indexOf(']') + 1);
  const colon = value.lastIndexOf(':');
  return colon < 0 ? value : value.slice(0, colon);
}

/**
 * JSON only: `application/json` or a `+json` type. Anything else is
 * refused, in particular `text/plain` and the form types, which a web page
 * may send to any server without asking first (a "simple" CORS request).
 */
function isJsonType(contentType: string | undefined): boolean {
  if (contentType === undefined) return false;
  const type = contentType.split(';')[0]!.trim().toLowerCase();
  return type === 'application/json' || (type.startsWith('application/') && type.endsWith('+json'));
}

/**
 * Read a request body into a buffer of its own (so that it can be moved
 * to a worker), refusing a body over the limit (from its Content-Length
 * before reading, or once the bytes pass it) or one that arrives too
 * slowly.
 */
function readBody(request: IncomingMessage, limit: number, timeoutMs: number): Promise<Uint8Array> {
  return new Promise<Uint8Array>((resolve, reject) => {
    const declared = Number(request.headers['content-length']);
    if (declared > limit) {
      request.resume();
      return reject(tooLarge(limit));
    }
    const chunks: Buffer[] = [];
    let size = 0;
    const stop = (error: RequestError): void => {
      request.removeAllListeners('data');
      request.resume();
      reject(error);
    };
    const timer = setTimeout(() => stop(new RequestError(408, 'request_timeout', `the body did not arrive within ${timeoutMs} ms`)), timeoutMs);
    request.on('close', () => clearTimeout(timer));
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) return stop(tooLarge(limit));
      chunks.push(chunk);
    });
    request.on('error', () => reject(new RequestError(400, 'bad_request', 'the request body could not be read')));
    request.on('end', () => {
      clearTimeout(timer);
      if (size > limit) return;
      const body = new Uint8Array(size);
      let at = 0;
      for (const chunk of chunks) {
        body.set(chunk, at);
        at += chunk.length;
      }
      resolve(body);
    });
  });
}

function tooLarge(limit: number): RequestError {
  return new RequestError(413, 'payload_too_large', `the body is larger than ${limit} bytes`);
}

/** Resolve on the response's next 'drain' or 'close', whichever comes first, leaving no listener behind. */
function drainOrClose(response: ServerResponse): Promise<void> {
  return new Promise<void>((resolve) => {
    const done = (): void => {
      response.off('drain', done);
      response.off('close', done);
      resolve();
    };
    response.on('drain', done);
    response.on('close', done);
  });
}

/**
 * Write an answer: up to `ENCODE_WORDS_LIMIT` words as its JSON bytes at
 * once; a larger one as the client reads it, a piece of JSON at a time, the
 * next only once the last has been taken (waiting for `drain`), and giving
 * the thread back to other requests between pieces. A client that takes
 * nothing for `sendTimeoutMs` is dropped.
 */
async function writeAnswer(response: ServerResponse, result: Answer, sendTimeoutMs: number, headers: Record<string, string> = {}, headOnly = false): Promise<void> {
  if (response.headersSent || response.destroyed) return;
  response.setTimeout(sendTimeoutMs, () => response.destroy());
  // Up to ENCODE_WORDS_LIMIT words, the JSON is made at once as bytes (the workers' way too).
  const bytes = encodeAnswer(result);
  if (bytes.kind === 'bytes') {
    response.writeHead(bytes.status, { ...headers, 'content-type': 'application/json; charset=utf-8', 'content-length': String(bytes.body.byteLength) });
    return void response.end(headOnly ? undefined : bytes.body);
  }
  const pieces = jsonPieces(result);
  response.writeHead(result.status, { ...headers, 'content-type': 'application/json; charset=utf-8' });
  if (headOnly) return void response.end();
  let piece = pieces.next();
  while (!piece.done) {
    if (response.destroyed) return;
    if (!response.write(piece.value)) await drainOrClose(response);
    // Always back to the event loop between pieces: a local socket can take
    // data as fast as it is made, and its 'drain' then comes on the same
    // tick, so waiting for it alone would hold the thread for the whole answer.
    await yieldToEvents();
    piece = pieces.next();
  }
  if (!response.destroyed) response.end();
}
