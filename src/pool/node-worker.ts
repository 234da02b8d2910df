/**
 * A pool worker thread in Node.js, Deno and Bun.
 *
 * @module
 */

import { runNodeWorker } from './node-worker-loop.js';

runNodeWorker();
