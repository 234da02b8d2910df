/**
 * `jieba-ts/pool` in browsers: the API on every core, in module Web Workers
 * (see {@link createPool}).
 *
 * @module
 */

export { createPool, type PoolOptions } from './browser.js';
export { TokenizerPool, type EachOptions, type PoolMethodOptions, type PoolResults, type SignalOption } from './pool.js';
export { POOL_METHODS, type PoolMethod, type PoolSetup } from './protocol.js';
