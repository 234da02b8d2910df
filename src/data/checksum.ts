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

import { WASM_BASE64 as SIMD_BASE64 } from './kernels-wasm.js';

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
  let h = Math.imul(a ^ (b >>> 7) ^ (b << 25), M) ^ Math.imul(c ^ (d >>> 13) ^ (d << 19), K) ^ n;
  for (let i = body; i < n; i++) h = Math.imul(h ^ words[i]!, M) ^ (h >>> 15);
  h ^= h >>> 13;
  return Math.imul(h, M) >>> 0;
}

// WebAssembly opcodes used below.
const op = {
  block: 0x02, loop: 0x03, br: 0x0c, brIf: 0x0d, end: 0x0b,
  get: 0x20, set: 0x21, tee: 0x22, load: 0x28, load8u: 0x2d, load16u: 0x2f, store: 0x36, store16: 0x3b, const: 0x41,
  geU: 0x4f, add: 0x6a, mul: 0x6c, and: 0x71, or: 0x72, xor: 0x73, shl: 0x74, shrU: 0x76,
} as const;

/** Signed LEB128, as `i32.const` wants its operand. */
function sleb(value: number): number[] {
  const out: number[] = [];
  value |= 0;
  for (;;) {
    const byte = value & 0x7f;
    value >>= 7;
    if ((value === 0 && (byte & 0x40) === 0) || (value === -1 && (byte & 0x40) !== 0)) return [...out, byte];
    out.push(byte | 0x80);
  }
}

/** Unsigned LEB128, for sizes and counts. */
function uleb(value: number): number[] {
  const out: number[] = [];
  do {
    const byte = value & 0x7f;
    value >>>= 7;
    out.push(value === 0 ? byte : byte | 0x80);
  } while (value !== 0);
  return out;
}

function section(id: number, content: number[]): number[] {
  return [id, ...uleb(content.length), ...content];
}

const i32 = (v: number): number[] => [op.const, ...sleb(v)];

/**
 * The body of `hash(byteOffset, wordCount) -> i32`: the same hash as
 * {@link checksum}. Locals: 0 pointer, 1 word count, 2-5 lanes a-d,
 * 6 cursor, 7 end of the four-word part, 8 h, 9 end.
 */
function hashBody(): number[] {
  const [PTR, N, A, B, C, D, P, BODY_END, H, END] = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9] as const;
  const lane = (local: number, offset: number): number[] => [
    op.get, local, op.get, P, op.load, 2, offset, op.xor, ...i32(M), op.mul, op.tee, local,
    op.get, local, ...i32(15), op.shrU, op.xor, op.set, local,
  ];
  const code = [
    ...i32(SEEDS[0]), op.set, A, ...i32(SEEDS[1]), op.set, B, ...i32(SEEDS[2]), op.set, C, ...i32(SEEDS[3]), op.set, D,
    op.get, PTR, op.set, P,
    op.get, PTR, op.get, N, ...i32(-4), op.and, ...i32(2), op.shl, op.add, op.set, BODY_END,
    op.get, PTR, op.get, N, ...i32(2), op.shl, op.add, op.set, END,
    op.block, 0x40, op.loop, 0x40,
    op.get, P, op.get, BODY_END, op.geU, op.brIf, 1,
    ...lane(A, 0), ...lane(B, 4), ...lane(C, 8), ...lane(D, 12),
    op.get, P, ...i32(16), op.add, op.set, P,
    op.br, 0, op.end, op.end,
    // h = imul(a ^ (b >>> 7) ^ (b << 25), M) ^ imul(c ^ (d >>> 13) ^ (d << 19), K) ^ n
    op.get, A, op.get, B, ...i32(7), op.shrU, op.xor, op.get, B, ...i32(25), op.shl, op.xor, ...i32(M), op.mul,
    op.get, C, op.get, D, ...i32(13), op.shrU, op.xor, op.get, D, ...i32(19), op.shl, op.xor, ...i32(K), op.mul,
    op.xor, op.get, N, op.xor, op.set, H,
    op.block, 0x40, op.loop, 0x40,
    op.get, P, op.get, END, op.geU, op.brIf, 1,
    op.get, H, op.get, P, op.load, 2, 0, op.xor, ...i32(M), op.mul, op.get, H, ...i32(15), op.shrU, op.xor, op.set, H,
    op.get, P, ...i32(4), op.add, op.set, P,
    op.br, 0, op.end, op.end,
    op.get, H, op.get, H, ...i32(13), op.shrU, op.xor, ...i32(M), op.mul,
    op.end,
  ];
  return [1, 8, 0x7f, ...code]; // one group of 8 i32 locals after the 2 parameters
}

