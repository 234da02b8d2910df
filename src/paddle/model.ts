/**
 * The LAC model of jieba's paddle mode (`jieba/lac_small`): a character
 * embedding, two bidirectional GRU layers, a linear emission layer and a
 * linear-chain CRF. (`src/data/lac-sections.ts` stores it in images.)
 *
 * @module
 */

import type { LacEmbedding } from './embedding.js';
import type { LacVocabulary } from './vocabulary.js';
import type { LacWeights } from './weights.js';

export { EMBEDDING_SIZE } from './embedding.js';
/** Width of each GRU's hidden state (`grnn_hidden_dim`). */
export const HIDDEN_SIZE = 128;

/** One direction of a bidirectional GRU layer: PaddlePaddle's `fc` feeding `dynamic_gru`. */
export interface GruDirection {
  /** `fc` weight, `[input, 3 * HIDDEN]` row-major. */
  readonly projection: LacWeights;
  /** `fc` bias, `[3 * HIDDEN]`. */
  readonly projectionBias: Float32Array;
  /**
   * `dynamic_gru` weight as Paddle lays it out: a `[HIDDEN, 2 * HIDDEN]`
   * block for the update and reset gates, then a `[HIDDEN, HIDDEN]` block
   * for the candidate state.
   */
  readonly recurrent: LacWeights;
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
  /** `word.dic`: character to id, and back (`id2word_dict`). */
  readonly vocabulary: LacVocabulary;
  /** Id of `'OOV'`, which characters missing from the vocabulary get. */
  readonly oov: number;
  /** `tag.dic`: labels by id, e.g. `'n-B'`, `'PER-I'`, `'O'`. */
  readonly labels: readonly string[];
  /** `word_emb`, `[vocabulary size, EMBEDDING_SIZE]`, read a row at a time. */
  readonly embedding: LacEmbedding;
  readonly layers: readonly BiGruLayer[];
  /** Emission `fc`: `[2 * HIDDEN, labels]` and `[labels]`. */
  readonly emission: LacWeights;
  readonly emissionBias: Float32Array;
  /**
   * `crfw`, `[labels + 2, labels]`: row 0 the start scores, row 1 the end
   * scores, then `transition[from][to]`.
   */
  readonly transitions: Float32Array;
}
