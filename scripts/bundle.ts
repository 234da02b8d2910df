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
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../', import.meta.url));

await build({
  absWorkingDir: root,
  entryPoints: {
    index: 'dist/src/index.js',
    browser: 'dist/src/browser.js',
    cli: 'dist/src/cli/main.js',
    worker: 'dist/src/cli/worker.js',
  },
  outdir: 'dist/bundle',
  bundle: true,
  format: 'esm',
  platform: 'neutral',
  target: 'es2022',
  external: ['node:*'],
  sourcemap: true,
  logLevel: 'warning',
});
console.log('jieba-ts: bundled dist/bundle/{index,browser,cli,worker}.js');
