/**
 * The LAC model of jieba's paddle mode (`jieba/lac_small`): a character
 * embedding, two bidirectional GRU layers, a linear emission layer and a
 * linear-chain CRF, as the image stores it.
 *
 * @module
 */

import { DictionaryError } from '../dictionary/errors.js';
import type { SectionArray } from '../data/image.js';

/** Width of the character embedding (`word_emb_dim`). */
export const EMBEDDING_SIZE = 128;
/** Width of each GRU's hidden state (`grnn_hidden_dim`). */
export const HIDDEN_SIZE = 128;

/** One direction of a bidirectional GRU layer: PaddlePaddle's `fc` feeding `dynamic_gru`. */
export interface GruDirection {
  /** `fc` weight, `[input, 3 * HIDDEN]` row-major. */
  readonly projection: Float32Array;
  /** `fc` bias, `[3 * HIDDEN]`. */
  readonly projectionBias: Float32Array;
  /**
   * `dynamic_gru` weight as Paddle lays it out: a `[HIDDEN, 2 * HIDDEN]`
   * block for the update and reset gates, then a `[HIDDEN, HIDDEN]` block
   * for the candidate state.
   */
  readonly recurrent: Float32Array;
  /** `dynamic_gru` bias, `[3 * HIDDEN]`: update, reset, candidate. */
  readonly recurrentBias: Float32Array;
}

/** A bidirectional layer: the forward and the reversed GRU, outputs concatenated. */
export interface BiGruLayer {
  readonly inputSize: number;
  readonly forward: GruDirection;
  readonly backward: GruDirection;
}

/** Everything paddle mode needs. */
export interface LacModel {
  /** `word.dic`: character to id. */
  readonly vocabulary: ReadonlyMap<string, number>;
  /** `id2word_dict`: id to character (`'OOV'` for the unknown-character id). */
  readonly words: ReadonlyMap<number, string>;
  /** Id of `'OOV'`, which characters missing from the vocabulary get. */
  readonly oov: number;
  /** `tag.dic`: labels by id, e.g. `'n-B'`, `'PER-I'`, `'O'`. */
  readonly labels: readonly string[];
  /** `word_emb`, `[vocabulary size, EMBEDDING_SIZE]`. */
  readonly embedding: Float32Array;
  readonly layers: readonly BiGruLayer[];
  /** Emission `fc`: `[2 * HIDDEN, labels]` and `[labels]`. */
  readonly emission: Float32Array;
  readonly emissionBias: Float32Array;
  /**
   * `crfw`, `[labels + 2, labels]`: row 0 the start scores, row 1 the end
   * scores, then `transition[from][to]`.
   */
  readonly transitions: Float32Array;
}

const encoder = new TextEncoder();
const decoder = new TextDecoder('utf-8', { fatal: true });

/** Separates vocabulary entries in the image (no entry contains it). */
const SEPARATOR = '\u0000';

/**
 * The image sections of a model.
 *
 * @example
 * encodeImage(lacSections(model));
 */
export function lacSections(model: LacModel): Record<string, SectionArray> {
  const words = [...model.words];
  const sections: Record<string, SectionArray> = {
    'lac.vocab.ids': Int32Array.from(words.map(([id]) => id)),
    'lac.vocab.words': encoder.encode(words.map(([, word]) => word).join(SEPARATOR)),
    'lac.vocab.oov': Int32Array.of(model.oov),
    'lac.labels': encoder.encode(model.labels.join(SEPARATOR)),
    'lac.embedding': model.embedding,
    'lac.emission.w': model.emission,
    'lac.emission.b': model.emissionBias,
    'lac.crf': model.transitions,
  };
  model.layers.forEach((layer, i) => {
    for (const [side, direction] of [['f', layer.forward], ['b', layer.backward]] as const) {
      sections[`lac.${i}${side}.fc.w`] = direction.projection;
      sections[`lac.${i}${side}.fc.b`] = direction.projectionBias;
      sections[`lac.${i}${side}.gru.w`] = direction.recurrent;
      sections[`lac.${i}${side}.gru.b`] = direction.recurrentBias;
    }
  });
  return sections;
}

function floats(sections: Map<string, SectionArray>, key: string, length: number, name: string): Float32Array {
  const array = sections.get(key);
  if (!(array instanceof Float32Array) || array.length !== length) {
    throw new DictionaryError(`${name} has no valid ${key} section (${length} floats expected)`, name);
  }
  return array;
}

function bytes(sections: Map<string, SectionArray>, key: string, name: string): string {
  const array = sections.get(key);
  if (!(array instanceof Uint8Array)) throw new DictionaryError(`${name} has no valid ${key} section`, name);
  return decoder.decode(array);
}

/**
 * Read a model back from image sections, checking every shape.
 *
 * @throws {@link DictionaryError} when a section is missing or misshapen
 */
export function lacFromSections(sections: Map<string, SectionArray>, name: string): LacModel {
  const ids = sections.get('lac.vocab.ids');
  const oovSection = sections.get('lac.vocab.oov');
  if (!(ids instanceof Int32Array) || !(oovSection instanceof Int32Array) || oovSection.length !== 1) {
    throw new DictionaryError(`${name} has no valid paddle-mode vocabulary`, name);
  }
  const entries = bytes(sections, 'lac.vocab.words', name).split(SEPARATOR);
  if (entries.length !== ids.length) throw new DictionaryError(`${name} has an inconsistent paddle-mode vocabulary`, name);
  const vocabulary = new Map<string, number>();
  const words = new Map<number, string>();
  let size = 0;
  entries.forEach((word, i) => {
    vocabulary.set(word, ids[i]!);
    words.set(ids[i]!, word);
    size = Math.max(size, ids[i]! + 1);
  });
  const labels = bytes(sections, 'lac.labels', name).split(SEPARATOR);
  const L = labels.length;
  const H = HIDDEN_SIZE;
  const direction = (key: string, input: number): GruDirection => ({
    projection: floats(sections, `${key}.fc.w`, input * 3 * H, name),
    projectionBias: floats(sections, `${key}.fc.b`, 3 * H, name),
    recurrent: floats(sections, `${key}.gru.w`, 3 * H * H, name),
    recurrentBias: floats(sections, `${key}.gru.b`, 3 * H, name),
  });
  const layers: BiGruLayer[] = [];
  for (let i = 0, input = EMBEDDING_SIZE; sections.has(`lac.${i}f.fc.w`); i++, input = 2 * H) {
    layers.push({ inputSize: input, forward: direction(`lac.${i}f`, input), backward: direction(`lac.${i}b`, input) });
  }
  if (layers.length === 0) throw new DictionaryError(`${name} has no GRU layers`, name);
  return {
    vocabulary,
    words,
    oov: oovSection[0]!,
    labels,
    embedding: floats(sections, 'lac.embedding', size * EMBEDDING_SIZE, name),
    layers,
    emission: floats(sections, 'lac.emission.w', 2 * H * L, name),
    emissionBias: floats(sections, 'lac.emission.b', L, name),
    transitions: floats(sections, 'lac.crf', (L + 2) * L, name),
  };
}
