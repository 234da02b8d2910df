import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';
import { Tokenizer } from '../../src/index.js';
import { repoPath } from '../support/fixtures.js';

/**
 * Some runtimes (edge workers among them) have no WebAssembly, or forbid
 * compiling it. There the tagger must decode with RealPathViterbi and give
 * the same tags. A child process deletes `WebAssembly` before it loads
 * jieba-ts, so the compiled decoder answers that it cannot run.
 */
describe('POS tagging without WebAssembly', () => {
  it('falls back to the JavaScript decoder, with the same tags', () => {
    // Tang poems (traditional: unlisted and silent characters) and the seed news.
    const lines = ['chinese-poetry.txt', 'seed-news.txt']
      .flatMap((name) => readFileSync(repoPath(`test/fixtures/corpus/${name}`), 'utf8').split('\n'))
      .filter((line) => line.length > 0)
      .slice(0, 400);
    const index = pathToFileURL(repoPath('dist/src/index.js')).href;
    const decoder = pathToFileURL(repoPath('dist/src/posseg/wasm-real-path.js')).href;
    const script = `
      delete globalThis.WebAssembly;
      const { Tokenizer } = await import(${JSON.stringify(index)});
      const { WasmRealPathViterbi } = await import(${JSON.stringify(decoder)});
      const tokenizer = new Tokenizer();
      const lines = JSON.parse(await new Promise((resolve) => { let s = ''; process.stdin.on('data', (d) => (s += d)).on('end', () => resolve(s)); }));
      const tags = lines.map((line) => tokenizer.tag(line).map(({ word, tag }) => word + '/' + tag).join(' '));
      const { sharedModels } = await import(${JSON.stringify(pathToFileURL(repoPath('dist/src/node-platform.js')).href)});
      const compiled = new WasmRealPathViterbi().decode(sharedModels.pos().model, '天气', 0, 2);
      process.stdout.write(JSON.stringify({ compiled: compiled === undefined ? 'unavailable' : 'ran', tags }));
    `;
    const output = execFileSync(process.execPath, ['--input-type=module', '-e', script], { input: JSON.stringify(lines), encoding: 'utf8', maxBuffer: 64 << 20 });
    const child = JSON.parse(output) as { compiled: string; tags: string[] };
    assert.equal(child.compiled, 'unavailable');
    const tokenizer = new Tokenizer();
    const expected = lines.map((line) => tokenizer.tag(line).map(({ word, tag }) => `${word}/${tag}`).join(' '));
    assert.deepEqual(child.tags, expected);
  });

  it('on an engine without SIMD, runs the scalar module, with the same tags', () => {
    const lines = readFileSync(repoPath('test/fixtures/corpus/chinese-poetry.txt'), 'utf8')
      .split('\n')
      .filter((line) => line.length > 0)
      .slice(0, 300);
    const index = pathToFileURL(repoPath('dist/src/index.js')).href;
    const decoder = pathToFileURL(repoPath('dist/src/posseg/wasm-real-path.js')).href;
    const kernels = pathToFileURL(repoPath('dist/src/posseg/kernels-wasm.js')).href;
    // The engine refuses the SIMD module, as one without SIMD would; every other module compiles.
    const script = `
      const { WASM_SIMD_BASE64 } = await import(${JSON.stringify(kernels)});
      const simd = Buffer.from(WASM_SIMD_BASE64, 'base64');
      const Module = WebAssembly.Module;
      let refused = 0;
      WebAssembly.Module = function (bytes) {
        if (Buffer.from(bytes).equals(simd)) { refused++; throw new WebAssembly.CompileError('no SIMD here'); }
        return new Module(bytes);
      };
      const { Tokenizer } = await import(${JSON.stringify(index)});
      const { WasmRealPathViterbi } = await import(${JSON.stringify(decoder)});
      const lines = JSON.parse(await new Promise((resolve) => { let s = ''; process.stdin.on('data', (d) => (s += d)).on('end', () => resolve(s)); }));
      const tags = lines.map((line) => new Tokenizer().tag(line).map(({ word, tag }) => word + '/' + tag).join(' '));
      const { sharedModels } = await import(${JSON.stringify(pathToFileURL(repoPath('dist/src/node-platform.js')).href)});
      const compiled = new WasmRealPathViterbi().decode(sharedModels.pos().model, '天气', 0, 2);
      process.stdout.write(JSON.stringify({ compiled: compiled === undefined ? 'unavailable' : 'ran', refused, tags }));
    `;
    const output = execFileSync(process.execPath, ['--input-type=module', '-e', script], { input: JSON.stringify(lines), encoding: 'utf8', maxBuffer: 64 << 20 });
    const child = JSON.parse(output) as { compiled: string; refused: number; tags: string[] };
    assert.equal(child.compiled, 'ran');
    assert.ok(child.refused >= 1, 'the SIMD module was never tried');
    const expected = lines.map((line) => new Tokenizer().tag(line).map(({ word, tag }) => `${word}/${tag}`).join(' '));
    assert.deepEqual(child.tags, expected);
  });
});
