/**
 * {@link RealPathViterbi} compiled to WebAssembly (`kernels.wat`): the same
 * decisions, the same path, about twice as fast (measured 2026-12-01
 * over the runs of the Tang poems and the Song ci: 2.08x and 1.89x), mostly
 * from choosing between scores without branches (see the comment at the top
 * of `kernels.wat`). Tagging traditional and
 * classical text spends most of its time in this decoder. The build makes
 * two modules of `kernels.wat`: one with SIMD, used where the engine
 * compiles it, and one without.
 *
 * Each model gets one WebAssembly memory, made at its full size on first
 * use and never grown (growing would detach its buffer; see
 * `allocateImageBytes`): the decoder's scratch, and the tables it reads,
 * copied from the model with a few derived for it (2.6 MB in all with
 * jieba's model).
 * Where WebAssembly is unavailable (or may not compile code), `decode`
 * answers `undefined` and the caller uses {@link RealPathViterbi}.
 *
 * @module
 */

import { HAN_FIRST } from '../text/char-classes.js';
import { WASM_BASE64, WASM_SIMD_BASE64 } from './kernels-wasm.js';
import { compiledWasm } from '../wasm-module.js';
import { maskWords, POS_MIN_FLOAT, type PosModel } from './model.js';
import { REAL_PATH_LONGEST, realPathLimits } from './real-path-viterbi.js';

/** Fixed places in the memory, in bytes, as `kernels.wat` lists them. */
const CHARS = 256;
const PATH = 768;
const STAMPS = 5120;
const TABLES = 942336;
/** Header words (i32): the table addresses, in this order, from word 2. */
const TABLE_NAMES = [
  'start',
  'maxTransInto',
  'feeds',
  'prevMask',
  'charStart',
  'charStates',
  'charEmit',
  'emitStart',
  'emitStates',
  'emitValues',
  'kinds',
  'pairA',
  'pairB',
  'pairTransA',
  'pairTransB',
  'wideColumn',
  'wideRow',
  'wideTrans',
  'nextMask',
  'silent',
  'startLayer',
] as const;
/** Header words after the tables: whether a silent first character opens a layer, and the stamp. */
const START_OPEN_WORD = 2 + TABLE_NAMES.length;
const STAMP_WORD = START_OPEN_WORD + 1;

/** The part of the WebAssembly API used here (typed locally: the project's lib has no DOM). */
interface WasmApi {
  Instance: new (module: object, imports: object) => { exports: Record<string, unknown> };
  Memory: new (descriptor: { initial: number; maximum?: number }) => { readonly buffer: ArrayBuffer };
}

type DecodeKernel = (length: number, shadowAllowed: number, realFloor: number, shadowCeiling: number) => number;


/** A model's decoder: its memory's views and the kernel. */
interface ModelKernel {
  readonly decode: DecodeKernel;
  readonly chars: Uint16Array;
  readonly path: Uint8Array;
  /** Han characters the tables cover (`charStart.length - 1`). */
  readonly han: number;
  readonly shadowAllowed: number;
  readonly realFloor: number;
  readonly shadowCeiling: number;
}

/** Each model's kernel, by module: the SIMD one (or the scalar one where SIMD is missing), and the scalar one asked for. */
const kernels = { simd: new WeakMap<PosModel, ModelKernel | null>(), scalar: new WeakMap<PosModel, ModelKernel | null>() };

/**
 * The tables `kernels.wat` reads besides the model's own (derived): each
 * state's kind (0: no predecessor; 1: one or two, kept in `pairA`/`pairB`
 * with their transitions; 2: more, "wide"), which states lead to a wide
 * one (`feeds`: the head holds those), the transitions into wide states as
 * a matrix with one row per such state (missing ones -Infinity) and each
 * wide state's column in it, whether each Han character is silent, and the
 * layer a silent first character opens.
 */
