/**
 * IEEE half-precision floats (float16), to and from float32: images store
 * the paddle model's weight matrices so, and the model reads its embedding
 * a row at a time from the stored bits.
 *
 * @module
 */

const float32 = new Float32Array(1);
const float32Bits = new Uint32Array(float32.buffer);

/**
 * The IEEE half-precision bits nearest to each value (ties to even), as
 * hardware conversion gives them; values beyond the half range become
 * infinities.
 *
 * @example
 * toFloat16(Float32Array.of(1, 0.1)); // Uint16Array [0x3c00, 0x2e66]
 */
export function toFloat16(values: Float32Array): Uint16Array {
  const out = new Uint16Array(values.length);
  for (let i = 0; i < values.length; i++) {
    float32[0] = values[i]!;
    const bits = float32Bits[0]!;
    const sign = (bits >>> 16) & 0x8000;
    const exponent = (bits >>> 23) & 0xff;
    const mantissa = bits & 0x7fffff;
    let half: number;
    if (exponent === 0xff) {
      half = 0x7c00 | (mantissa ? 0x200 : 0); // infinity or NaN
    } else {
      const e = exponent - 127 + 15;
      if (e >= 0x1f) {
        half = 0x7c00;
      } else if (e <= 0) {
        // Subnormal half (or zero): shift the full mantissa into place, rounding to even.
        if (e < -10) {
          half = 0;
        } else {
          const full = mantissa | 0x800000;
          const shift = 14 - e;
          const rest = full & ((1 << shift) - 1);
          const halfway = 1 << (shift - 1);
          half = full >>> shift;
          if (rest > halfway || (rest === halfway && (half & 1))) half++;
        }
      } else {
        half = (e << 10) | (mantissa >>> 13);
        const rest = mantissa & 0x1fff;
        // Carrying into the exponent is right: it rounds up to the next power of two (or infinity).
        if (rest > 0x1000 || (rest === 0x1000 && (half & 1))) half++;
      }
    }
    out[i] = sign | half;
  }
  return out;
}

/**
 * Float32 values of half-precision bits: exact, since every half is a float.
 *
 * A normal half's exponent and mantissa bits, shifted into a float32's
 * place, need only the exponent's bias changed (15 to 127: add 112 << 23);
 * infinities and NaNs keep an all-ones exponent; zeros and subnormal halves
 * (mantissa times 2^-24, normal float32s) are computed. Arithmetic rather
 * than a table of all 65,536 halves: lookups in a 256 KB table miss the
 * cache, and the model's millions of weights made them 5 ns each.
 *
 * @example
 * fromFloat16(Uint16Array.of(0x3c00, 0xc000)); // Float32Array [1, -2]
 */
export function fromFloat16(halves: Uint16Array): Float32Array {
  const out = new Float32Array(halves.length);
  const bits = new Uint32Array(out.buffer);
  const n = halves.length;
  for (let i = 0; i < n; i++) {
    const half = halves[i]!;
    const magnitude = half & 0x7fff;
    const sign = (half & 0x8000) << 16;
    if (magnitude >= 0x7c00) bits[i] = (sign | 0x7f800000 | ((magnitude & 0x3ff) << 13)) >>> 0;
    else if (magnitude >= 0x0400) bits[i] = (sign | ((magnitude << 13) + 0x38000000)) >>> 0;
    else out[i] = (sign !== 0 ? -magnitude : magnitude) * 2 ** -24;
  }
  return out;
}

/** 2^(e - 25) for each half exponent e: a normal half is (1024 + mantissa) times it. */
const NORMAL_SCALE = Float64Array.from({ length: 32 }, (_, e) => 2 ** (e - 25));

/**
 * Write the values of `count` halves of `halves` from index `from` into
 * `out` from index `at`: the values {@link fromFloat16} gives (a NaN's
 * payload aside), computed without a view of `out`'s bits, so that it
 * writes into any `Float32Array` (a row of a WebAssembly memory, say).
 *
 * @example
 * widenHalves(Uint16Array.of(0x3c00, 0xc000), 0, 2, row, 0); // row[0] = 1, row[1] = -2
 */
export function widenHalves(halves: Uint16Array, from: number, count: number, out: Float32Array, at: number): void {
  for (let k = 0; k < count; k++) {
    const half = halves[from + k]!;
    const exponent = (half >>> 10) & 0x1f;
    const mantissa = half & 0x3ff;
    // Every product here is exact: a half has 11 significant bits.
    const magnitude = exponent === 0 ? mantissa * 2 ** -24 : exponent === 0x1f ? (mantissa === 0 ? Infinity : NaN) : (1024 + mantissa) * NORMAL_SCALE[exponent]!;
    out[at + k] = half & 0x8000 ? -magnitude : magnitude;
  }
}
