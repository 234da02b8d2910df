/**
 * The consumer matrix: each case builds one of the apps in `apps.ts` with
 * a real tool, from the packed tarball installed in a fresh project, runs
 * it, and compares its output with what `jieba -d -q` prints for the seed
 * news transcript. A case fails by throwing; it may return a note (sizes,
 * warnings) for the table.
 *
 * @module
 */

import assert from 'node:assert/strict';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { PAGES } from './apps.js';
import { undocumented, type CompilerApi } from './docs.js';
import { pageResult, root, run, runOk, startProcess, tool, type Browser, type StaticSite } from './harness.js';

/** What every case gets. */
export interface Context {
  /** A fresh project with jieba-ts and both companion packages installed from their tarballs, and the apps. */
  project: string;
  /** A fresh project with jieba-ts alone. */
  bare: string;
  /** An empty folder per case, for outputs. */
  scratch(name: string): string;
  /** The seed transcript without spaces, and what `jieba -d -q` prints for it. */
  input: string;
  expected: string;
  /** Headless Chromium, launched on first use. */
  browser(): Promise<Browser>;
  /** A static server over the folder that holds `project` and the scratch folders. */
  site: StaticSite;
  /** The site URL of a folder inside the served one. */
  urlOf(dir: string): string;
}

export interface Case {
  group: string;
  name: string;
  /** Runs in Chromium. */
  browser?: true;
  run(context: Context): Promise<string | void>;
}

const requireTool = createRequire(tool('package.json'));
const nodes = [
  { label: 'Node 20.0.0 (oldest that engines admits)', binary: tool('node-oldest/bin/node') },
  { label: 'Node 26.10.0 (newest)', binary: tool('node-newest/bin/node') },
];

/** The output must be `jieba -d -q`'s, byte for byte; show where it is not. */
function assertSegmented(actual: string, expected: string): void {
  if (actual === expected) return;
  let at = 0;
  while (at < actual.length && actual[at] === expected[at]) at++;
  throw new Error(`output differs from jieba -d -q at character ${at}: got ${JSON.stringify(actual.slice(at, at + 60))}, expected ${JSON.stringify(expected.slice(at, at + 60))}`);
}

type EsbuildApi = typeof import('esbuild');
const esbuild = (): Promise<EsbuildApi> => import('esbuild');

/** esbuild for browsers: `entry` (a path in the project) into `dir` as `name`.js, `.gz` files copied by the file loader. */
async function esbuildForBrowsers(project: string, entry: string, dir: string, name: string, format: 'esm' | 'iife'): Promise<void> {
  await (await esbuild()).build({
    entryPoints: { [name]: join(project, entry) },
    bundle: true,
    platform: 'browser',
    format,
    outdir: dir,
    loader: { '.gz': 'file' },
    logLevel: 'warning',
  });
}

/** webpack 5 in production mode for the web: `entry` (a path in the project) into `dir` as main.js. */
async function webpackForBrowsers(project: string, entry: string, dir: string): Promise<void> {
  const webpack = requireTool('webpack') as (config: object, callback: (error: Error | null, stats?: { hasErrors(): boolean; toString(options: object): string }) => void) => void;
  await new Promise<void>((resolve, reject) =>
    webpack(
      {
        mode: 'production',
        context: project,
        entry: `./${entry}`,
        target: 'web',
        output: { path: dir, filename: 'main.js', publicPath: 'auto' },
        resolveLoader: { modules: [tool('')] },
        performance: { hints: false },
      },
      (error, stats) => (error ? reject(error) : stats!.hasErrors() ? reject(new Error(stats!.toString({ all: false, errors: true }))) : resolve()),
    ),
  );
}

