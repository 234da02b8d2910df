/**
 * Where the script of a Node.js worker thread is. Beside the module that
 * starts it, as published; but a bundler (esbuild, Rollup) that folds
 * `jieba-ts/pool` into an app's one file leaves the worker's script behind,
 * and `new URL('./node-worker.js', import.meta.url)` then names a file
 * beside the bundle that is not there (or, in a CommonJS bundle, throws).
 * So the script is looked for in the jieba-ts installed beside the app too,
 * and failing both the error says what to do.
 *
 * @module
 */

import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

/** The worker scripts that jieba-ts publishes, and the export that names each. */
const PUBLISHED = {
  'node-worker.js': 'jieba-ts/pool/worker',
  'server-worker.js': 'jieba-ts/server/worker',
} as const;

/** A worker script of jieba-ts. */
export type WorkerScript = keyof typeof PUBLISHED;

/** `url` as a path when it is a `file:` URL that exists, else undefined. */
function existingFile(url: URL): string | undefined {
  if (url.protocol !== 'file:') return undefined;
  const path = fileURLToPath(url);
  return existsSync(path) ? path : undefined;
}

/** The file `specifier` resolves to from the directory `base`, or undefined. */
function resolveFrom(base: string, specifier: string): string | undefined {
  try {
    const path = createRequire(join(base, 'noop.js')).resolve(specifier);
    return existsSync(path) ? path : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The URL of the worker script `file`: `beside()` (this module's sibling,
 * computed lazily as `import.meta.url` may be gone), else the script of the
 * jieba-ts installed where the app's main module or the working directory
 * can see it.
 *
 * @throws Error naming the places looked at and the remedies
 * @example
 * new Worker(workerScript('node-worker.js', () => new URL('./node-worker.js', import.meta.url)));
 */
export function workerScript(file: WorkerScript, beside: () => URL): URL {
  const tried: string[] = [];
  try {
    const url = beside();
    if (existingFile(url) !== undefined) return url;
    tried.push(url.protocol === 'file:' ? fileURLToPath(url) : url.href);
  } catch {
    // No import.meta.url here (a CommonJS bundle): look for the package instead.
  }
  const main = process.argv[1];
  for (const base of [main === undefined ? undefined : dirname(main), process.cwd()]) {
    const found = base === undefined ? undefined : resolveFrom(base, PUBLISHED[file]);
    if (found !== undefined) return pathToFileURL(found);
  }
  const where = tried.length > 0 ? `not at ${tried.join(' or ')}, ` : '';
  throw new Error(
    `jieba-ts: cannot find the worker script ${file} (${where}and no jieba-ts package installed beside the app or the working directory); ` +
      `if jieba-ts was bundled, deploy node_modules/jieba-ts beside the bundle, or bundle '${PUBLISHED[file]}' as an entry of its own and pass its path as the option workerUrl`,
  );
}

/**
 * The worker script a caller named (`workerUrl`: a path or a `file:` URL),
 * checked to exist.
 *
 * @throws TypeError for another type, or a file that is not there
 * @example
 * chosenWorkerScript(new URL('./jieba-worker.js', import.meta.url), 'createPool');
 */
export function chosenWorkerScript(workerUrl: unknown, caller: string): URL {
  let url: URL | undefined;
  if (workerUrl instanceof URL) url = workerUrl;
  // A URL when it starts with a scheme of two letters or more (C: is a Windows drive).
  else if (typeof workerUrl === 'string' && workerUrl !== '') url = /^[a-z][a-z0-9+.-]+:/i.test(workerUrl) ? new URL(workerUrl) : pathToFileURL(workerUrl);
  if (url === undefined || url.protocol !== 'file:') {
    throw new TypeError(`jieba-ts: ${caller}() option workerUrl must be a path or a file: URL, got ${typeof workerUrl === 'string' ? JSON.stringify(workerUrl) : typeof workerUrl}`);
  }
  if (existingFile(url) === undefined) throw new TypeError(`jieba-ts: ${caller}() option workerUrl: no file at ${fileURLToPath(url)}`);
  return url;
}
