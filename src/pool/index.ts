/**
 * `jieba-ts/pool`: the API on every core, asynchronously (see
 * {@link createPool}).
 *
 * @example
 * import { createPool } from 'jieba-ts/pool';
 *
 * const pool = await createPool();
 * await pool.cut('我来到北京清华大学', { signal: AbortSignal.timeout(1000) });
 *
 * @module
 */

export { createPool, type PoolOptions } from './node.js';
export { TokenizerPool, type EachOptions, type PoolMethodOptions, type PoolResults, type SignalOption } from './pool.js';
export { POOL_METHODS, type PoolMethod, type PoolSetup } from './protocol.js';