/** Sizes of the files a bundler emitted, and the images among them. */
function emitted(dir: string): { total: number; images: { name: string; size: number }[] } {
  const files: { name: string; size: number }[] = [];
  const walk = (d: string): void => {
    for (const entry of readdirSync(d, { withFileTypes: true })) {
      const path = join(d, entry.name);
      if (entry.isDirectory()) walk(path);
      else files.push({ name: path.slice(dir.length + 1), size: statSync(path).size });
    }
  };
  walk(dir);
  return { total: files.reduce((sum, f) => sum + f.size, 0), images: files.filter((f) => /\.img(\.gz)?|img-.*\.gz$|\.gz$/.test(f.name)) };
}

const mib = (bytes: number): string => `${(bytes / 1048576).toFixed(2)} MiB`;

/** Open the app built in `dir` in Chromium (with `page` as its index.html, unless the bundler wrote one) and check what it prints. */
async function checkInBrowser(context: Context, dir: string, page?: string, check?: () => boolean): Promise<void> {
  if (page !== undefined) writeFileSync(join(dir, 'index.html'), page);
  assertSegmented(await pageResult(await context.browser(), context.urlOf(dir), check), context.expected);
}

/**
 * A browser app that cuts must ship the default dictionary alone among the
 * images (the very bytes of the package's `default.img.gz`, whatever the
 * bundler names it), in at most 6 MB.
 */
