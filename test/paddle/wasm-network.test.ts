import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { sharedModels } from '../../src/node-platform.js';
import { crfDecode } from '../../src/paddle/crf.js';
import { lacEmissionsJs, lacLabels } from '../../src/paddle/lac.js';
import { WasmLacNetwork } from '../../src/paddle/wasm-network.js';
import { fixturePath } from '../support/fixtures.js';

const model = sharedModels.paddle();
const idsOf = (text: string): Int32Array => Int32Array.from(Array.from(text), (c) => model.vocabulary.get(c) ?? model.oov);

/** The largest difference between two arrays of scores. */
function largestDifference(a: Float32Array, b: Float32Array): number {
  assert.equal(a.length, b.length);
  let largest = 0;
  for (let i = 0; i < a.length; i++) largest = Math.max(largest, Math.abs(a[i]! - b[i]!));
  return largest;
}

describe('paddle network on WebAssembly SIMD', () => {
  const network = WasmLacNetwork.of(model);

  it('is available in Node, once per model', () => {
    assert.ok(network, 'WebAssembly SIMD kernels did not compile');
    assert.equal(WasmLacNetwork.of(model), network);
  });

  it('gives the JavaScript network\'s emission scores, to float32 rounding', () => {
    for (const text of ['我', '我爱北京天安门', '李小福是创新办主任也是云计算方面的专家', '12345 abc，。😀']) {
      const difference = largestDifference(network!.emissions(idsOf(text)), lacEmissionsJs(model, idsOf(text)));
      assert.ok(difference < 1e-3, `${text}: scores differ by ${difference}`);
    }
  });

  it('carries both directions\' states across chunks: a long text scores as the JavaScript network scores it', () => {
    // Longer than several chunks (256 characters), with no repetition the
    // GRUs could hide a wrong state in.
    const text = readFileSync(fixturePath('corpus/seed-news.txt'), 'utf8').replace(/\s+/g, '').slice(0, 1100);
    assert.equal(text.length, 1100);
    const difference = largestDifference(network!.emissions(idsOf(text)), lacEmissionsJs(model, idsOf(text)));
    assert.ok(difference < 1e-3, `scores differ by ${difference}`);
  });

  it('decodes the CRF in WebAssembly as crfDecode does, across chunks and at their edges', () => {
    const news = readFileSync(fixturePath('corpus/seed-news.txt'), 'utf8').replace(/\s+/g, '');
    const texts = ['', '我', '我爱', news.slice(0, 255), news.slice(0, 256), news.slice(0, 257), news.slice(0, 513), news.slice(0, 1100)];
    for (const line of readFileSync(fixturePath('corpus/chinese-poetry.txt'), 'utf8').split('\n').slice(0, 300)) texts.push(line);
    for (const text of texts) {
      const ids = idsOf(text);
      const expected = crfDecode(network!.emissions(ids), ids.length, model.labels.length, model.transitions);
      assert.deepEqual(network!.labels(ids), expected, `${text.length} characters: ${text.slice(0, 20)}`);
    }
  });

  it('labels the corpus fixtures as the JavaScript network does', () => {
    let characters = 0;
    // (Poems: the first 100 lines; the JavaScript network takes a second per 1,700 characters.)
    for (const name of ['seed-news.txt', 'modern-mixed.txt', 'jieba-examples.txt', 'chinese-poetry.txt']) {
      for (const line of readFileSync(fixturePath(`corpus/${name}`), 'utf8').split('\n').slice(0, 100)) {
        const text = line.trim();
        if (text === '') continue;
        assert.deepEqual(lacLabels(model, idsOf(text), 'wasm'), lacLabels(model, idsOf(text), 'js'), `${name}: ${text}`);
        characters += text.length;
      }
    }
    assert.ok(characters > 10_000, `only ${characters} characters compared`);
  });

  it('keeps first-layer rows with the bits a fresh computation gives, and computes characters past the cache', () => {
    // Two networks of their own (a model object each). The first sees 4,096
    // other characters before the text, so the text's characters find the
    // cache full and are computed each time; the second keeps them, and its
    // second pass reads them back.
    const news = readFileSync(fixturePath('corpus/seed-news.txt'), 'utf8').replace(/\s+/g, '').slice(0, 600);
    const ids = idsOf(news);
    const inText = new Set(ids);
    const others = Int32Array.from({ length: model.embedding.rows }, (_, id) => id).filter((id) => !inText.has(id)).slice(0, 4096);
    assert.equal(others.length, 4096);
    const full = WasmLacNetwork.of({ ...model })!;
    full.emissions(others);
    const computed = full.emissions(ids);
    const keeping = WasmLacNetwork.of({ ...model })!;
    const first = keeping.emissions(ids);
    const kept = keeping.emissions(ids);
    assert.deepEqual(new Uint32Array(first.buffer), new Uint32Array(computed.buffer));
    assert.deepEqual(new Uint32Array(kept.buffer), new Uint32Array(computed.buffer));
  });

  it('labels texts two at a time exactly as one at a time, whatever their lengths and order', () => {
    // Lengths that pair unevenly (the longer text finishes alone, forward
    // and reversed), an odd count, an empty text, texts past one chunk
    // (which go alone), and the same text twice.
    const news = readFileSync(fixturePath('corpus/seed-news.txt'), 'utf8').replace(/\s+/g, '');
    const texts = ['我', '我爱北京天安门', '', news.slice(0, 256), news.slice(0, 257), news.slice(0, 1100), '李小福是创新办主任也是云计算方面的专家', '李小福是创新办主任也是云计算方面的专家'];
    for (const line of readFileSync(fixturePath('corpus/chinese-poetry.txt'), 'utf8').split('\n').slice(0, 151)) texts.push(line.trim());
    for (let n = 1; n <= 40; n++) texts.push(news.slice(n * 7, n * 7 + n));
    const list = texts.map(idsOf);
    const together = network!.labelsMany(list);
    assert.equal(together.length, list.length);
    list.forEach((ids, i) => assert.deepEqual(together[i], network!.labels(ids), `text ${i} (${ids.length} characters)`));
  });
});
