/**
 * The character embedding of the LAC model: one row of
 * {@link EMBEDDING_SIZE} floats per vocabulary id. The shipped image
 * stores it in half precision, and it stays so in memory: the network reads
 * one row per character it meets (and keeps the first layer's result for
 * most characters), so widening a row when it is read costs nothing
 * measurable, while widening all 2.7 million values at load wrote 10.7 MB
 * of fresh memory, pages the system must back before the first cut.
 *
 * @module
 */

import { LacWeights } from './weights.js';

/** Width of the character embedding (`word_emb_dim`). */
export const EMBEDDING_SIZE = 128;

/**
 * Values still to be read, by byte range, before they are used: a file's
 * section checked by blocks (`SectionBlocks` in `data/image-blocks.ts`).
 *
 * @example
 * pending.ensure(id * 256, (id + 1) * 256); // row `id` of half-precision values is now in memory
 */
export interface PendingBytes {
  /** Read (and check) bytes `[from, to)` of the values, if they are not yet. */
  ensure(from: number, to: number): void;
  /** Read (and check) every byte not read yet. */
  ensureAll(): void;
  /** Whether every byte has been read (and checked). */
  readonly complete: boolean;
}

/**
 * The embedding's rows, from `Float32Array` values or from half-precision
 * bits (a `Uint16Array`, as an image holds them); either way a row reads
 * as the same float32 values (widening a half is exact).
 *
 * @example
 * const embedding = new LacEmbedding(new Float32Array(2 * EMBEDDING_SIZE));
 * embedding.rows; // 2
 * embedding.copyRow(1, target, 0); // target[0 .. 128) = row 1
 */
export class LacEmbedding {
  /** How many rows (vocabulary ids) it has. */
  readonly rows: number;
  readonly #values: LacWeights;
  readonly #blocks: PendingBytes | undefined;
  readonly #rowBytes: number;

  /**
   * @param blocks - where `values` are a file's section checked by blocks,
   *   not yet read: a row's block is read (and checked) when the row is
   *   first copied
   * @throws RangeError when the values are not whole rows
   */
  constructor(values: Float32Array | Uint16Array, blocks?: PendingBytes) {
    if (values.length % EMBEDDING_SIZE !== 0) throw new RangeError(`an embedding holds rows of ${EMBEDDING_SIZE} values, not ${values.length} values`);
    this.#values = new LacWeights(values);
    this.rows = values.length / EMBEDDING_SIZE;
    this.#blocks = blocks;
    this.#rowBytes = EMBEDDING_SIZE * values.BYTES_PER_ELEMENT;
  }

  /**
   * Write row `id` into `target` from index `at`.
   *
   * @throws `ImageError` or `FetchError` when its block, read now, is damaged or cannot be read
   *
   * @example
   * embedding.copyRow(id, features, t * EMBEDDING_SIZE);
   */
  copyRow(id: number, target: Float32Array, at: number): void {
    if (id >= 0 && id < this.rows) this.#blocks?.ensure(id * this.#rowBytes, (id + 1) * this.#rowBytes);
    this.#values.copyTo(target, at, id * EMBEDDING_SIZE, EMBEDDING_SIZE);
  }

  /**
   * Read (and check) now the rows of `ids` not read yet, so that copying
   * them cannot fail: the network calls this before it changes anything,
   * so that a block found damaged leaves nothing half done.
   *
   * @throws `ImageError` or `FetchError` when a block is damaged or cannot be read
   * @example
   * model.embedding.prepare(ids); // then copyRow for any of ids cannot throw
   */
  prepare(ids: Int32Array): void {
    const blocks = this.#blocks;
    // Once every block is in, a sentence costs no call per character.
    if (!blocks || blocks.complete) return;
    const rowBytes = this.#rowBytes;
    for (let i = 0; i < ids.length; i++) {
      const id = ids[i]!;
      if (id >= 0 && id < this.rows) blocks.ensure(id * rowBytes, (id + 1) * rowBytes);
    }
  }

  /**
   * Every row, as one `Float32Array` (`[rows, EMBEDDING_SIZE]`): for
   * writing images and for tests, not for the network.
   *
   * @example
   * new LacEmbedding(halves).floats().length === halves.length; // true
   */
  floats(): Float32Array {
    this.#blocks?.ensureAll();
    return this.#values.floats();
  }
}
