import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ImageError } from '../../src/dictionary/errors.js';
import { decodeImage, encodeImage } from '../../src/data/image.js';
import { lacFromSections, lacSections } from '../../src/data/lac-sections.js';
import { EMBEDDING_SIZE, HIDDEN_SIZE, type GruDirection, type LacModel } from '../../src/paddle/model.js';

/** A small model of the real shapes (three characters, two labels, one layer), its numbers made up. */
function smallModel(): LacModel {
  let seed = 3;
  const floats = (n: number): Float32Array => Float32Array.from({ length: n }, () => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32) - 0.5);
  const H = HIDDEN_SIZE;
  const direction = (): GruDirection => ({ projection: floats(EMBEDDING_SIZE * 3 * H), projectionBias: floats(3 * H), recurrent: floats(3 * H * H), recurrentBias: floats(3 * H) });
  const labels = ['n-B', 'O'];
  return {
    vocabulary: new Map([['我', 0], ['爱', 1], ['OOV', 2]]),
    words: new Map([[0, '我'], [1, '爱'], [2, 'OOV']]),
    oov: 2,
    labels,
    embedding: floats(3 * EMBEDDING_SIZE),
    layers: [{ inputSize: EMBEDDING_SIZE, forward: direction(), backward: direction() }],
    emission: floats(2 * H * labels.length),
    emissionBias: floats(labels.length),
    transitions: floats((labels.length + 2) * labels.length),
  };
}

describe('paddle-mode model in image sections', () => {
  it('comes back from an image as it went in', () => {
    const model = smallModel();
    const back = lacFromSections(decodeImage(encodeImage(lacSections(model)), 'small'), 'small');
    assert.deepEqual(back, model);
  });

  it('refuses a misshapen or missing section with an ImageError naming it', () => {
    const sections = lacSections(smallModel());
    const short = { ...sections, 'lac.crf': new Float32Array(3) };
    assert.throws(() => lacFromSections(decodeImage(encodeImage(short), 'short'), 'short'), (error: Error) => error instanceof ImageError && /short has no valid lac\.crf section/.test(error.message));
    const { 'lac.0f.fc.w': _, ...noLayers } = sections;
    assert.throws(() => lacFromSections(decodeImage(encodeImage(noLayers), 'none'), 'none'), ImageError);
  });
});