/**
 * The body of `unshuffle(src, dst, count)` for elements of `width` (2 or
 * 4) bytes: element i is the bytes at src + i, src + count + i, ... (see
 * `filters.ts`). Locals: 0 src (the cursor over plane 0), 1 dst, 2 count,
 * 3 end of plane 0, 4 twice count, 5 three times count.
 */
function unshuffleBody(width: 2 | 4): number[] {
  const [SRC, DST, COUNT, END, C2, C3] = [0, 1, 2, 3, 4, 5] as const;
  const plane = (k: number): number[] =>
    k === 0 ? [op.get, SRC, op.load8u, 0, 0] : [op.get, SRC, op.get, k === 1 ? COUNT : k === 2 ? C2 : C3, op.add, op.load8u, 0, 0, ...i32(8 * k), op.shl, op.or];
  const value = [...plane(0), ...plane(1), ...(width === 4 ? [...plane(2), ...plane(3)] : [])];
  const code = [
    op.get, SRC, op.get, COUNT, op.add, op.set, END,
    op.get, COUNT, ...i32(1), op.shl, op.set, C2,
    op.get, C2, op.get, COUNT, op.add, op.set, C3,
    op.block, 0x40, op.loop, 0x40,
    op.get, SRC, op.get, END, op.geU, op.brIf, 1,
    op.get, DST, ...value, ...(width === 4 ? [op.store, 2, 0] : [op.store16, 1, 0]),
    op.get, SRC, ...i32(1), op.add, op.set, SRC,
    op.get, DST, ...i32(width), op.add, op.set, DST,
    op.br, 0, op.end, op.end,
    op.end,
  ];
  return [1, 3, 0x7f, ...code];
}

/**
 * The body of `undelta(ptr, count)` for elements of `width` (2 or 4)
 * bytes: running sums in place, wrapping as the type does. Locals: 0
 * cursor, 1 count, 2 end, 3 sum.
 */
function undeltaBody(width: 2 | 4): number[] {
  const [P, COUNT, END, SUM] = [0, 1, 2, 3] as const;
  const load = width === 4 ? [op.load, 2, 0] : [op.load16u, 1, 0];
  const store = width === 4 ? [op.store, 2, 0] : [op.store16, 1, 0];
  const code = [
    op.get, P, op.get, COUNT, ...i32(width === 4 ? 2 : 1), op.shl, op.add, op.set, END,
    op.block, 0x40, op.loop, 0x40,
    op.get, P, op.get, END, op.geU, op.brIf, 1,
    op.get, P, op.get, SUM, op.get, P, ...load, op.add, op.tee, SUM, ...store,
    op.get, P, ...i32(width), op.add, op.set, P,
    op.br, 0, op.end, op.end,
    op.end,
  ];
  return [1, 2, 0x7f, ...code];
}

/** Names, types and bodies of the module's functions. Types: 0 (i32, i32) -> i32, 1 (i32, i32, i32) -> (), 2 (i32, i32) -> (). */
const FUNCTIONS = [
  { name: 'hash', type: 0, body: hashBody },
  { name: 'unshuffle2', type: 1, body: () => unshuffleBody(2) },
  { name: 'unshuffle4', type: 1, body: () => unshuffleBody(4) },
  { name: 'undelta2', type: 2, body: () => undeltaBody(2) },
  { name: 'undelta4', type: 2, body: () => undeltaBody(4) },
] as const;

