/**
 * The image checksum, in JavaScript and in WebAssembly, and the
 * WebAssembly kernels that undo image filters (see `filters.ts`).
 *
 * The checksum runs once per image load, over megabytes, at start-up, when
 * JavaScript is still cold (interpreted, then compiled on the fly): that
 * costs 5-10 ms, a third of the start-up budget. WebAssembly is compiled
 * before it runs, so the same function takes about a millisecond. An image
 * read straight into a WebAssembly memory ({@link allocateImageBytes}) is
 * checked there; anything else, and any runtime that refuses to compile
 * WebAssembly (some edge workers), uses the JavaScript version. Both compute
 * the same value; `test/data/checksum.test.ts` holds them to it. Undoing
 * the filters of a gzipped image is the same kind of work (a pass over
 * megabytes, once, cold), so its loops are here too ({@link FilterKernels}),
 * with the JavaScript of `filters.ts` as the fallback.
 *
 * @module
 */

import { compiledWasm } from '../wasm-module.js';
import { WASM_BASE64 as SIMD_BASE64 } from './kernels-wasm.js';
import { WASM_BASE64 as SCALAR_BASE64 } from './scalar-kernels-wasm.js';

const M = 0x5bd1e995;
const K = 0xcc9e2d51;
const SEEDS = [0x811c9dc5, 0x01000193, 0x9e3779b9, 0x85ebca6b] as const;

/**
 * A 32-bit hash of `words`: four lanes, each mixing every fourth word
 * (multiply, xor-shift), folded together at the end. The lanes run in
 * parallel on the processor; any truncation, flipped bit or moved block
 * changes the result with near certainty. It guards against damage, not
 * tampering.
 *
 * @example
 * checksum(Int32Array.of(1, 2, 3)); // a 32-bit unsigned number
 */
export function checksum(words: Int32Array): number {
  let a: number = SEEDS[0];
  let b: number = SEEDS[1];
  let c: number = SEEDS[2];
  let d: number = SEEDS[3];
  const n = words.length;
  const body = n - (n % 4);
  for (let i = 0; i < body; i += 4) {
    a = Math.imul(a ^ words[i]!, M);
    b = Math.imul(b ^ words[i + 1]!, M);
    c = Math.imul(c ^ words[i + 2]!, M);
    d = Math.imul(d ^ words[i + 3]!, M);
    a ^= a >>> 15;
    b ^= b >>> 15;
    c ^= c >>> 15;
    d ^= d >>> 15;
  }
  return fold(a, b, c, d, words);
}

/** The end of {@link checksum}: its four lanes folded, then the words past the last group of four. */
function fold(a: number, b: number, c: number, d: number, words: Int32Array): number {
  const n = words.length;
  let h = Math.imul(a ^ (b >>> 7) ^ (b << 25), M) ^ Math.imul(c ^ (d >>> 13) ^ (d << 19), K) ^ n;
  for (let i = n - (n % 4); i < n; i++) h = Math.imul(h ^ words[i]!, M) ^ (h >>> 15);
  h ^= h >>> 13;
  return Math.imul(h, M) >>> 0;
}

/** Words a piece that {@link checksumByPieces} copies into its memory: 64 KiB. */
const PIECE_WORDS = 1 << 14;

/** The scalar module over a memory of its own: a piece of words and the lanes of a hash (words 0-3). */
interface PieceHasher {
  readonly words: Int32Array;
  readonly hashLanes: (state: number, ptr: number, groups: number) => void;
}

/** Made when first needed; null where WebAssembly is unavailable (a cache of an immutable thing). */
let pieceHasher: PieceHasher | null | undefined;

/**
 * {@link checksum} of words that lie outside a kernel memory, with the
 * lanes run compiled a piece at a time: each piece is copied into a small
 * memory of the scalar module's (a copy costs little next to running the
 * loop cold: a fetched 6 MB image's checksum took 13-20 ms in cold
 * JavaScript); undefined where WebAssembly is unavailable.
 */
function checksumByPieces(words: Int32Array): number | undefined {
  if (pieceHasher === undefined) {
    const wasm = (globalThis as { WebAssembly?: WasmApi }).WebAssembly;
    const module = compiledModule();
    if (module === null || !wasm) {
      pieceHasher = null;
    } else {
      const memory = new wasm.Memory({ initial: Math.ceil((4 * PIECE_WORDS + 16) / 65536) });
      const { exports } = new wasm.Instance(module, { env: { memory } });
      pieceHasher = { words: new Int32Array(memory.buffer), hashLanes: exports.hashLanes as PieceHasher['hashLanes'] };
    }
  }
  if (pieceHasher === null) return undefined;
  const { words: memory, hashLanes } = pieceHasher;
  memory.set(SEEDS);
  const body = words.length - (words.length % 4);
  for (let at = 0; at < body; at += PIECE_WORDS) {
    const count = Math.min(PIECE_WORDS, body - at);
    memory.set(words.subarray(at, at + count), 4);
    hashLanes(0, 16, count >>> 2);
  }
  return fold(memory[0]!, memory[1]!, memory[2]!, memory[3]!, words);
}

