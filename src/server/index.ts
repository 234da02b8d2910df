/**
 * The jieba-ts HTTP API as a library (`jieba-ts/server`): mount
 * {@link createApiHandler} in any `node:http` server, or let
 * {@link startServer} run one. `jieba serve` is the same from the command
 * line.
 *
 * @example
 * import { Tokenizer } from 'jieba-ts';
 * import { startServer } from 'jieba-ts/server';
 *
 * const running = await startServer({ tokenizer: new Tokenizer(), port: 8000 });
 * console.log(`serving on ${running.url}`);
 *
 * @module
 */

export { createApiHandler, DEFAULT_MAX_BODY_BYTES, type ApiOptions } from './http-api.js';
export { startServer, type RunningServer, type ServeOptions } from './serve.js';
export { OPENAPI_DOCUMENT } from './openapi.js';
export {
  parseCutRequest,
  parseKeywordsRequest,
  parseTagRequest,
  parseTokenizeRequest,
  RequestError,
  type CutRequest,
  type KeywordsRequest,
  type TagRequest,
  type TokenizeRequest,
} from './requests.js';
