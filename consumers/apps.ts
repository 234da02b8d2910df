/**
 * The small programs the consumer matrix builds and runs, as a user would
 * write them. Each cuts the seed news transcript line by line and gives
 * back what `jieba -d -q` prints for it: on standard output (Node, Bun,
 * Deno), as `window.__result` (pages, workers) or as the HTTP response
 * (workerd).
 *
 * @module
 */

import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** `jieba -d -q` of the input, from a `cut` function: what every app computes. */
const SEGMENT = "const segment = (cut) => INPUT.split('\\n').slice(0, -1).map((line) => cut(line).join(' ')).join('\\n') + '\\n';";

/** A page script's ending: publish the result, or the error. */
function publish(body: string): string {
  return `try {\n${body}\n} catch (error) {\n  window.__error = String((error && error.stack) || error);\n}\n`;
}

/** The HTML page that runs `script` (a module unless `classic`). */
function page(script: string, classic = false): string {
  return `<!doctype html><meta charset="utf-8"><title>jieba-ts consumer</title><script ${classic ? '' : 'type="module" '}src="${script}"></script>\n`;
}

/** A Node.js app that sends every line to a pool made with `options` (source text) at once and prints the answers in order. */
function poolApp(input: string, options: string): string {
  return [
    "import { createPool } from 'jieba-ts/pool';",
    `import { INPUT } from '${input}';`,
    `const pool = await createPool(${options});`,
    "const lines = INPUT.split('\\n').slice(0, -1);",
    'const words = await Promise.all(lines.map((line) => pool.cut(line)));',
    'pool.close();',
    "process.stdout.write(words.map((w) => w.join(' ')).join('\\n') + '\\n');",
    '',
  ].join('\n');
}

/** A page script that loads the dictionary from a file its bundler copied: `importFile` imports it as `dictionary`. */
function fileLoaderApp(importFile: string): string {
  return publish(
    [
      `  ${importFile}`,
      "  const { cut, load } = await import('jieba-ts');",
      "  const { INPUT } = await import('../input.mjs');",
      `  ${SEGMENT}`,
      '  await load({ dict: new URL(dictionary, import.meta.url) });',
      '  window.__result = segment(cut);',
    ].join('\n'),
  );
}