function derivedTables(model: PosModel): {
  tables: Record<(typeof TABLE_NAMES)[number], ArrayBufferView>;
  rowOf: Int32Array;
  wideCount: number;
  startOpen: boolean;
} {
  const S = model.states.length;
  const kinds = new Uint8Array(S);
  const pairA = new Uint8Array(S);
  const pairB = new Uint8Array(S);
  const pairTransA = new Float64Array(S);
  const pairTransB = new Float64Array(S);
  const wideColumn = new Int32Array(S);
  const feeds = new Uint8Array(S);
  let wide = 0;
  for (let y = 0; y < S; y++) {
    const from = model.prevStart[y]!;
    const to = model.prevStart[y + 1]!;
    if (to === from) continue;
    if (to - from <= 2) {
      kinds[y] = 1;
      pairA[y] = model.prev[from]!;
      pairTransA[y] = model.prevTrans[from]!;
      pairB[y] = model.prev[to - 1]!;
      pairTransB[y] = model.prevTrans[to - 1]!;
    } else {
      kinds[y] = 2;
      wideColumn[y] = 8 * wide++;
      for (let k = from; k < to; k++) feeds[model.prev[k]!] = 1;
    }
  }
  // Rows of the wide matrix by feeding state; `rowOf` gets memory addresses once the layout is known.
  const rowOf = new Int32Array(S).fill(-1);
  let feeders = 0;
  for (let x = 0; x < S; x++) if (feeds[x]) rowOf[x] = feeders++;
  const wideTrans = new Float64Array(Math.max(1, feeders * wide)).fill(-Infinity);
  for (let y = 0; y < S; y++) {
    if (kinds[y] !== 2) continue;
    for (let k = model.prevStart[y]!; k < model.prevStart[y + 1]!; k++) wideTrans[rowOf[model.prev[k]!]! * wide + wideColumn[y]! / 8] = model.prevTrans[k]!;
  }
  // Filled by the kernel's `prepare`.
  const silent = new Uint8Array(model.charStart.length - 1);
  // As TopLayers.openAtStart: the states whose start absorbs MIN_FLOAT, if every other start falls to 2 * MIN_FLOAT or below.
  const startLayer = new Int32Array(8);
  let startOpen = model.hugeScore < Infinity;
  let any = false;
  for (let y = 0; y < S && startOpen; y++) {
    const score = model.start[y]! + POS_MIN_FLOAT;
    if (score === POS_MIN_FLOAT) {
      startLayer[y >>> 5]! |= 1 << (y & 31);
      any = true;
    } else if (!(score <= 2 * POS_MIN_FLOAT)) startOpen = false;
  }
  const { start, maxTransInto, prevMask, charStart, charStates, charEmit, emitStart, emitStates, emitValues, nextMask } = model;
  return {
    tables: {
      start,
      maxTransInto,
      feeds,
      prevMask,
      charStart,
      charStates,
      charEmit,
      emitStart,
      emitStates,
      emitValues,
      kinds,
      pairA,
      pairB,
      pairTransA,
      pairTransB,
      wideColumn,
      wideRow: rowOf,
      wideTrans,
      nextMask,
      silent,
      startLayer,
    },
    rowOf,
    wideCount: wide,
    startOpen: startOpen && any,
  };
}

