/**
 * The HTTP API as a plain `node:http` request listener: routing, bodies
 * read with a size limit, strict UTF-8 and JSON, and every failure answered
 * as `{ "error": { "status", "code", "message" } }` with its status code.
 *
 * @module
 */

import type { IncomingMessage, ServerResponse } from 'node:http';
import { firstInvalidUtf8 } from '../text/utf8.js';
import { TextRank, TfIdf, type Tokenizer, type WeightedKeyword, type WeightedTaggedKeyword } from '../index.js';
import { JIEBA_VERSION, VERSION } from '../version.js';
import { OPENAPI_DOCUMENT } from './openapi.js';
import {
  parseCutRequest,
  parseKeywordsRequest,
  parseTagRequest,
  parseTokenizeRequest,
  RequestError,
} from './requests.js';

/** Options of {@link createApiHandler}. */
export interface ApiOptions {
  /** The tokenizer every request uses (its dictionary loaded once, at start). */
  tokenizer: Tokenizer;
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
}

/**
 * 1 MiB: about 350,000 Chinese characters per request.
 *
 * @example
 * createApiHandler({ tokenizer, maxBodyBytes: 4 * DEFAULT_MAX_BODY_BYTES });
 */
export const DEFAULT_MAX_BODY_BYTES = 1 << 20;

type Route = (json: unknown) => unknown;

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
export function createApiHandler(options: ApiOptions): (request: IncomingMessage, response: ServerResponse) => void {
  const { tokenizer } = options;
  const maxBodyBytes = options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
  const bodyTimeoutMs = options.bodyTimeoutMs ?? 10_000;
  const tfidf = new TfIdf(tokenizer);
  const textRank = new TextRank(tokenizer);
  const started = Date.now();

  const routes: Record<string, Route> = {
    '/cut': (json) => {
      const { text, mode, hmm } = parseCutRequest(json);
      const tokens = mode === 'all' ? tokenizer.cutAll(text) : mode === 'search' ? tokenizer.cutForSearch(text, { hmm }) : tokenizer.cut(text, { hmm });
      return { tokens };
    },
    '/tokenize': (json) => {
      const { text, mode, hmm } = parseTokenizeRequest(json);
      return { tokens: tokenizer.tokenize(text, { mode, hmm }) };
    },
    '/tag': (json) => {
      const { text, hmm } = parseTagRequest(json);
      return { tokens: tokenizer.tag(text, { hmm }) };
    },
    '/keywords': (json) => {
      const { text, method, topK, allowPOS, withFlag } = parseKeywordsRequest(json);
      const extractor = method === 'textrank' ? textRank : tfidf;
      const keywords = extractor.extract(text, {
        topK,
        withWeight: true,
        ...(allowPOS === undefined ? {} : { allowPOS }),
        withFlag,
      }) as (WeightedKeyword | WeightedTaggedKeyword)[];
      return { keywords };
    },
  };

  const health = (): unknown => {
    const memory = process.memoryUsage();
    return {
      status: 'ok',
      version: VERSION,
      jieba: JIEBA_VERSION,
      uptimeSeconds: Math.round((Date.now() - started) / 1000),
      memory: { rssBytes: memory.rss, heapUsedBytes: memory.heapUsed },
    };
  };

  return (request, response) => {
    const path = pathOf(request.url);
    if (path === '/health' || path === '/openapi.json') {
      if (request.method !== 'GET' && request.method !== 'HEAD') {
        return void sendError(response, new RequestError(405, 'method_not_allowed', `${path} takes GET`), 'GET, HEAD');
      }
      request.resume();
      return void send(response, 200, path === '/health' ? health() : OPENAPI_DOCUMENT, request.method === 'HEAD');
    }
    const route = routes[path];
    if (route === undefined) {
      request.resume();
      return void sendError(response, new RequestError(404, 'not_found', `no route ${path}; see GET /openapi.json`));
    }
    if (request.method !== 'POST') {
      request.resume();
      return void sendError(response, new RequestError(405, 'method_not_allowed', `${path} takes POST`), 'POST');
    }
    readJson(request, maxBodyBytes, bodyTimeoutMs)
      .then(route)
      .then(
        (body) => {
          if (!response.writableEnded) send(response, 200, body);
        },
        (error: unknown) => {
          if (response.writableEnded) return;
          if (error instanceof RequestError) return void sendError(response, error);
          // Our bug, not the client's: no stack trace over the wire.
          sendError(response, new RequestError(500, 'internal_error', 'the server failed on this request'));
          process.emitWarning(error instanceof Error ? error : String(error));
        },
      );
  };
}