/** Files of the apps, by path relative to the project. */
export function appFiles(input: string): Record<string, string> {
  const inputModule = `export const INPUT = ${JSON.stringify(input)};\n`;
  return {
    'input.mjs': inputModule,
    'input.cjs': `exports.INPUT = ${JSON.stringify(input)};\n`,
    'input.txt': input,

    // Node.js, Bun and Deno.
    'esm.mjs': `import { cut } from 'jieba-ts';\nimport { INPUT } from './input.mjs';\n${SEGMENT}\nprocess.stdout.write(segment(cut));\n`,
    'cjs.cjs': `const { cut } = require('jieba-ts');\nconst { INPUT } = require('./input.cjs');\n${SEGMENT}\nprocess.stdout.write(segment(cut));\n`,
    'default.mjs': `import jieba from 'jieba-ts';\nimport { INPUT } from './input.mjs';\n${SEGMENT}\nprocess.stdout.write(segment(jieba.cut));\n`,
    'embedded.mjs': `import { cut } from 'jieba-ts/embedded';\nimport { INPUT } from './input.mjs';\n${SEGMENT}\nprocess.stdout.write(segment(cut));\n`,
    // Every line to a pool of worker threads at once; the answers, in order.
    'pool.mjs': poolApp('./input.mjs', '{ size: 2 }'),
    // The pool with its worker bundled as an entry of its own (esbuild, Rollup), named by workerUrl.
    'esbuild/pool-worker-url.mjs': poolApp('../input.mjs', "{ size: 2, workerUrl: new URL('./jieba-worker.js', import.meta.url) }"),
    // The worker entry: jieba-ts's, and a word on standard error to show that this script ran.
    'esbuild/jieba-worker.mjs': "import 'jieba-ts/pool/worker';\nprocess.stderr.write('our worker script\\n');\n",
    // The companion packages: found when installed, named when not.
    'companions.mjs': [
      "import { BIG_DICTIONARY, Tokenizer, cut } from 'jieba-ts';",
      'const attempt = (f) => { try { return f(); } catch (error) { return `${error.name}: ${error.message}`; } };',
      'process.stdout.write(JSON.stringify({',
      "  big: attempt(() => new Tokenizer({ dict: BIG_DICTIONARY }).cut('我來到北京清華大學')),",
      "  paddle: attempt(() => cut('我来到北京清华大学', { paddle: true })),",
      '}));',
      '',
    ].join('\n'),

    // Browsers: the main entry under the browser condition, loaded first.
    'web/main.js': publish(
      [
        "  const { cut, load } = await import('jieba-ts');",
        "  const { INPUT } = await import('../input.mjs');",
        `  ${SEGMENT}`,
        '  await load();',
        '  const here = segment(cut);',
        "  const worker = new Worker(new URL('./worker.js', import.meta.url), { type: 'module' });",
        '  const there = await new Promise((resolve, reject) => { worker.onmessage = (event) => resolve(event.data); worker.onerror = (event) => reject(new Error(event.message)); });',
        "  if (there !== here) throw new Error('the module worker cut differently: ' + String(there).slice(0, 300));",
        '  window.__result = here;',
      ].join('\n'),
    ),
    'web/worker.js': [
      "import { cut, load } from 'jieba-ts';",
      "import { INPUT } from '../input.mjs';",
      SEGMENT,
      'load().then(() => postMessage(segment(cut)), (error) => postMessage(String(error)));',
      '',
    ].join('\n'),
    'web/page-only.js': publish(
      [
        "  const { cut, load } = await import('jieba-ts');",
        "  const { INPUT } = await import('../input.mjs');",
        `  ${SEGMENT}`,
        '  await load();',
        '  window.__result = segment(cut);',
      ].join('\n'),
    ),
    'web/index.html': page('./main.js'),
    // jieba-ts/pool in a page: its module workers, bundled by the app's bundler.
    'web-pool/main.js': publish(
      [
        "  const { createPool } = await import('jieba-ts/pool');",
        "  const { INPUT } = await import('../input.mjs');",
        '  const pool = await createPool({ size: 2 });',
        "  const lines = INPUT.split('\\n').slice(0, -1);",
        '  const words = await Promise.all(lines.map((line) => pool.cut(line)));',
        '  pool.close();',
        "  window.__result = words.map((w) => w.join(' ')).join('\\n') + '\\n';",
      ].join('\n'),
    ),
    'web-pool/index.html': page('./main.js'),

    // esbuild for browsers: the image imported as a file, which esbuild copies and names.
    'esbuild/browser.js': fileLoaderApp("const { default: dictionary } = await import('jieba-ts/data/default.img.gz');"),
    'esbuild/module-worker.js': [
      "import dictionary from 'jieba-ts/data/default.img.gz';",
      "import { cut, load } from 'jieba-ts';",
      "import { INPUT } from '../input.mjs';",
      SEGMENT,
      'load({ dict: new URL(dictionary, import.meta.url) }).then(() => postMessage(segment(cut)), (error) => postMessage(String(error)));',
      '',
    ].join('\n'),
    'esbuild/embedded-iife.js': [
      "import { cut } from 'jieba-ts/embedded';",
      "import { INPUT } from '../input.mjs';",
      SEGMENT,
      "if (typeof window !== 'undefined') {",
      "  try { window.__result = segment(cut); } catch (error) { window.__error = String((error && error.stack) || error); }",
      '} else {',
      '  postMessage(segment(cut));',
      '}',
      '',
    ].join('\n'),

    // esbuild for browsers, jieba-ts/pool: the worker an entry of its own, named by workerUrl; the images beside, as in the package.
    'esbuild/web-pool.js': publish(
      [
        "  const { createPool } = await import('jieba-ts/pool');",
        "  const { INPUT } = await import('../input.mjs');",
        "  const pool = await createPool({ size: 2, workerUrl: new URL('./jieba-worker.js', import.meta.url) });",
        "  const lines = INPUT.split('\\n').slice(0, -1);",
        '  const words = await Promise.all(lines.map((line) => pool.cut(line)));',
        '  pool.close();',
        "  window.__result = words.map((w) => w.join(' ')).join('\\n') + '\\n';",
      ].join('\n'),
    ),
    'esbuild/web-pool-worker.js': "import 'jieba-ts/pool/worker';\n",

    // Bun's bundler for browsers: the image imported as a file, Bun's way.
    'bun/browser.js': fileLoaderApp("const { default: dictionary } = await import('jieba-ts/data/default.img.gz', { with: { type: 'file' } });"),
    // Vercel's edge runtime: the `edge-light` condition, no code generation (so no WebAssembly compiled from bytes).
    'edge/app.js': [
      "import { cut } from 'jieba-ts';",
      "import { INPUT } from '../input.mjs';",
      SEGMENT,
      'globalThis.__result = segment(cut);',
      '',
    ].join('\n'),

    // Cloudflare's workerd: the `workerd` condition leads to the embedded build.
    'workerd/worker.js': [
      "import { cut } from 'jieba-ts';",
      "import { INPUT } from '../input.mjs';",
      SEGMENT,
      'export default { fetch() { return new Response(segment(cut)); } };',
      '',
    ].join('\n'),

    // TypeScript consumers: the same program, typed, with checks that the types are real (not any).
    'ts/app.ts': [
      "import { cut, tokenize, Tokenizer, DEFAULT_DICTIONARY, type Token, type LoadOptions, type StreamMode, type IdfTable, type PackagedImage } from 'jieba-ts';",
      "import jieba from 'jieba-ts';",
      "import { INPUT } from './input.js';",
      "const segment = (cutter: (text: string) => string[]): string => INPUT.split('\\n').slice(0, -1).map((line) => cutter(line).join(' ')).join('\\n') + '\\n';",
      "const tokens: Token[] = tokenize('永和服装');",
      "const options: LoadOptions = { pos: true };",
      "const mode: StreamMode = 'search';",
      'const image: PackagedImage = DEFAULT_DICTIONARY;',
      'const median = (table: IdfTable): number => table.median;',
      '// @ts-expect-error a dictionary reference is not a number (fails if the types were `any`)',
      'const wrong: number = DEFAULT_DICTIONARY;',
      'const typeChecks = (): void => {',
      '  // @ts-expect-error cut takes a string',
      '  cut(42);',
      '};',
      'void [tokens, options, mode, image, median, wrong, Tokenizer, typeChecks];',
      'if (jieba.cut !== cut) throw new Error("the default export differs");',
      'process.stdout.write(segment(cut));',
      '',
    ].join('\n'),
    'ts/input.ts': `export const INPUT: string = ${JSON.stringify(input)};\n`,
    'ts/browser.ts': [
      "import { cut, load, Tokenizer } from 'jieba-ts/browser';",
      "import * as embedded from 'jieba-ts/embedded';",
      "import { POS_MODEL } from 'jieba-ts/images/posseg';",
      "import { IDF_TABLE } from 'jieba-ts/images/idf';",
      "import { BIG_DICTIONARY } from 'jieba-ts-big';",
      "import { PADDLE_MODEL } from 'jieba-ts-paddle';",
      'export async function start(): Promise<string[]> {',
      '  await load({ pos: POS_MODEL, keywords: IDF_TABLE, paddle: PADDLE_MODEL });',
      '  const big: Tokenizer = await Tokenizer.load({ dict: BIG_DICTIONARY });',
      "  // @ts-expect-error a dictionary reference is not a number (fails if the types were `any`)",
      '  const wrong: number = BIG_DICTIONARY;',
      '  void wrong;',
      "  return [...cut('我来到北京清华大学'), ...big.cut('清華大學'), ...embedded.cut('你好')];",
      '}',
      '',
    ].join('\n'),
  };
}

/** Write `files` under `dir`. */
export function writeFiles(dir: string, files: Record<string, string>): void {
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), content);
  }
}

/** Pages for built browser apps, by path relative to their folder. */
export const PAGES = {
  module: page('./main.js'),
  /** A page whose Content Security Policy forbids compiling WebAssembly (no 'wasm-unsafe-eval'). */
  strictCsp: `<!doctype html><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="default-src 'self'; script-src 'self'"><script type="module" src="./main.js"></script>\n`,
  classic: page('./main.js', true),
  classicWorker: `<!doctype html><meta charset="utf-8"><script>
const worker = new Worker('./worker.js');
worker.onmessage = (event) => { window.__result = event.data; };
worker.onerror = (event) => { window.__error = 'worker: ' + event.message; };
</script>\n`,
  moduleWorker: `<!doctype html><meta charset="utf-8"><script>
const worker = new Worker('./worker.js', { type: 'module' });
worker.onmessage = (event) => { window.__result = event.data; };
worker.onerror = (event) => { window.__error = 'worker: ' + event.message; };
</script>\n`,
};
