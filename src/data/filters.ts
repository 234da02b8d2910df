/**
 * Reversible transforms of image sections that make them compress better
 * (see `image.ts`; the float16 conversions are `math/half.ts`). Writers run once at build
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
