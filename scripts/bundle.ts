/**
 * Bundle each entry point into one self-contained file under dist/bundle/,
 * which package.json's `exports` and `bin` point at: one file loads several
 * times faster than the two dozen modules tsc emits (start-up is a goal).
 * Every bundle sits one folder below dist/ like the modules, so the data
 * URLs they compute from `import.meta.url` stay right. The bundles share no
 * chunk, so importing one loads one file.
 *
 * @module
 */

import { build } from 'esbuild';
import { rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../', import.meta.url));
// Chunk names carry hashes: start clean so old ones do not pile up.
rmSync(`${root}dist/bundle`, { recursive: true, force: true });

await build({
  absWorkingDir: root,
  entryPoints: {
    index: 'dist/src/index.js',
    browser: 'dist/src/browser.js',
    cli: 'dist/src/cli/main.js',
    worker: 'dist/src/cli/worker.js',
    server: 'dist/src/server/index.js',
  },
  outdir: 'dist/bundle',
  bundle: true,
  // One copy of the engine shared by the entries, so a Tokenizer from
  // 'jieba-ts' is the same class that 'jieba-ts/server' expects.
  // Chunks stay beside the entries: code that finds files with
  // new URL('../data/…', import.meta.url) must sit one level below dist/.
  splitting: true,
  format: 'esm',
  platform: 'neutral',
  target: 'es2022',
  external: ['node:*'],
  sourcemap: true,
  logLevel: 'warning',
});
console.log('jieba-ts: bundled dist/bundle/{index,browser,cli,worker,server}.js');
