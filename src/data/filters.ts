/**
 * Reversible transforms of image sections that make them compress better
 * (see `image.ts`), and the float16 conversions. Writers run once at build
 * time; readers run at every load of a gzipped image, so they are written
 * for speed: whole words at a time, no per-byte branches.
 *
 * @module
 */

/**
 * The bytes of `width`-byte elements grouped by significance: every
 * element's byte 0, then every byte 1, and so on. Neighbouring elements
 * of a trie or a table share their high bytes, which then form long runs.
 *
 * @example
 * shuffle(Uint8Array.of(1, 0, 2, 0), 2); // Uint8Array [1, 2, 0, 0]
 */
export function shuffle(bytes: Uint8Array, width: number): Uint8Array {
  const n = bytes.length / width;
  const out = new Uint8Array(bytes.length);
  for (let k = 0; k < width; k++) for (let i = 0; i < n; i++) out[k * n + i] = bytes[i * width + k]!;
  return out;
}

/**
 * Undo {@link shuffle}: `shuffled` (`count` elements of `width` bytes)
 * into `out` at `offset`, which must be a multiple of 4 for 4- and 8-byte
 * elements and of 2 for 2-byte ones.
 */
export function unshuffle(shuffled: Uint8Array, width: number, count: number, out: Uint8Array, offset: number): void {
  if (width === 1) {
    out.set(shuffled.subarray(0, count), offset);
    return;
  }
  const planes: Uint8Array[] = [];
  for (let k = 0; k < width; k++) planes.push(shuffled.subarray(k * count, (k + 1) * count));
  if (width === 2) {
    const [p0, p1] = planes as [Uint8Array, Uint8Array];
    const words = new Uint16Array(out.buffer, out.byteOffset + offset, count);
    for (let i = 0; i < count; i++) words[i] = p0[i]! | (p1[i]! << 8);
    return;
  }
  // 4 bytes, or 8 as two 4-byte halves.
  const words = new Int32Array(out.buffer, out.byteOffset + offset, (count * width) >>> 2);
  const stride = width >>> 2;
  for (let half = 0; half < stride; half++) {
    const [p0, p1, p2, p3] = planes.slice(4 * half, 4 * half + 4) as [Uint8Array, Uint8Array, Uint8Array, Uint8Array];
    for (let i = 0, w = half; i < count; i++, w += stride) words[w] = p0[i]! | (p1[i]! << 8) | (p2[i]! << 16) | (p3[i]! << 24);
  }
}

/**
 * Replace each element of `bytes` (little-endian integers of `width` bytes)
 * by its difference from the previous one, wrapping as the type does.
 */
export function deltaEncode(bytes: Uint8Array, width: number): void {
  const values = integerView(bytes, width);
  for (let i = values.length - 1; i > 0; i--) values[i] = values[i]! - values[i - 1]!;
}

/** Undo {@link deltaEncode}: running sums, wrapping as the type does. */
export function deltaDecode(bytes: Uint8Array, width: number): void {
  const values = integerView(bytes, width);
  let sum = 0;
  for (let i = 0; i < values.length; i++) {
    sum = (sum + values[i]!) | 0;
    values[i] = sum;
  }
}

function integerView(bytes: Uint8Array, width: number): Uint8Array | Uint16Array | Int32Array {
  const count = bytes.length / width;
  if (width === 1) return bytes;
  if (width === 2) return new Uint16Array(bytes.buffer, bytes.byteOffset, count);
  if (width === 4) return new Int32Array(bytes.buffer, bytes.byteOffset, count);
  throw new TypeError(`no delta filter for ${width}-byte elements`);
}

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