/** The WebAssembly module: imports `env.memory`, exports {@link FUNCTIONS}. */
function moduleBytes(): Uint8Array {
  const name = (text: string): number[] => [text.length, ...[...text].map((ch) => ch.charCodeAt(0))];
  const bodies = FUNCTIONS.map((f) => f.body());
  return Uint8Array.from([
    0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00,
    ...section(1, [3, 0x60, 2, 0x7f, 0x7f, 1, 0x7f, 0x60, 3, 0x7f, 0x7f, 0x7f, 0, 0x60, 2, 0x7f, 0x7f, 0]),
    ...section(2, [1, ...name('env'), ...name('memory'), 2, 0, 0]), // import a memory of at least 0 pages
    ...section(3, [FUNCTIONS.length, ...FUNCTIONS.map((f) => f.type)]),
    ...section(7, [FUNCTIONS.length, ...FUNCTIONS.flatMap((f, i) => [...name(f.name), 0, i])]),
    ...section(10, [FUNCTIONS.length, ...bodies.flatMap((body) => [...uleb(body.length), ...body])]),
  ]);
}

/** The part of the WebAssembly API used here (typed locally: the project's lib has no DOM). */
interface WasmApi {
  Module: new (bytes: Uint8Array) => object;
  Instance: new (module: object, imports: object) => { exports: Record<string, unknown> };
  Memory: new (descriptor: { initial: number }) => WasmMemory;
}
interface WasmMemory {
  readonly buffer: ArrayBuffer;
}
type Hash = (byteOffset: number, words: number) => number;

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
 * buffer, and the compiled module (null where WebAssembly is unavailable).
 * Both are caches of immutable things: nothing observable depends on them.
 */
const instances = new WeakMap<ArrayBufferLike, { hash: Hash; memory: WasmMemory; exports: FilterKernels; kernels?: FilterKernels }>();
let compiled: object | null | undefined;
let compiledSimd: object | null | undefined;

/** The SIMD kernels' module, compiled once; null where WebAssembly SIMD is unavailable. */
function simdModule(wasm: WasmApi): object | null {
  if (compiledSimd === undefined) {
    try {
      compiledSimd = typeof atob === 'function' ? new wasm.Module(Uint8Array.from(atob(SIMD_BASE64), (c) => c.charCodeAt(0))) : null;
    } catch {
      compiledSimd = null; // no SIMD (older engines)
    }
  }
  return compiledSimd;
}

/**
 * Whether memories {@link allocateImageBytes} makes from now on have an
 * `f16to32` kernel (WebAssembly SIMD), so that float16 sections are worth
 * room in them.
 */
export function hasHalfKernel(): boolean {
  const wasm = (globalThis as { WebAssembly?: WasmApi }).WebAssembly;
  return wasm !== undefined && compiledModule(wasm) !== null && simdModule(wasm) !== null;
}

function compiledModule(wasm: WasmApi | undefined): object | null {
  if (compiled === undefined) {
    try {
      compiled = wasm ? new wasm.Module(moduleBytes()) : null;
    } catch {
      compiled = null; // e.g. a worker runtime that forbids compiling code at run time
    }
  }
  return compiled;
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
  const module = compiledModule(wasm);
  if (module === null || !wasm) return undefined;
  const memory = new wasm.Memory({ initial: Math.ceil((byteLength + scratch) / 65536) });
  const { exports } = new wasm.Instance(module, { env: { memory } });
  instances.set(memory.buffer, { hash: exports.hash as Hash, memory, exports: exports as unknown as FilterKernels });
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
  const simd = wasm && simdModule(wasm);
  instance.kernels = simd ? { ...instance.exports, ...(new wasm.Instance(simd, { env: { memory: instance.memory } }).exports as unknown as FilterKernels) } : instance.exports;
  return instance.kernels;
}

/**
 * {@link checksum} of the 32-bit words of `bytes` from `start` to the end,
 * compiled when `bytes` came from {@link allocateImageBytes}.
 */
export function checksumOf(bytes: Uint8Array, start: number): number {
  const words = (bytes.length - start) >>> 2;
  const hash = instances.get(bytes.buffer)?.hash;
  if (hash) return hash(bytes.byteOffset + start, words) >>> 0;
  return checksum(new Int32Array(bytes.buffer, bytes.byteOffset + start, words));
}
