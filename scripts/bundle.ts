/**
 * Bundle each entry point into one self-contained file under dist/bundle/,
 * which package.json's `exports` and `bin` point at: one file loads several
 * times faster than the modules tsc emits (start-up is a goal). Every
 * bundle sits one folder below dist/ like the modules, so the data URLs
 * they compute from `import.meta.url` stay right.
 *
 * The library is one module, `src/index.ts`, built for three platforms by
 * swapping the module it takes its platform from:
 *
 * - `index.js` and `index.cjs`: Node.js, Deno and Bun (`node-platform`);
 *   the CommonJS build lets `require('jieba-ts')` work on every Node.js 20;
 * - `browser.js`: browsers, workers, edge runtimes (`browser-platform`);
 * - `embedded.js`: the same with the default dictionary inside, as base64
 *   of `dist/data/default.img.gz` (`embedded-platform`).
 *
 * `posseg-image.js` and `idf-image.js` hold only the URLs of optional
 * images, so that bundlers emit those files only for apps that import them.
 *
 * @module
 */

import { build, type BuildOptions, type Plugin } from 'esbuild';
import { readFileSync, rmSync } from 'node:fs';
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
  // Half the bytes to parse at start-up (about 2 ms of ~25); names are kept for stack traces.
  minify: true,
  keepNames: true,
  logLevel: 'warning',
};

/** Build `src/index.ts` against another platform module. */
function platformSwap(platformModule: string): Plugin {
  return {
    name: 'platform-swap',
    setup(plugin) {
      plugin.onResolve({ filter: /^\.\/node-platform\.js$/ }, () => ({ path: `${root}dist/src/${platformModule}` }));
    },
  };
}

await build({
  ...common,
  entryPoints: {
    index: 'dist/src/index.js',
    cli: 'dist/src/cli/main.js',
    worker: 'dist/src/cli/worker.js',
    'record-worker': 'dist/src/cli/record-worker.js',
    'discover-worker': 'dist/src/cli/discover-worker.js',
    'posseg-image': 'dist/src/posseg-image.js',
    'idf-image': 'dist/src/idf-image.js',
  },
});

// require('jieba-ts'): Node.js before 20.19 cannot require an ES module.
await build({
  ...common,
  entryPoints: { index: 'dist/src/index.js' },
  outExtension: { '.js': '.cjs' },
  format: 'cjs',
  platform: 'node',
  define: { 'import.meta.url': 'importMetaUrl' },
  banner: { js: 'var importMetaUrl = require("node:url").pathToFileURL(__filename).href;' },
});

await build({ ...common, entryPoints: { browser: 'dist/src/index.js' }, plugins: [platformSwap('browser-platform.js')] });

const embeddedImage = readFileSync(`${root}dist/data/default.img.gz`).toString('base64');
await build({
  ...common,
  entryPoints: { embedded: 'dist/src/index.js' },
  plugins: [platformSwap('embedded-platform.js')],
  define: { JIEBA_EMBEDDED_DEFAULT_IMAGE: JSON.stringify(embeddedImage) },
});

// 'jieba-ts/server' and 'jieba-ts/pool' take Tokenizers made by 'jieba-ts',
// and their worker threads make them: all import the index bundle instead
// of carrying a second copy of the engine.
await build({
  ...common,
  entryPoints: {
    server: 'dist/src/server/index.js',
    'server-worker': 'dist/src/server/server-worker.js',
    pool: 'dist/src/pool/index.js',
    'node-worker': 'dist/src/pool/node-worker.js',
  },
  plugins: [
    {
      name: 'index-bundle',
      setup(plugin) {
        plugin.onResolve({ filter: /^\.\.\/index\.js$/ }, () => ({ path: './index.js', external: true }));
      },
    },
  ],
});
// 'jieba-ts/pool' in browsers: the pool and its module worker import the
// browser build and the modules that name the POS and IDF images.
await build({
  ...common,
  entryPoints: { 'pool-browser': 'dist/src/pool/browser-index.js', 'browser-worker': 'dist/src/pool/browser-worker.js' },
  plugins: [
    {
      name: 'browser-bundles',
      setup(plugin) {
        plugin.onResolve({ filter: /^\.\.\/index\.js$/ }, () => ({ path: './browser.js', external: true }));
        plugin.onResolve({ filter: /^\.\.\/(posseg|idf)-image\.js$/ }, (args) => ({ path: `./${args.path.slice(3)}`, external: true }));
      },
    },
  ],
});
console.log('jieba-ts: bundled dist/bundle/{index,browser,embedded,posseg-image,idf-image,cli,worker,discover-worker,server,server-worker,pool,node-worker,pool-browser,browser-worker}.js and index.cjs');
