/**
 * A weight matrix of the LAC model, as float32 values or as the
 * half-precision bits the shipped image stores. The WebAssembly network
 * copies its weights into its own memory once, so a matrix kept in half
 * precision is widened straight into that memory: no float32 copy of the
 * whole model is written at load (2 MB of fresh memory, pages the system
 * must back before the first cut). There its own SIMD kernel widens them
 * ({@link LacWeights.placeIn}): the half million weights took 6 ms in
 * JavaScript, still cold at the first cut. The JavaScript network, the
 * fallback, asks for the float32 values once per model and lays them out
 * its own way.
 *
 * @module
 */

import { widenHalves } from '../math/half.js';

/** A kernel that writes `count` halves at byte `src` as float32s at byte `dst` of its memory (`f16to32`). */
export type HalfWidener = (src: number, dst: number, count: number) => void;

/**
 * A matrix's values, from `Float32Array` values or half-precision bits; either
 * way they read as the same float32 values (widening a half is exact).
 *
 * @example
 * const weights = new LacWeights(Uint16Array.of(0x3c00, 0xc000)); // 1, -2
 * weights.copyTo(target, 0); // target[0] = 1, target[1] = -2
 */
export class LacWeights {
  /** How many values. */
  readonly length: number;
  readonly #values: Float32Array | Uint16Array;

  constructor(values: Float32Array | Uint16Array) {
    this.#values = values;
    this.length = values.length;
  }

  /**
   * Write `count` values from index `from` into `target` at `at`, widened
   * from half precision where they are stored so.
   *
   * @example
   * direction.recurrent.copyTo(memory, at, 0, 2 * H * H); // the update and reset gates' block
   */
  copyTo(target: Float32Array, at: number, from = 0, count = this.length - from): void {
    this.#checkRange(from, count);
    const values = this.#values;
    if (values instanceof Float32Array) target.set(values.subarray(from, from + count), at);
    else widenHalves(values, from, count, target, at);
  }

  /**
   * Write `count` values from index `from` as float32 into `memory` at byte
   * `byteAt` (a multiple of 4), as {@link copyTo} does; halves are copied as
   * they are into the upper half of that place and widened there by
   * `widen` (`f16to32(src, dst, count)` of a WebAssembly memory, which
   * widens in place from `dst + 2 * count`), or in JavaScript without it.
   *
   * @example
   * direction.projection.placeIn(memory.buffer, at, kernels.f16to32);
   */
  placeIn(memory: ArrayBuffer, byteAt: number, widen: HalfWidener | undefined, from = 0, count = this.length - from): void {
    const values = this.#values;
    if (!widen || values instanceof Float32Array) {
      this.copyTo(new Float32Array(memory, byteAt, count), 0, from, count);
      return;
    }
    this.#checkRange(from, count);
    new Uint16Array(memory, byteAt + 2 * count, count).set(values.subarray(from, from + count));
    widen(byteAt + 2 * count, byteAt, count);
  }

  /** Throws a `RangeError` unless values `from .. from + count` are in the matrix. */
  #checkRange(from: number, count: number): void {
    if (from < 0 || count < 0 || from + count > this.length) throw new RangeError(`values ${from} .. ${from + count} of a matrix of ${this.length}`);
  }

  /**
   * Every value as float32: the stored array itself, or a new one widened
   * from the halves (the JavaScript network lays its weights out once per
   * model, and images are written once, so nothing is kept).
   *
   * @example
   * model.emission.floats().length === 2 * HIDDEN_SIZE * model.labels.length; // true
   */
  floats(): Float32Array {
    const values = this.#values;
    if (values instanceof Float32Array) return values;
    const floats = new Float32Array(this.length);
    widenHalves(values, 0, values.length, floats, 0);
    return floats;
  }

  /** Whether the values are stored as half-precision bits. */
  get halves(): boolean {
    return this.#values instanceof Uint16Array;
  }
}
