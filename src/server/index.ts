/**
 * The jieba-ts HTTP API as a library (`jieba-ts/server`): let
 * {@link startServer} run it, with worker threads, or mount
 * {@link createApiHandler} in any `node:http` server. `jieba serve` is the
 * same from the command line.
 *
 * @example
 * import { startServer } from 'jieba-ts/server';
 *
 * const running = await startServer({ port: 8000, setup: { userDict: 'userdict.txt' } });
 * console.log(`serving on ${running.url}`);
 *
 * @module
 */

export { ANSWER_BYTES_PER_BODY_BYTE, createApiHandler, DEFAULT_MAX_BODY_BYTES, type ApiHandler, type ApiOptions } from './http-api.js';
export { startServer, type RunningServer, type ServeOptions } from './serve.js';
export { WorkerPool, type PoolOptions, type TokenizerSetup } from './worker-pool.js';
export type { Answer, ComputeRoute } from './answers.js';
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
