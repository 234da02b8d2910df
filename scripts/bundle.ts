/**
 * Bundle each entry point into one self-contained file under dist/bundle/,
 * which package.json's `exports` and `bin` point at: one file loads several
 * times faster than the two dozen modules tsc emits (start-up is a goal).
 * Every bundle sits one folder below dist/ like the modules, so the data
 * URLs they compute from `import.meta.url` stay right. The bundles share no
 * chunk, so importing one loads one file (the server entry imports the index
 * bundle).
 *
 * @module
 */

import { build, type BuildOptions } from 'esbuild';
import { rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../', import.meta.url));
rmSync(`${root}dist/bundle`, { recursive: true, force: true });

const common: BuildOptions = {
  absWorkingDir: root,
  outdir: 'dist/bundle',
  bundle: true,
  format: 'esm',
  platform: 'neutral',
  target: 'es2022',
  external: ['node:*'],
  // Half the bytes to parse at start-up (about 2 ms of ~25); names are kept
  // for stack traces and source maps map back to dist/src.
  minify: true,
  keepNames: true,
  sourcemap: true,
  logLevel: 'warning',
};

await build({
  ...common,
  entryPoints: {
    index: 'dist/src/index.js',
    browser: 'dist/src/browser.js',
    cli: 'dist/src/cli/main.js',
    worker: 'dist/src/cli/worker.js',
  },
});

// 'jieba-ts/server' takes Tokenizers made by 'jieba-ts': it imports the
// index bundle instead of carrying a second copy of the engine.
await build({
  ...common,
  entryPoints: { server: 'dist/src/server/index.js' },
  plugins: [
    {
      name: 'index-bundle',
      setup(plugin) {
        plugin.onResolve({ filter: /^\.\.\/index\.js$/ }, () => ({ path: './index.js', external: true }));
      },
    },
  ],
});
console.log('jieba-ts: bundled dist/bundle/{index,browser,cli,worker,server}.js');