/** The part of the WebAssembly API used here (typed locally: the project's lib has no DOM). */
interface WasmApi {
  Instance: new (module: object, imports: object) => { exports: Record<string, unknown> };
  Memory: new (descriptor: { initial: number }) => WasmMemory;
}
interface WasmMemory {
  readonly buffer: ArrayBuffer;
}
type Hash = (byteOffset: number, words: number) => number;
type Largest = (byteOffset: number, count: number, skip: number) => number;

/**
 * The filter kernels over one memory; pointers are byte offsets into it.
 * The unshuffles and `f16to32` are the SIMD ones of `kernels.wat` where
 * WebAssembly SIMD is available; without it there is no `f16to32`.
 */
export interface FilterKernels {
  unshuffle2(src: number, dst: number, count: number): void;
  unshuffle4(src: number, dst: number, count: number): void;
  undelta2(ptr: number, count: number): void;
  undelta4(ptr: number, count: number): void;
  /** `count` float16 values at `src` as float32 values at `dst`. */
  f16to32?(src: number, dst: number, count: number): void;
}

/**
 * The functions of the memories {@link allocateImageBytes} made, by their
 * buffer: a cache of immutable things, so nothing observable depends on it.
 */
const instances = new WeakMap<ArrayBufferLike, { hash: Hash; largest: Largest; memory: WasmMemory; exports: FilterKernels; kernels?: FilterKernels }>();

/**
 * Whether memories {@link allocateImageBytes} makes from now on have an
 * `f16to32` kernel (WebAssembly SIMD), so that float16 sections are worth
 * room in them.
 */
export function hasHalfKernel(): boolean {
  return compiledModule() !== null && compiledWasm(SIMD_BASE64) !== null;
}

/**
 * The module of `hash` and the scalar filter kernels
 * (`scalar-kernels.wat`), assembled by the build like the SIMD ones
 * (`kernels.wat`, null in engines without SIMD); null where a runtime
 * cannot or may not compile code (some edge workers).
 */
function compiledModule(): object | null {
  return compiledWasm(SCALAR_BASE64);
}

/**
 * Zeroed memory for an image of `byteLength` bytes, inside a WebAssembly
 * memory whose checksum (and {@link filterKernels}) run compiled; or
 * `undefined` where WebAssembly is unavailable. Fill it, then hand it to
 * `decodeImage`. `scratch` more bytes follow it in the same memory, for
 * the kernels' input.
 *
 * The memory is made at its full size and never grows. Growing a memory
 * detaches its old buffer, and the first detached buffer of a thread costs
 * every typed-array access from then on a check V8 could otherwise leave
 * out (measured: POS tagging 15-25% slower), so nothing here ever detaches.
 */
export function allocateImageBytes(byteLength: number, scratch = 0): Uint8Array | undefined {
  const wasm = (globalThis as { WebAssembly?: WasmApi }).WebAssembly;
  const module = compiledModule();
  if (module === null || !wasm) return undefined;
  const memory = new wasm.Memory({ initial: Math.ceil((byteLength + scratch) / 65536) });
  const { exports } = new wasm.Instance(module, { env: { memory } });
  instances.set(memory.buffer, { hash: exports.hash as Hash, largest: exports.largest as Largest, memory, exports: exports as unknown as FilterKernels });
  return new Uint8Array(memory.buffer, 0, byteLength);
}

/**
 * The filter kernels of a memory {@link allocateImageBytes} made, or
 * undefined for any other buffer. The SIMD ones are compiled and
 * instantiated here, when first asked for: the images read at start-up
 * and the paddle model have no filters, and compiling them took 2 ms.
 */
export function filterKernels(buffer: ArrayBufferLike): FilterKernels | undefined {
  const instance = instances.get(buffer);
  if (!instance || instance.kernels) return instance?.kernels;
  const wasm = (globalThis as { WebAssembly?: WasmApi }).WebAssembly;
  const simd = wasm && compiledWasm(SIMD_BASE64);
  instance.kernels = simd ? { ...instance.exports, ...(new wasm.Instance(simd, { env: { memory: instance.memory } }).exports as unknown as FilterKernels) } : instance.exports;
  return instance.kernels;
}

/**
 * The largest magnitude among `values` other than `skip` (0 for none), or
 * `Infinity` when one of them is not finite, computed by the scalar module
 * when `values` lie in a memory {@link allocateImageBytes} made (as a
 * decoded image's sections do); undefined elsewhere, for the caller's
 * JavaScript.
 *
 * @example
 * largestMagnitudeOf(model.emitValues, POS_MIN_FLOAT) ?? largestEmission(model.emitValues);
 */
export function largestMagnitudeOf(values: Float64Array, skip: number): number | undefined {
  const largest = instances.get(values.buffer)?.largest;
  return largest ? largest(values.byteOffset, values.length, skip) : undefined;
}

/**
 * {@link checksum} of the 32-bit words of `bytes` from `start` to `end`
 * (the end of `bytes` by default), compiled when `bytes` came from
 * {@link allocateImageBytes}.
 *
 * @example
 * checksumOf(image, 24); // what an image's header holds
 */
export function checksumOf(bytes: Uint8Array, start: number, end = bytes.length): number {
  const words = (end - start) >>> 2;
  const hash = instances.get(bytes.buffer)?.hash;
  if (hash) return hash(bytes.byteOffset + start, words) >>> 0;
  const view = new Int32Array(bytes.buffer, bytes.byteOffset + start, words);
  return checksumByPieces(view) ?? checksum(view);
}