function checkDeployment(dir: string, project: string): string {
  const { total, images } = emitted(dir);
  assert.equal(images.length, 1, `one image emitted, got ${images.map((i) => i.name).join(', ')}`);
  const shipped = readFileSync(join(project, 'node_modules/jieba-ts/dist/data/default.img.gz'));
  assert.ok(readFileSync(join(dir, images[0]!.name)).equals(shipped), `${images[0]!.name} is the package's default.img.gz`);
  assert.ok(images[0]!.size <= 2 * 1024 * 1024, `the dictionary downloads in at most 2 MB (${images[0]!.size})`);
  assert.ok(total <= 6 * 1024 * 1024, `the app ships at most 6 MB (${total})`);
  return `ships ${mib(total)}, images: ${images.map((i) => `${i.name.replace(/^.*\//, '')} ${mib(i.size)}`).join(', ')}`;
}

export const CASES: Case[] = [
  ...nodes.flatMap(({ label, binary }): Case[] => [
    ...[
      ['esm.mjs', "import { cut } from 'jieba-ts'"],
      ['cjs.cjs', "const { cut } = require('jieba-ts')"],
      ['default.mjs', "import jieba from 'jieba-ts'; jieba.cut"],
      ['embedded.mjs', "import { cut } from 'jieba-ts/embedded'"],
      ['pool.mjs', "import { createPool } from 'jieba-ts/pool' (worker threads)"],
    ].map(([app, name]): Case => ({
      group: label,
      name: name!,
      async run({ project, expected }) {
        assertSegmented((await runOk(binary, [app!], { cwd: project })).stdout, expected);
      },
    })),
    {
      group: label,
      name: 'jieba -d -q -j 2 (the CLI, with worker threads)',
      async run({ project, expected }) {
        const cli = join(project, 'node_modules/jieba-ts/bin/jieba.js');
        assertSegmented((await runOk(binary, [cli, 'input.txt', '-d', ' ', '-q', '-j', '2'], { cwd: project })).stdout, expected);
      },
    },
  ]),
  {
    group: 'Node (this machine)',
    name: 'jieba-ts-big and jieba-ts-paddle found when installed',
    async run({ project }) {
      const result = JSON.parse((await runOk(process.execPath, ['companions.mjs'], { cwd: project })).stdout) as Record<string, unknown>;
      assert.deepEqual(result, { big: ['我', '來到', '北京', '清華大學'], paddle: ['我', '来到', '北京清华大学'] });
    },
  },
  {
    group: 'Node (this machine)',
    name: 'one clear error naming the package when they are not',
    async run({ bare }) {
      const result = JSON.parse((await runOk(process.execPath, ['companions.mjs'], { cwd: bare })).stdout) as Record<string, string>;
      assert.match(result.big!, /^FetchError: cannot find the dictionary jieba-ts-big\/big\.img\.gz \(the package jieba-ts-big is not installed\); it ships in the package jieba-ts-big: npm install jieba-ts-big$/);
      assert.match(result.paddle!, /^FetchError: cannot find the paddle-mode model jieba-ts-paddle\/paddle\.img .*npm install jieba-ts-paddle$/);
      const cli = await run(process.execPath, [join(bare, 'node_modules/jieba-ts/bin/jieba.js'), '--big', '-q', 'input.txt'], { cwd: bare });
      assert.equal(cli.status, 1);
      assert.match(cli.stderr, /^jieba: cannot find the dictionary jieba-ts-big\/big\.img\.gz .*npm install jieba-ts-big\n$/);
    },
  },

  ...[
    { version: 'TypeScript 7', tsc: [join(root, 'node_modules/typescript/bin/tsc')] },
    { version: 'TypeScript 5.9', tsc: [tool('typescript-5/bin/tsc')] },
  ].flatMap(({ version, tsc }): Case[] => {
    const compile = (cwd: string, options: Record<string, unknown>, files: string[]): Promise<unknown> => {
      writeFileSync(join(cwd, 'tsconfig.json'), JSON.stringify({ compilerOptions: { strict: true, skipLibCheck: false, ...options }, files }, null, 2));
      return runOk(process.execPath, [...tsc, '-p', 'tsconfig.json'], { cwd });
    };
    const types = { typeRoots: [tool('@types')], types: ['node'] };
    return [
      {
        group: version,
        name: 'module nodenext, compiled and run',
        async run({ project, scratch, expected }) {
          const dir = scratch(`${version}-nodenext`);
          // Inside the project (for node_modules), in a folder of its own.
          const inProject = join(project, dir.split('/').pop()!);
          mkdirSync(inProject, { recursive: true });
          for (const file of ['app.ts', 'input.ts']) copyFileSync(join(project, 'ts', file), join(inProject, file));
          await compile(inProject, { module: 'nodenext', moduleResolution: 'nodenext', target: 'es2022', outDir: 'out', verbatimModuleSyntax: true, ...types }, ['app.ts', 'input.ts']);
          assertSegmented((await runOk(process.execPath, ['out/app.js'], { cwd: inProject })).stdout, expected);
        },
      },
      {
        group: version,
        name: 'moduleResolution bundler, type-checked',
        async run({ project }) {
          const dir = join(project, `${version.replace(/\W+/g, '-')}-bundler`);
          mkdirSync(dir, { recursive: true });
          for (const file of ['app.ts', 'input.ts']) copyFileSync(join(project, 'ts', file), join(dir, file));
          await compile(dir, { module: 'esnext', moduleResolution: 'bundler', target: 'es2022', noEmit: true, ...types }, ['app.ts', 'input.ts']);
        },
      },
      {
        group: version,
        name: 'browser only: lib dom, no @types/node, skipLibCheck false',
        async run({ project }) {
          const dir = join(project, `${version.replace(/\W+/g, '-')}-browser`);
          mkdirSync(dir, { recursive: true });
          copyFileSync(join(project, 'ts/browser.ts'), join(dir, 'browser.ts'));
          await compile(dir, { module: 'esnext', moduleResolution: 'bundler', target: 'es2022', lib: ['es2022', 'dom'], types: [], noEmit: true }, ['browser.ts']);
        },
      },
    ];
  }),
  {
    group: 'TypeScript 5.9',
    name: 'TSDoc on every public symbol the three packages declare, and an example on every function, class, constant and method',
    async run({ project }) {
      const packages = ['jieba-ts', 'jieba-ts-paddle', 'jieba-ts-big'].map((name) => join(project, 'node_modules', name));
      const { checked, missing } = undocumented(requireTool('typescript-5') as CompilerApi, packages);
      assert.ok(checked > 200, `only ${checked} symbols found`);
      assert.deepEqual(missing, [], `undocumented in the shipped declarations:\n${missing.join('\n')}`);
      return `${checked} symbols`;
    },
  },

  {
    group: 'esbuild',
    name: 'node, CommonJS bundle: runs beside node_modules; alone, says what to do',
    async run({ project, scratch, expected }) {
      const out = join(project, 'out-esbuild-cjs.cjs');
      const result = await (await esbuild()).build({ entryPoints: [join(project, 'esm.mjs')], bundle: true, platform: 'node', format: 'cjs', outfile: out, logLevel: 'silent' });
      assertSegmented((await runOk(process.execPath, [out], { cwd: project })).stdout, expected);
      const alone = scratch('esbuild-cjs-alone');
      copyFileSync(out, join(alone, 'app.cjs'));
      const failed = await run(process.execPath, ['app.cjs'], { cwd: alone });
      assert.equal(failed.status, 1);
      assert.match(failed.stderr, /cannot find the default dictionary jieba-ts\/dist\/data\/default\.img .*deploy node_modules\/jieba-ts beside the bundle, or import from 'jieba-ts\/embedded'/);
      return `${result.warnings.length} esbuild warning(s)${result.warnings.length ? `: ${result.warnings[0]!.text}` : ''}`;
    },
  },
  {
    group: 'esbuild',
    name: 'node, ESM bundle',
    async run({ project, expected }) {
      const out = join(project, 'out-esbuild-esm.mjs');
      await (await esbuild()).build({ entryPoints: [join(project, 'esm.mjs')], bundle: true, platform: 'node', format: 'esm', outfile: out, logLevel: 'warning' });
      assertSegmented((await runOk(process.execPath, [out], { cwd: project })).stdout, expected);
    },
  },
  {
    group: 'esbuild',
    name: 'node, ESM bundle of jieba-ts/pool: its workers found beside node_modules; alone, says what to do',
    async run({ project, scratch, expected }) {
      const dir = join(project, 'out-esbuild-pool');
      await (await esbuild()).build({ entryPoints: [join(project, 'pool.mjs')], bundle: true, platform: 'node', format: 'esm', outdir: dir, logLevel: 'warning' });
      assert.ok(!existsSync(join(dir, 'node-worker.js')), 'esbuild leaves the worker script behind');
      assertSegmented((await runOk(process.execPath, [join(dir, 'pool.js')], { cwd: project })).stdout, expected);
      const alone = scratch('esbuild-pool-alone');
      copyFileSync(join(dir, 'pool.js'), join(alone, 'app.mjs'));
      const failed = await run(process.execPath, ['app.mjs'], { cwd: alone });
      assert.equal(failed.status, 1);
      assert.match(failed.stderr, /cannot find the worker script node-worker\.js .*bundle 'jieba-ts\/pool\/worker' as an entry of its own and pass its path as the option workerUrl/);
    },
  },
  {
    group: 'esbuild',
    name: 'node, ESM bundle of jieba-ts/pool with jieba-ts/pool/worker as an entry of its own, named by workerUrl',
    async run({ project, scratch, expected }) {
      const dir = scratch('esbuild-pool-worker');
      await (await esbuild()).build({
        entryPoints: { app: join(project, 'esbuild/pool-worker-url.mjs'), 'jieba-worker': join(project, 'esbuild/jieba-worker.mjs') },
        bundle: true,
        platform: 'node',
        format: 'esm',
        outdir: dir,
        logLevel: 'warning',
      });
      const result = await runOk(process.execPath, [join(dir, 'app.js')], { cwd: project });
      assertSegmented(result.stdout, expected);
      assert.equal(result.stderr, 'our worker script\nour worker script\n');
    },
  },
  {
    group: 'esbuild',
    name: 'node, single file with jieba-ts/embedded, run alone on Node 20.0 and here',
    async run({ project, scratch, expected }) {
      const alone = scratch('esbuild-embedded');
      const out = join(alone, 'app.cjs');
      await (await esbuild()).build({ entryPoints: [join(project, 'embedded.mjs')], bundle: true, platform: 'node', format: 'cjs', outfile: out, logLevel: 'warning' });
      for (const binary of [process.execPath, nodes[0]!.binary]) assertSegmented((await runOk(binary, [out], { cwd: alone })).stdout, expected);
      return `bundle ${mib(statSync(out).size)}`;
    },
  },
  {
    group: 'esbuild',
    name: 'browser ESM, the image imported with the file loader',
    browser: true,
    async run(context) {
      const dir = context.scratch('esbuild-browser');
      await esbuildForBrowsers(context.project, 'esbuild/browser.js', dir, 'main', 'esm');
      await checkInBrowser(context, dir, PAGES.module);
      return checkDeployment(dir, context.project);
    },
  },
  {
    group: 'esbuild',
    name: 'browser ESM, jieba-ts/pool with jieba-ts/pool/worker as an entry of its own, named by workerUrl',
    browser: true,
    async run(context) {
      const dir = context.scratch('esbuild-web-pool');
      await (await esbuild()).build({
        entryPoints: { main: join(context.project, 'esbuild/web-pool.js'), 'jieba-worker': join(context.project, 'esbuild/web-pool-worker.js') },
        bundle: true,
        platform: 'browser',
        format: 'esm',
        outdir: join(dir, 'assets'),
        logLevel: 'warning',
      });
      // The worker fetches its images from ../data/, as in the package: copy them there.
      const data = join(context.project, 'node_modules/jieba-ts/dist/data');
      mkdirSync(join(dir, 'data'));
      for (const name of readdirSync(data).filter((n) => n.endsWith('.gz'))) copyFileSync(join(data, name), join(dir, 'data', name));
      await checkInBrowser(context, dir, PAGES.module.replace('./main.js', './assets/main.js'));
    },
  },
  {
    group: 'esbuild',
    name: 'browser IIFE (classic script) with jieba-ts/embedded',
    browser: true,
    async run(context) {
      const dir = context.scratch('esbuild-iife');
      await esbuildForBrowsers(context.project, 'esbuild/embedded-iife.js', dir, 'main', 'iife');
      await checkInBrowser(context, dir, PAGES.classic);
      return `bundle ${mib(statSync(join(dir, 'main.js')).size)}`;
    },
  },

  {
    group: 'esbuild',
    name: "browser ESM under a Content Security Policy without 'wasm-unsafe-eval' (WebAssembly refused)",
    browser: true,
    async run(context) {
      const dir = context.scratch('esbuild-csp');
      await esbuildForBrowsers(context.project, 'esbuild/browser.js', dir, 'main', 'esm');
      // The policy must really refuse WebAssembly, or this case would prove nothing.
      const refused = (): boolean => {
        try {
          const wasm = (globalThis as unknown as { WebAssembly: { Module: new (bytes: Uint8Array) => object } }).WebAssembly;
          new wasm.Module(new Uint8Array([0, 97, 115, 109, 1, 0, 0, 0]));
          return false;
        } catch {
          return true;
        }
      };
      await checkInBrowser(context, dir, PAGES.strictCsp, refused);
    },
  },
  {
    group: 'Bundlers for browsers',
    name: "Bun's bundler: browser ESM, the image imported with { type: 'file' }",
    browser: true,
    async run(context) {
      const dir = context.scratch('bun-build');
      await runOk(tool('bun/bin/bun.exe'), ['build', join(context.project, 'bun/browser.js'), '--target=browser', '--outdir', dir, '--entry-naming', 'main.js'], { cwd: context.project });
      await checkInBrowser(context, dir, PAGES.module);
      return checkDeployment(dir, context.project);
    },
  },
  {
    group: 'Web Workers in Chromium',
    name: 'classic worker: esbuild IIFE of jieba-ts/embedded',
    browser: true,
    async run(context) {
      const dir = context.scratch('classic-worker');
      await esbuildForBrowsers(context.project, 'esbuild/embedded-iife.js', dir, 'worker', 'iife');
      await checkInBrowser(context, dir, PAGES.classicWorker);
    },
  },
  {
    group: 'Web Workers in Chromium',
    name: 'module worker: esbuild ESM, load() in the worker',
    browser: true,
    async run(context) {
      const dir = context.scratch('module-worker');
      await esbuildForBrowsers(context.project, 'esbuild/module-worker.js', dir, 'worker', 'esm');
      await checkInBrowser(context, dir, PAGES.moduleWorker);
    },
  },

  {
    group: 'Bundlers for browsers',
    name: 'Vite: a page and a module worker, default import conditions',
    browser: true,
    async run(context) {
      const dir = context.scratch('vite');
      const { build } = (await import('vite')) as unknown as { build(config: object): Promise<unknown> };
      await build({ root: join(context.project, 'web'), base: './', logLevel: 'warn', build: { outDir: dir, emptyOutDir: true, target: 'es2022' }, worker: { format: 'es' } });
      await checkInBrowser(context, dir);
      return checkDeployment(dir, context.project);
    },
  },
  {
    group: 'Bundlers for browsers',
    name: "Vite: jieba-ts/pool's module workers",
    browser: true,
    async run(context) {
      const dir = context.scratch('vite-pool');
      const { build } = (await import('vite')) as unknown as { build(config: object): Promise<unknown> };
      await build({ root: join(context.project, 'web-pool'), base: './', logLevel: 'warn', build: { outDir: dir, emptyOutDir: true, target: 'es2022' }, worker: { format: 'es' } });
      await checkInBrowser(context, dir);
    },
  },
  {
    group: 'Bundlers for browsers',
    name: "webpack 5: jieba-ts/pool's module workers",
    browser: true,
    async run(context) {
      const dir = context.scratch('webpack-pool');
      await webpackForBrowsers(context.project, 'web-pool/main.js', dir);
      await checkInBrowser(context, dir, PAGES.module.replace('type="module" ', ''));
    },
  },
  {
    group: 'Bundlers for browsers',
    name: 'webpack 5: a page and a module worker',
    browser: true,
    async run(context) {
      const dir = context.scratch('webpack');
      await webpackForBrowsers(context.project, 'web/main.js', dir);
      await checkInBrowser(context, dir, PAGES.module.replace('type="module" ', ''));
      return checkDeployment(dir, context.project);
    },
  },
  {
    group: 'Bundlers for browsers',
    name: 'Rollup with node-resolve and import-meta-assets',
    browser: true,
    async run(context) {
      const dir = context.scratch('rollup');
      const { rollup } = (await import(pathToFileURL(requireTool.resolve('rollup')).href)) as {
        rollup(options: object): Promise<{ write(options: object): Promise<unknown>; close(): Promise<void> }>;
      };
      const { nodeResolve } = (await import(pathToFileURL(requireTool.resolve('@rollup/plugin-node-resolve')).href)) as { nodeResolve(options: object): object };
      const { importMetaAssets } = (await import(pathToFileURL(requireTool.resolve('@web/rollup-plugin-import-meta-assets')).href)) as { importMetaAssets(): object };
      const bundle = await rollup({ input: join(context.project, 'web/page-only.js'), plugins: [nodeResolve({ browser: true, rootDir: context.project }), importMetaAssets()], onwarn() {} });
      await bundle.write({ dir, format: 'es', entryFileNames: 'main.js', inlineDynamicImports: true });
      await bundle.close();
      await checkInBrowser(context, dir, PAGES.module);
      return checkDeployment(dir, context.project);
    },
  },

  {
    group: 'Other runtimes',
    name: 'Bun 1.4: import, require and jieba-ts/embedded',
    async run({ project, expected }) {
      const bun = tool('bun/bin/bun.exe');
      for (const app of ['esm.mjs', 'cjs.cjs', 'embedded.mjs']) assertSegmented((await runOk(bun, [app], { cwd: project })).stdout, expected);
    },
  },
  {
    group: 'Other runtimes',
    name: 'Deno 2.9: the npm package from node_modules',
    async run({ project, expected }) {
      const deno = tool('deno/deno');
      for (const app of ['esm.mjs', 'embedded.mjs']) {
        assertSegmented((await runOk(deno, ['run', '--allow-read', '--allow-env', app], { cwd: project, env: { DENO_NO_UPDATE_CHECK: '1' } })).stdout, expected);
      }
    },
  },
  {
    group: 'Other runtimes',
    name: "Vercel's edge-runtime VM: the edge-light condition, code generation (and so WebAssembly) off",
    async run({ project, scratch, expected }) {
      const dir = scratch('edge-runtime');
      const out = join(dir, 'app.js');
      await (await esbuild()).build({
        entryPoints: [join(project, 'edge/app.js')],
        bundle: true,
        platform: 'neutral',
        format: 'iife',
        conditions: ['edge-light', 'worker', 'browser'],
        mainFields: ['module', 'main'],
        outfile: out,
        logLevel: 'warning',
      });
      const { EdgeRuntime } = requireTool('edge-runtime') as {
        EdgeRuntime: new (options: { initialCode: string; codeGeneration: { strings: boolean; wasm: boolean } }) => { evaluate<T>(code: string): T };
      };
      // As Vercel's edge functions: no eval, no WebAssembly compiled at run time.
      const runtime = new EdgeRuntime({ initialCode: readFileSync(out, 'utf8'), codeGeneration: { strings: false, wasm: false } });
      assertSegmented(runtime.evaluate<string>('globalThis.__result'), expected);
      const refused = runtime.evaluate<boolean>("(() => { try { new WebAssembly.Module(new Uint8Array([0, 97, 115, 109, 1, 0, 0, 0])); return false; } catch { return true; } })()");
      assert.equal(refused, true, 'the VM refuses to compile WebAssembly, so the JavaScript fallbacks ran');
    },
  },
  {
    group: 'Other runtimes',
    name: "Cloudflare's workerd: esbuild with the workerd condition, as wrangler bundles",
    async run({ project, scratch, expected }) {
      const dir = scratch('workerd');
      await (await esbuild()).build({
        entryPoints: { worker: join(project, 'workerd/worker.js') },
        bundle: true,
        platform: 'neutral',
        format: 'esm',
        conditions: ['workerd', 'worker', 'browser'],
        mainFields: ['module', 'main'],
        outdir: dir,
        logLevel: 'warning',
      });
      const port = 20000 + Math.floor(Math.random() * 20000);
      writeFileSync(
        join(dir, 'config.capnp'),
        [
          'using Workerd = import "/workerd/workerd.capnp";',
          'const config :Workerd.Config = (',
          '  services = [ (name = "main", worker = .worker) ],',
          `  sockets = [ (name = "http", address = "127.0.0.1:${port}", http = (), service = "main") ],`,
          ');',
          'const worker :Workerd.Worker = (',
          '  modules = [ (name = "worker", esModule = embed "worker.js") ],',
          '  compatibilityDate = "2026-11-01",',
          ');',
          '',
        ].join('\n'),
      );
      const server = startProcess(tool('workerd/bin/workerd'), ['serve', 'config.capnp'], dir);
      try {
        let body: string | undefined;
        for (let attempt = 0; attempt < 100 && body === undefined; attempt++) {
          try {
            const response = await fetch(`http://127.0.0.1:${port}/`);
            body = await response.text();
            assert.equal(response.status, 200, body.slice(0, 500));
          } catch (error) {
            if (error instanceof assert.AssertionError) throw error;
            await new Promise((resolve) => setTimeout(resolve, 100));
          }
        }
        assert.ok(body !== undefined, 'workerd answered');
        assertSegmented(body, expected);
      } catch (error) {
        const { stderr } = await server.stop();
        throw new Error(`${(error as Error).message}\nworkerd: ${stderr.slice(-1500)}`);
      }
      await server.stop();
      return `worker script ${mib(statSync(join(dir, 'worker.js')).size)}`;
    },
  },
];
