/**
 * The paddle-mode model (`LacModel`) in image sections, and back, every
 * shape checked.
 *
 * @module
 */

import { ImageError } from '../dictionary/errors.js';
import { LacEmbedding } from '../paddle/embedding.js';
import { LacWeights } from '../paddle/weights.js';
import { LacVocabulary, VOCABULARY_SEPARATOR } from '../paddle/vocabulary.js';
import { EMBEDDING_SIZE, HIDDEN_SIZE, type BiGruLayer, type GruDirection, type LacModel } from '../paddle/model.js';
import type { SectionArray } from './image.js';
import type { SectionBlocks } from './image-blocks.js';

const encoder = new TextEncoder();
const decoder = new TextDecoder('utf-8', { fatal: true });

/**
 * The image sections of a model.
 *
 * @example
 * encodeImage(lacSections(model));
 */
export function lacSections(model: LacModel): Record<string, SectionArray> {
  const words = [...model.vocabulary.entries()];
  const sections: Record<string, SectionArray> = {
    'lac.vocab.ids': Int32Array.from(words.map(([id]) => id)),
    'lac.vocab.words': encoder.encode(words.map(([, word]) => word).join(VOCABULARY_SEPARATOR)),
    'lac.vocab.oov': Int32Array.of(model.oov),
    'lac.labels': encoder.encode(model.labels.join(VOCABULARY_SEPARATOR)),
    'lac.embedding': model.embedding.floats(),
    'lac.emission.w': model.emission.floats(),
    'lac.emission.b': model.emissionBias,
    'lac.crf': model.transitions,
  };
  model.layers.forEach((layer, i) => {
    for (const [side, direction] of [['f', layer.forward], ['b', layer.backward]] as const) {
      sections[`lac.${i}${side}.fc.w`] = direction.projection.floats();
      sections[`lac.${i}${side}.fc.b`] = direction.projectionBias;
      sections[`lac.${i}${side}.gru.w`] = direction.recurrent.floats();
      sections[`lac.${i}${side}.gru.b`] = direction.recurrentBias;
    }
  });
  return sections;
}

function floats(sections: Map<string, SectionArray>, key: string, length: number, name: string): Float32Array {
  const array = sections.get(key);
  if (!(array instanceof Float32Array) || array.length !== length) {
    throw new ImageError(`${name} has no valid ${key} section (${length} floats expected)`, name);
  }
  return array;
}

function bytes(sections: Map<string, SectionArray>, key: string, name: string): string {
  const array = sections.get(key);
  if (!(array instanceof Uint8Array)) throw new ImageError(`${name} has no valid ${key} section`, name);
  return decoder.decode(array);
}

/** The embedding section: floats, or half-precision bits that `decodeImage` was asked to keep (`LAC_HALVES`), read by blocks when `blocks` say so. */
function embedding(sections: Map<string, SectionArray>, length: number, name: string, blocks: SectionBlocks | undefined): LacEmbedding {
  const array = sections.get('lac.embedding');
  if (array instanceof Uint16Array && array.length === length) return new LacEmbedding(array, blocks);
  return new LacEmbedding(floats(sections, 'lac.embedding', length, name), blocks);
}

/** A weight matrix's section: floats, or half-precision bits that `decodeImage` was asked to keep. */
function weights(sections: Map<string, SectionArray>, key: string, length: number, name: string): LacWeights {
  const array = sections.get(key);
  if (array instanceof Uint16Array && array.length === length) return new LacWeights(array);
  return new LacWeights(floats(sections, key, length, name));
}

/**
 * The sections `decodeImage` should leave in half precision for
 * {@link lacFromSections}: the embedding, widened a row at a time, and the
 * weight matrices, widened where the network copies them.
 *
 * @example
 * decodeImage(bytes, 'paddle.img', LAC_HALVES).get('lac.0f.gru.w'); // Uint16Array
 */
export const LAC_HALVES: { has(name: string): boolean } = { has: (name) => /^lac\.(?:embedding|emission\.w|\d+[fb]\.(?:fc|gru)\.w)$/.test(name) };

/**
 * Read a model back from image sections, checking every shape.
 *
 * @param blocks - the sections of a file not read yet (`openImage`): the
 *   embedding's blocks are read as its rows are needed, any other's now
 * @throws {@link ImageError} when a section is missing or misshapen
 */
export function lacFromSections(sections: Map<string, SectionArray>, name: string, blocks: ReadonlyMap<string, SectionBlocks> = new Map()): LacModel {
  for (const [section, unread] of blocks) if (section !== 'lac.embedding') unread.ensureAll();
  const ids = sections.get('lac.vocab.ids');
  const oovSection = sections.get('lac.vocab.oov');
  if (!(ids instanceof Int32Array) || !(oovSection instanceof Int32Array) || oovSection.length !== 1) {
    throw new ImageError(`${name} has no valid paddle-mode vocabulary`, name);
  }
  let vocabulary: LacVocabulary;
  try {
    vocabulary = new LacVocabulary(ids, bytes(sections, 'lac.vocab.words', name));
  } catch (error) {
    if (!(error instanceof RangeError)) throw error;
    throw new ImageError(`${name} has an inconsistent paddle-mode vocabulary: ${error.message}`, name);
  }
  const size = vocabulary.size;
  const labels = bytes(sections, 'lac.labels', name).split(VOCABULARY_SEPARATOR);
  const L = labels.length;
  const H = HIDDEN_SIZE;
  const direction = (key: string, input: number): GruDirection => ({
    projection: weights(sections, `${key}.fc.w`, input * 3 * H, name),
    projectionBias: floats(sections, `${key}.fc.b`, 3 * H, name),
    recurrent: weights(sections, `${key}.gru.w`, 3 * H * H, name),
    recurrentBias: floats(sections, `${key}.gru.b`, 3 * H, name),
  });
  const layers: BiGruLayer[] = [];
  for (let i = 0, input = EMBEDDING_SIZE; sections.has(`lac.${i}f.fc.w`); i++, input = 2 * H) {
    layers.push({ inputSize: input, forward: direction(`lac.${i}f`, input), backward: direction(`lac.${i}b`, input) });
  }
  if (layers.length === 0) throw new ImageError(`${name} has no GRU layers`, name);
  return {
    vocabulary,
    oov: oovSection[0]!,
    labels,
    embedding: embedding(sections, size * EMBEDDING_SIZE, name, blocks.get('lac.embedding')),
    layers,
    emission: weights(sections, 'lac.emission.w', 2 * H * L, name),
    emissionBias: floats(sections, 'lac.emission.b', L, name),
    transitions: floats(sections, 'lac.crf', (L + 2) * L, name),
  };
}
