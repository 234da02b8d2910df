import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';
import { Tokenizer } from '../../src/index.js';
import { repoPath } from '../support/fixtures.js';

/**
 * Where WebAssembly is missing, paddle mode reads its image in JavaScript
 * (filters undone, the float16 matrices widened, the embedding kept in half
 * precision and widened a row at a time) and runs the network in
 * JavaScript: the same words and tags. A child process deletes
 * `WebAssembly` before it loads jieba-ts.
 */
describe('paddle mode without WebAssembly', () => {
  it('reads the model and labels as with WebAssembly', () => {
    const lines = readFileSync(repoPath('test/fixtures/corpus/seed-news.txt'), 'utf8')
      .split('\n')
      .filter((line) => line.length > 0 && line.length < 60)
      .slice(0, 6);
    lines.push('李小福是创新办主任也是云计算方面的专家', '床前明月光，疑是地上霜。');
    const index = pathToFileURL(repoPath('dist/src/index.js')).href;
    const script = `
      delete globalThis.WebAssembly;
      const { Tokenizer } = await import(${JSON.stringify(index)});
      const tokenizer = new Tokenizer();
      const lines = JSON.parse(await new Promise((resolve) => { let s = ''; process.stdin.on('data', (d) => (s += d)).on('end', () => resolve(s)); }));
      process.stdout.write(JSON.stringify(lines.map((line) => tokenizer.tag(line, { paddle: true }).map(({ word, tag }) => word + '/' + tag).join(' '))));
    `;
    const output = execFileSync(process.execPath, ['--input-type=module', '-e', script], { input: JSON.stringify(lines), encoding: 'utf8', maxBuffer: 16 << 20 });
    const tokenizer = new Tokenizer();
    const expected = lines.map((line) => tokenizer.tag(line, { paddle: true }).map(({ word, tag }) => `${word}/${tag}`).join(' '));
    assert.deepEqual(JSON.parse(output), expected);
    assert.ok(expected.join('').length > 200);
  });
});
