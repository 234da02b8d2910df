import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ImageError } from '../../src/dictionary/errors.js';
import { decodeImage, encodeImage } from '../../src/data/image.js';
import { LAC_HALVES, lacFromSections, lacSections } from '../../src/data/lac-sections.js';
import { LacEmbedding } from '../../src/paddle/embedding.js';
import { LacVocabulary } from '../../src/paddle/vocabulary.js';
import { LacWeights } from '../../src/paddle/weights.js';
import { EMBEDDING_SIZE, HIDDEN_SIZE, type GruDirection, type LacModel } from '../../src/paddle/model.js';

/** A small model of the real shapes (three characters, two labels, one layer), its numbers made up. */
function smallModel(): LacModel {
  let seed = 3;
  const floats = (n: number): Float32Array => Float32Array.from({ length: n }, () => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32) - 0.5);
  const H = HIDDEN_SIZE;
  const direction = (): GruDirection => ({ projection: new LacWeights(floats(EMBEDDING_SIZE * 3 * H)), projectionBias: floats(3 * H), recurrent: new LacWeights(floats(3 * H * H)), recurrentBias: floats(3 * H) });
  const labels = ['n-B', 'O'];
  return {
    vocabulary: LacVocabulary.from([[0, '我'], [1, '爱'], [2, 'OOV']]),
    oov: 2,
    labels,
    embedding: new LacEmbedding(floats(3 * EMBEDDING_SIZE)),
    layers: [{ inputSize: EMBEDDING_SIZE, forward: direction(), backward: direction() }],
    emission: new LacWeights(floats(2 * H * labels.length)),
    emissionBias: floats(labels.length),
    transitions: floats((labels.length + 2) * labels.length),
  };
}

describe('paddle-mode model in image sections', () => {
  it('comes back from an image as it went in', () => {
    const model = smallModel();
    const back = lacFromSections(decodeImage(encodeImage(lacSections(model)), 'small'), 'small');
    assert.deepEqual(back, model);
    // (The embedding's and vocabulary's contents are private: deepEqual sees only their sizes.)
    assert.deepEqual(back.embedding.floats(), model.embedding.floats());
    assert.deepEqual(back.emission.floats(), model.emission.floats());
    assert.deepEqual(back.layers[0]!.backward.recurrent.floats(), model.layers[0]!.backward.recurrent.floats());
    assert.deepEqual([...back.vocabulary.entries()], [[0, '我'], [1, '爱'], [2, 'OOV']]);
  });

  it('keeps a float16 embedding in half precision, each row read as the widened floats', () => {
    const model = smallModel();
    const image = encodeImage(lacSections(model), {
      'lac.embedding': { float16: true, shuffle: true },
      'lac.0f.fc.w': { float16: true, shuffle: true },
      'lac.0b.gru.w': { float16: true },
      'lac.emission.w': { float16: true },
      'lac.0f.fc.b': { float16: true },
    });
    const widened = lacFromSections(decodeImage(image, 'wide'), 'wide');
    const kept = decodeImage(image, 'halves', LAC_HALVES);
    for (const name of ['lac.embedding', 'lac.0f.fc.w', 'lac.0b.gru.w', 'lac.emission.w']) assert.ok(kept.get(name) instanceof Uint16Array, name);
    assert.ok(kept.get('lac.0f.fc.b') instanceof Float32Array, 'a bias is no matrix: widened at load');
    const halves = lacFromSections(kept, 'halves');
    // The matrices kept in half precision read as the widened floats, whole or in part.
    for (const pick of [(m: LacModel) => m.layers[0]!.forward.projection, (m: LacModel) => m.layers[0]!.backward.recurrent, (m: LacModel) => m.emission]) {
      assert.equal(pick(halves).halves, true);
      assert.equal(pick(widened).halves, false);
      assert.deepEqual(pick(halves).floats(), pick(widened).floats());
      const part = new Float32Array(12).fill(7);
      pick(halves).copyTo(part, 1, 5, 10);
      assert.deepEqual(part.subarray(1, 11), pick(widened).floats().subarray(5, 15));
      assert.equal(part[0], 7);
      assert.equal(part[11], 7);
    }
    assert.notDeepEqual(halves.emission.floats(), model.emission.floats(), 'float16 rounds');
    assert.throws(() => halves.emission.copyTo(new Float32Array(10), 0, halves.emission.length - 2, 3), RangeError);
    const expected = widened.embedding.floats();
    assert.notDeepEqual(expected, model.embedding.floats(), 'float16 rounds');
    assert.deepEqual(halves.embedding.floats(), expected);
    for (let id = 0; id < halves.embedding.rows; id++) {
      const row = new Float32Array(EMBEDDING_SIZE + 2).fill(7);
      halves.embedding.copyRow(id, row, 1);
      assert.deepEqual(row.subarray(1, 1 + EMBEDDING_SIZE), expected.subarray(id * EMBEDDING_SIZE, (id + 1) * EMBEDDING_SIZE));
      assert.equal(row[0], 7);
      assert.equal(row[EMBEDDING_SIZE + 1], 7);
    }
  });

  it('refuses a misshapen or missing section with an ImageError naming it', () => {
    const sections = lacSections(smallModel());
    const short = { ...sections, 'lac.crf': new Float32Array(3) };
    assert.throws(() => lacFromSections(decodeImage(encodeImage(short), 'short'), 'short'), (error: Error) => error instanceof ImageError && /short has no valid lac\.crf section/.test(error.message));
    const { 'lac.0f.fc.w': _, ...noLayers } = sections;
    assert.throws(() => lacFromSections(decodeImage(encodeImage(noLayers), 'none'), 'none'), ImageError);
  });
});