/** The path of a request URL, without its query string. */
function pathOf(url: string | undefined): string {
  const path = url ?? '/';
  const query = path.indexOf('?');
  return query < 0 ? path : path.slice(0, query);
}

/**
 * Media types read as JSON: JSON itself, none, text/plain, and the form
 * encoding that `curl -d` labels every body with, so the quickest test from
 * a shell works. Multipart forms and the rest are refused.
 */
function isJsonType(contentType: string | undefined): boolean {
  if (contentType === undefined) return true;
  const type = contentType.split(';')[0]!.trim().toLowerCase();
  return (
    type === 'application/json' ||
    (type.startsWith('application/') && type.endsWith('+json')) ||
    type === 'text/plain' ||
    type === 'application/x-www-form-urlencoded'
  );
}

/**
 * Read a request body and parse it as JSON, refusing (with the matching
 * status) a non-JSON content type, a body over the limit (from its
 * Content-Length before reading, or once the bytes pass it), bytes that are
 * not UTF-8, and text that is not JSON.
 */
function readJson(request: IncomingMessage, limit: number, timeoutMs: number): Promise<unknown> {
  return new Promise<unknown>((resolve, reject) => {
    if (!isJsonType(request.headers['content-type'])) {
      request.resume();
      return reject(new RequestError(415, 'unsupported_media_type', `send the body as application/json, not ${request.headers['content-type']}`));
    }
    const declared = Number(request.headers['content-length']);
    if (declared > limit) {
      request.resume();
      return reject(tooLarge(limit));
    }
    const chunks: Buffer[] = [];
    let size = 0;
    const timer = setTimeout(() => {
      request.removeAllListeners('data');
      request.resume();
      reject(new RequestError(408, 'request_timeout', `the body did not arrive within ${timeoutMs} ms`));
    }, timeoutMs);
    request.on('close', () => clearTimeout(timer));
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        // Stop reading: answer now, and close the connection after it.
        request.removeAllListeners('data');
        request.resume();
        reject(tooLarge(limit));
        return;
      }
      chunks.push(chunk);
    });
    request.on('error', () => reject(new RequestError(400, 'bad_request', 'the request body could not be read')));
    request.on('end', () => {
      clearTimeout(timer);
      if (size > limit) return;
      const bytes = Buffer.concat(chunks, size);
      const bad = firstInvalidUtf8(bytes);
      if (bad >= 0) return reject(new RequestError(400, 'invalid_utf8', `the body is not valid UTF-8 (byte ${bad})`));
      let text = bytes.toString('utf8');
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
      if (text.trim() === '') return reject(new RequestError(400, 'invalid_json', 'the body is empty; send a JSON object'));
      try {
        resolve(JSON.parse(text));
      } catch (error) {
        reject(new RequestError(400, 'invalid_json', `the body is not JSON: ${(error as Error).message}`));
      }
    });
  });
}

function tooLarge(limit: number): RequestError {
  return new RequestError(413, 'payload_too_large', `the body is larger than ${limit} bytes`);
}

function send(response: ServerResponse, status: number, body: unknown, headOnly = false): void {
  const json = JSON.stringify(body);
  response.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(json),
  });
  response.end(headOnly ? undefined : json);
}

function sendError(response: ServerResponse, error: RequestError, allow?: string): void {
  if (allow !== undefined) response.setHeader('allow', allow);
  // After a refused upload the rest of the body is not worth reading.
  if (error.status === 413 || error.status === 408) response.setHeader('connection', 'close');
  send(response, error.status, { error: { status: error.status, code: error.code, message: error.message } });
}