function kernelOf(model: PosModel, simd: boolean): ModelKernel | null {
  const cache = simd ? kernels.simd : kernels.scalar;
  let kernel = cache.get(model);
  if (kernel !== undefined) return kernel;
  kernel = null;
  const wasm = (globalThis as { WebAssembly?: WasmApi }).WebAssembly;
  // An engine without SIMD refuses that module (compiledWasm answers null).
  const module = (simd ? compiledWasm(WASM_SIMD_BASE64) : null) ?? compiledWasm(WASM_BASE64);
  const S = model.states.length;
  if (module && wasm && S <= 256 && S > 0) {
    const { tables, rowOf, wideCount, startOpen } = derivedTables(model);
    const at: number[] = [];
    let end = TABLES;
    for (const name of TABLE_NAMES) {
      end = (end + 7) & ~7;
      at.push(end);
      end += tables[name].byteLength;
    }
    // The wide matrix's row of each feeding state, as an address.
    const wideAt = at[TABLE_NAMES.indexOf('wideTrans')]!;
    for (let x = 0; x < S; x++) rowOf[x] = rowOf[x]! < 0 ? wideAt : wideAt + rowOf[x]! * wideCount * 8;
    const memory = new wasm.Memory({ initial: Math.ceil(end / 65536) });
    const bytes = new Uint8Array(memory.buffer);
    TABLE_NAMES.forEach((name, i) => {
      const table = tables[name];
      bytes.set(new Uint8Array(table.buffer, table.byteOffset, table.byteLength), at[i]!);
    });
    const header = new Int32Array(memory.buffer, 0, STAMP_WORD + 1);
    header[0] = S;
    header[1] = maskWords(S);
    header.set(at, 2);
    header[START_OPEN_WORD] = startOpen ? 1 : 0;
    new Int32Array(memory.buffer, STAMPS, 512).fill(-1);
    const { shadowAllowed, realFloor, shadowCeiling } = realPathLimits(model);
    const { exports } = new wasm.Instance(module, { env: { memory } });
    (exports.prepare as (han: number) => void)(model.charStart.length - 1);
    kernel = {
      decode: exports.decode as DecodeKernel,
      chars: new Uint16Array(memory.buffer, CHARS, REAL_PATH_LONGEST),
      path: new Uint8Array(memory.buffer, PATH, REAL_PATH_LONGEST),
      han: model.charStart.length - 1,
      shadowAllowed: shadowAllowed ? 1 : 0,
      realFloor,
      shadowCeiling,
    };
  }
  cache.set(model, kernel);
  return kernel;
}

/**
 * Decodes runs as {@link RealPathViterbi} does, in WebAssembly.
 *
 * @example
 * const compiled = new WasmRealPathViterbi();
 * const decided = compiled.decode(model, text, start, end);
 * if (decided === undefined) realPath.decode(model, text, start, end); // no WebAssembly here
 * else if (!decided) posViterbi(model, text, start, end, scratch);
 */
export class WasmRealPathViterbi {
  /** The best state of each character of the last run decoded (a view of the model's memory). */
  path: Uint8Array = new Uint8Array(0);
  /** The last model decoded and its kernel: a tagger keeps one model, so the map is read once. */
  #model: PosModel | undefined;
  #kernel: ModelKernel | null = null;
  readonly #simd: boolean;

  /**
   * @param options - `simd: false` runs the scalar module even where the
   *   engine has SIMD (the tests compare the two; the paths are the same)
   */
  constructor(options: { readonly simd?: boolean } = {}) {
    this.#simd = options.simd ?? true;
  }

  /**
   * Decode `text.slice(start, end)` (Han characters) into {@link path} and
   * return true; return false where {@link RealPathViterbi} declines; or
   * `undefined`, having decided nothing, where WebAssembly is unavailable
   * or a character is outside the model's tables.
   */
  decode(model: PosModel, text: string, start: number, end: number): boolean | undefined {
    const length = end - start;
    if (length > REAL_PATH_LONGEST || length < 1) return length < 1 ? undefined : false;
    if (model !== this.#model) {
      this.#kernel = kernelOf(model, this.#simd);
      this.#model = model;
    }
    const kernel = this.#kernel;
    if (kernel === null) return undefined;
    const chars = kernel.chars;
    for (let i = 0; i < length; i++) {
      const cu = text.charCodeAt(start + i);
      if (cu - HAN_FIRST >= kernel.han || cu < HAN_FIRST) return undefined;
      chars[i] = cu;
    }
    if (kernel.decode(length, kernel.shadowAllowed, kernel.realFloor, kernel.shadowCeiling) === 0) return false;
    this.path = kernel.path;
    return true;
  }
}
