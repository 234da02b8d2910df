/**
 * Paddle mode's network on the WebAssembly SIMD kernels of `kernels.wat`:
 * the same layers as `lacEmissionsJs` (lac.ts) (embedding, two bidirectional
 * GRU layers, the emission `fc`), with float32 sums four lanes at a time
 * and a float32 `exp`, about ten times faster. Labels may differ from the
 * JavaScript network's on a character whose two best labels score within a
 * rounding error; `test/paddle/wasm-network.test.ts` bounds how often.
 *
 * The first layer's input projections (its `fc`) read nothing but a
 * character's embedding, so they are computed once per character and kept
 * (see {@link CACHED_CHARACTERS}); the kernel computes each row alone, in the
 * same order, so a kept row has the bits a fresh one would have.
 *
 * Each model gets one WebAssembly memory, made at its full size when the
 * model is first used: its weights (2 MB), the first layer's kept rows (up
 * to 12.6 MB, touched, and so taken from the system, only as characters
 * come), and buffers for a chunk of {@link CHUNK} characters. A text of any length passes through in chunks
 * (a GRU's state carries over from one chunk to the next), so the memory
 * never grows: growing would detach its buffer, and the first detached
 * buffer of a thread slows every typed-array access that follows (see
 * `allocateImageBytes`).
 *
 * @module
 */

import { crfBacktrack } from './crf.js';
import { WASM_BASE64 } from './kernels-wasm.js';
import { compiledWasm } from '../wasm-module.js';
import { EMBEDDING_SIZE, HIDDEN_SIZE, type LacModel } from './model.js';

/** Characters per kernel call. */
const CHUNK = 256;
/** Gate inputs per character: update, reset and candidate. */
const GATES = 3 * HIDDEN_SIZE;
/**
 * Characters whose first-layer gate inputs (both directions: 3 KB) are kept
 * per model, first come first kept. 4,096 cover 98-99% of the characters
 * of news, the SIGHAN 2005 test sets and classical poems; a character past
 * them is computed each time it comes.
 */
const CACHED_CHARACTERS = 4096;

/** The part of the WebAssembly API used here (typed locally: the project's lib has no DOM). */
interface WasmApi {
  Instance: new (module: object, imports: object) => { exports: Record<string, unknown> };
  Memory: new (descriptor: { initial: number; maximum?: number }) => { readonly buffer: ArrayBuffer };
}

interface Kernels {
  /** Widens halves, in place from the upper half of the output (see `src/math/halves.wat`). */
  f16to32(src: number, dst: number, count: number): void;
  fc(input: number, rows: number, inSize: number, weights: number, bias: number, outSize: number, out: number): void;
  gruPair(
    steps: number,
    reverse: number,
    wur: number,
    wc: number,
    bias: number,
    outStride: number,
    gatesA: number,
    rowAtA: number,
    stateA: number,
    outA: number,
    gatesB: number,
    rowAtB: number,
    stateB: number,
    outB: number,
  ): void;
  gru(gates: number, rowAt: number, steps: number, reverse: number, wur: number, wc: number, bias: number, state: number, out: number, outStride: number): void;
  crf(em: number, emStride: number, steps: number, labels: number, trans: number, stride: number, alpha: number, next: number, track: number): void;
}

/** One direction of a layer: byte offsets of its weights in the memory. */
interface DirectionAt {
  fc: number;
  fcBias: number;
  updateReset: number;
  candidate: number;
  gruBias: number;
}

const networks = new WeakMap<LacModel, WasmLacNetwork | null>();

/**
 * The network of `model` on WebAssembly SIMD.
 *
 * @example
 * const network = WasmLacNetwork.of(model); // undefined without WebAssembly SIMD
 * const emission = network?.emissions(ids); // [ids.length, labels]
 */
export class WasmLacNetwork {
  /** The network of `model`, made on first use; undefined where WebAssembly SIMD is unavailable. */
  static of(model: LacModel): WasmLacNetwork | undefined {
    let network = networks.get(model);
    if (network === undefined) {
      const wasm = (globalThis as { WebAssembly?: WasmApi }).WebAssembly;
      const module = compiledWasm(WASM_BASE64);
      network = module && wasm ? new WasmLacNetwork(model, wasm, module) : null;
      networks.set(model, network);
    }
    return network ?? undefined;
  }

  private readonly kernels: Kernels;
  private readonly floats: Float32Array;
  private readonly layers: { inputSize: number; forward: DirectionAt; backward: DirectionAt }[] = [];
  private readonly emission: number;
  private readonly emissionBias: number;
  /** Labels, and labels rounded up to a multiple of 32 (the `fc` kernel's columns). */
  private readonly labelCount: number;
  private readonly paddedLabels: number;
  /** The first layer's kept gate inputs: forward then backward, 2 x GATES floats a character. */
  private readonly cache: number;
  /** Each vocabulary id's entry in the cache, or -1. */
  private readonly cacheSlots: Int32Array;
  private cached = 0;
  /** Buffers: the GRU state (h, r * h, u and 256 sums), a chunk of inputs, of gate inputs, of fresh first-layer rows, of outputs. */
  private readonly state: number;
  private readonly input: number;
  private readonly gates: number;
  private readonly fresh: number;
  /** Byte offsets of the first layer's gate inputs for each character of a chunk (see `cachedGates`). */
  private readonly rowTable: number;
  private readonly output: number;
  /** Each layer's states, `[CHUNK, 2H]`, for a text of one chunk (two, taking turns). */
  private readonly chunkStates: readonly [number, number];
  /** The second text's buffers when two run together (see `labelsMany`). */
  private readonly second: { state: number; gates: number; fresh: number; rowTable: number; chunkStates: readonly [number, number] };
  /** The CRF: labels rounded up to a multiple of 4 (its lanes), its rows in bytes, and its buffers. */
  private readonly crfLabels: number;
  private readonly crfStride: number;
  private readonly crfTransitions: number;
  private readonly crfAlpha: number;
  private readonly crfNext: number;
  private readonly crfTrack: number;
  private readonly doubles: Float64Array;
  private readonly ints: Int32Array;

  private constructor(
    private readonly model: LacModel,
    wasm: WasmApi,
    module: object,
  ) {
    const H = HIDDEN_SIZE;
    const L = model.labels.length;
    const paddedLabels = Math.ceil(L / 32) * 32;
    // Lay the memory out first, in bytes, 16-byte aligned.
    let bytes = 0;
    const take = (floats: number): number => {
      const at = bytes;
      bytes += Math.ceil(floats / 4) * 16;
      return at;
    };
    const plans = model.layers.map((layer) => {
      const direction = (): DirectionAt => ({
        fc: take(layer.inputSize * GATES),
        fcBias: take(GATES),
        updateReset: take(H * 2 * H),
        candidate: take(H * H),
        gruBias: take(GATES),
      });
      return { inputSize: layer.inputSize, forward: direction(), backward: direction() };
    });
    const widest = Math.max(EMBEDDING_SIZE, 2 * H, ...model.layers.map((layer) => layer.inputSize));
    this.emission = take(2 * H * paddedLabels);
    this.emissionBias = take(paddedLabels);
    this.state = take(5 * H);
    this.input = take(CHUNK * widest);
    this.gates = take(CHUNK * Math.max(GATES, paddedLabels));
    this.fresh = take(CHUNK * GATES);
    this.rowTable = take(CHUNK);
    this.output = take(CHUNK * H);
    this.chunkStates = [take(CHUNK * 2 * H), take(CHUNK * 2 * H)];
    this.second = {
      state: take(5 * H),
      gates: take(CHUNK * GATES),
      fresh: take(CHUNK * GATES),
      rowTable: take(CHUNK),
      chunkStates: [take(CHUNK * 2 * H), take(CHUNK * 2 * H)],
    };
    const crfLabels = Math.ceil(L / 4) * 4;
    this.crfLabels = crfLabels;
    this.crfStride = 8 * crfLabels;
    // (Counted in floats: a double takes two.)
    this.crfTransitions = take(2 * L * crfLabels);
    this.crfAlpha = take(2 * crfLabels);
    this.crfNext = take(2 * crfLabels);
    this.crfTrack = take(2 * CHUNK * crfLabels);
    this.cache = take(CACHED_CHARACTERS * 2 * GATES);
    this.cacheSlots = new Int32Array(model.embedding.rows).fill(-1);
    const memory = new wasm.Memory({ initial: Math.ceil(bytes / 65536) });
    const { exports } = new wasm.Instance(module, { env: { memory } });
    this.kernels = exports as unknown as Kernels;
    this.floats = new Float32Array(memory.buffer);
    this.ints = new Int32Array(memory.buffer);
    this.doubles = new Float64Array(memory.buffer);
    this.labelCount = L;
    this.paddedLabels = paddedLabels;

    // Then copy the weights in. Paddle's layouts are the kernels' own: an
    // fc weight is [input, output], a GRU weight an [H, 2H] block for the
    // update and reset gates, then an [H, H] block for the candidate.
    const f = this.floats;
    const { buffer } = memory;
    const widen = this.kernels.f16to32;
    model.layers.forEach((layer, i) => {
      const plan = plans[i]!;
      for (const [at, direction] of [
        [plan.forward, layer.forward],
        [plan.backward, layer.backward],
      ] as const) {
        direction.projection.placeIn(buffer, at.fc, widen);
        f.set(direction.projectionBias, at.fcBias / 4);
        direction.recurrent.placeIn(buffer, at.updateReset, widen, 0, 2 * H * H);
        direction.recurrent.placeIn(buffer, at.candidate, widen, 2 * H * H, H * H);
        f.set(direction.recurrentBias, at.gruBias / 4);
      }
      this.layers.push(plan);
    });
    for (let k = 0; k < 2 * H; k++) model.emission.placeIn(buffer, this.emission + 4 * k * paddedLabels, widen, k * L, L);
    f.set(model.emissionBias, this.emissionBias / 4);
    // The CRF's transitions from each label j (rows 2 .. L + 1 of the
    // model's), as doubles; the lanes past the last label get -Infinity
    // (their scores are never read).
    const d = this.doubles;
    for (let j = 0; j < L; j++) {
      const row = this.crfTransitions / 8 + j * crfLabels;
      for (let i = 0; i < crfLabels; i++) d[row + i] = i < L ? model.transitions[(j + 2) * L + i]! : -Infinity;
    }
  }

  /**
   * The label of each character of `ids` (vocabulary ids): the network, then
   * the CRF's best path, as `crfDecode(this.emissions(ids), ...)` gives it,
   * with the CRF's steps in WebAssembly too, chunk by chunk as the
   * emissions come.
   */
  labels(ids: Int32Array): Int32Array {
    if (ids.length === 0) return new Int32Array(0);
    return this.decode(this.features(ids), ids.length);
  }

  /**
   * The labels of each text of `list`, as `labels` gives them: texts of one
   * chunk go two at a time, of similar lengths, through each GRU in
   * lockstep (the `gruPair` kernel), so that each weight vector loaded
   * serves both; the bits are those of one text at a time.
   *
   * @example
   * network.labelsMany([idsOf('我爱北京'), idsOf('天安门')]); // [labels of the first, of the second]
   */
  labelsMany(list: readonly Int32Array[]): Int32Array[] {
    const results: Int32Array[] = new Array<Int32Array>(list.length);
    const short: number[] = [];
    for (let i = 0; i < list.length; i++) {
      if (list[i]!.length > 0 && list[i]!.length <= CHUNK) short.push(i);
      else results[i] = this.labels(list[i]!);
    }
    short.sort((a, b) => list[a]!.length - list[b]!.length || a - b);
    for (let k = 0; k + 1 < short.length; k += 2) {
      const a = list[short[k]!]!;
      const b = list[short[k + 1]!]!;
      const [featuresA, featuresB] = this.pairFeatures(a, b);
      results[short[k]!] = this.decode(featuresA, a.length);
      results[short[k + 1]!] = this.decode(featuresB, b.length);
    }
    if (short.length % 2 === 1) results[short[short.length - 1]!] = this.labels(list[short[short.length - 1]!]!);
    return results;
  }

  /** The emission `fc` and the CRF's best path over the last layer's states `features` of `steps` characters (at least one). */
  private decode(features: Float32Array | number, steps: number): Int32Array {
    const path = new Int32Array(steps);
    const L = this.labelCount;
    const P = this.paddedLabels;
    const C = this.crfLabels;
    const { doubles: d, floats: f, model } = this;
    const track = new Int32Array(steps * L);
    const alpha = this.crfAlpha / 8;
    for (let from = 0; from < steps; from += CHUNK) {
      const n = Math.min(CHUNK, steps - from);
      this.emissionFc(features, from, n);
      let first = 0;
      if (from === 0) {
        // Step 0: the start scores (row 0 of the transitions) plus the emissions.
        const gates = this.gates / 4;
        for (let i = 0; i < L; i++) d[alpha + i] = model.transitions[i]! + f[gates + i]!;
        first = 1;
      }
      if (n > first) {
        this.kernels.crf(this.gates + first * 4 * P, 4 * P, n - first, L, this.crfTransitions, this.crfStride, this.crfAlpha, this.crfNext, this.crfTrack);
        const rowsAt = this.crfTrack / 8;
        for (let s = 0; s < n - first; s++) {
          const at = (from + first + s) * L;
          for (let i = 0; i < L; i++) track[at + i] = d[rowsAt + s * C + i]!;
        }
      }
    }
    return crfBacktrack(d, alpha, track, steps, L, model.transitions, path);
  }

  /**
   * The emission scores of the characters `ids` (vocabulary ids):
   * `[ids.length, labels]`, for the CRF.
   */
  emissions(ids: Int32Array): Float32Array {
    const steps = ids.length;
    const L = this.labelCount;
    const P = this.paddedLabels;
    const out = new Float32Array(steps * L);
    if (steps === 0) return out;
    const features = this.features(ids);
    const f = this.floats;
    for (let from = 0; from < steps; from += CHUNK) {
      const n = Math.min(CHUNK, steps - from);
      this.emissionFc(features, from, n);
      const gates = this.gates / 4;
      for (let t = 0; t < n; t++) out.set(f.subarray(gates + t * P, gates + t * P + L), (from + t) * L);
    }
    return out;
  }

  /**
   * The last layer's states for the characters `ids` (at least one),
   * `[ids.length, 2H]`, what the emission `fc` reads: for a text of one
   * chunk, the byte offset of their rows in the memory (they never leave
   * it), else an array.
   */
  private features(ids: Int32Array): Float32Array | number {
    const steps = ids.length;
    const H = HIDDEN_SIZE;
    this.keep(ids);
    const [first, ...rest] = this.layers;
    if (steps <= CHUNK) {
      let input = 0;
      for (let i = 0; i < this.layers.length; i++) {
        const layer = this.layers[i]!;
        const out = this.chunkStates[i % 2]!;
        for (const reverse of [false, true]) {
          const at = reverse ? layer.backward : layer.forward;
          this.floats.fill(0, this.state / 4, this.state / 4 + H);
          if (i === 0) this.cachedGates(ids, 0, steps, at, reverse ? GATES : 0);
          else this.kernels.fc(input, steps, layer.inputSize, at.fc, at.fcBias, GATES, this.gates);
          const rowAt = i === 0 ? this.rowTable : 0;
          this.kernels.gru(this.gates, rowAt, steps, reverse ? 1 : 0, at.updateReset, at.candidate, at.gruBias, this.state, out + (reverse ? 4 * H : 0), 8 * H);
        }
        input = out;
      }
      return input;
    }
    let features = new Float32Array(steps * 2 * H);
    this.direction(ids, null, 0, steps, first!.forward, false, features, 0);
    this.direction(ids, null, 0, steps, first!.backward, true, features, H);
    for (const layer of rest) {
      const merged = new Float32Array(steps * 2 * H);
      this.direction(ids, features, layer.inputSize, steps, layer.forward, false, merged, 0);
      this.direction(ids, features, layer.inputSize, steps, layer.backward, true, merged, H);
      features = merged;
    }
    return features;
  }

  /**
   * The last layer's states of two texts of one chunk each, computed
   * together: each direction's GRU runs both texts in lockstep for as many
   * steps as the shorter has (reversed: over the last ones), then the
   * longer alone. Returns the byte offsets of their rows in the memory.
   */
  private pairFeatures(a: Int32Array, b: Int32Array): [number, number] {
    const H = HIDDEN_SIZE;
    const B = this.second;
    const f = this.floats;
    this.keep(a);
    this.keep(b);
    const together = Math.min(a.length, b.length);
    let inputA = 0;
    let inputB = 0;
    for (let i = 0; i < this.layers.length; i++) {
      const layer = this.layers[i]!;
      const outA = this.chunkStates[i % 2]!;
      const outB = B.chunkStates[i % 2]!;
      for (const reverse of [false, true]) {
        const at = reverse ? layer.backward : layer.forward;
        const column = reverse ? 4 * H : 0;
        if (i === 0) {
          this.cachedGates(a, 0, a.length, at, reverse ? GATES : 0, this.rowTable, this.fresh);
          this.cachedGates(b, 0, b.length, at, reverse ? GATES : 0, B.rowTable, B.fresh);
        } else {
          this.kernels.fc(inputA, a.length, layer.inputSize, at.fc, at.fcBias, GATES, this.gates);
          this.kernels.fc(inputB, b.length, layer.inputSize, at.fc, at.fcBias, GATES, B.gates);
        }
        f.fill(0, this.state / 4, this.state / 4 + H);
        f.fill(0, B.state / 4, B.state / 4 + H);
        // Forward, the first `together` rows; reversed, the last ones (a window that starts `shift` rows in).
        const shiftA = reverse ? a.length - together : 0;
        const shiftB = reverse ? b.length - together : 0;
        const rowAtA = i === 0 ? this.rowTable + 4 * shiftA : 0;
        const rowAtB = i === 0 ? B.rowTable + 4 * shiftB : 0;
        this.kernels.gruPair(
          together,
          reverse ? 1 : 0,
          at.updateReset,
          at.candidate,
          at.gruBias,
          8 * H,
          this.gates + shiftA * 4 * GATES,
          rowAtA,
          this.state,
          outA + column + shiftA * 8 * H,
          B.gates + shiftB * 4 * GATES,
          rowAtB,
          B.state,
          outB + column + shiftB * 8 * H,
        );
        // The rest of the longer text, its state carried on: forward, rows `together ..`; reversed, rows `.. length - together`.
        for (const [ids, gates, rowTable, state, out] of [
          [a, this.gates, this.rowTable, this.state, outA],
          [b, B.gates, B.rowTable, B.state, outB],
        ] as const) {
          const rest = ids.length - together;
          if (rest === 0) continue;
          const skip = reverse ? 0 : together;
          this.kernels.gru(gates + skip * 4 * GATES, i === 0 ? rowTable + 4 * skip : 0, rest, reverse ? 1 : 0, at.updateReset, at.candidate, at.gruBias, state, out + column + skip * 8 * H, 8 * H);
        }
      }
      inputA = outA;
      inputB = outB;
    }
    return [inputA, inputB];
  }

  /** The emission `fc` of characters `from .. from + n` into the gate buffer (a text of one chunk has its states in the memory already). */
  private emissionFc(features: Float32Array | number, from: number, n: number): void {
    const width = 2 * HIDDEN_SIZE;
    if (typeof features !== 'number') this.load(features, width, from, n);
    this.kernels.fc(typeof features === 'number' ? features : this.input, n, width, this.emission, this.emissionBias, this.paddedLabels, this.gates);
  }

  /**
   * Compute and keep the first layer's gate inputs of the characters of
   * `ids` not kept yet, while there is room: their embeddings through each
   * direction's `fc`, a chunk of characters at a time.
   */
  private keep(ids: Int32Array): void {
    const { cacheSlots: slots, floats: f, model } = this;
    // Before any slot is taken: a row's block found damaged must not leave a slot that was never computed.
    model.embedding.prepare(ids);
    const [first] = this.layers;
    const newcomers: number[] = [];
    for (let t = 0; t < ids.length && this.cached + newcomers.length < CACHED_CHARACTERS; t++) {
      const id = ids[t]!;
      if (slots[id] !== -1) continue;
      slots[id] = this.cached + newcomers.length;
      newcomers.push(id);
    }
    for (let from = 0; from < newcomers.length; from += CHUNK) {
      const n = Math.min(CHUNK, newcomers.length - from);
      const input = this.input / 4;
      for (let r = 0; r < n; r++) {
        const id = newcomers[from + r]!;
        model.embedding.copyRow(id, f, input + r * EMBEDDING_SIZE);
      }
      for (const [half, at] of [[0, first!.forward], [GATES, first!.backward]] as const) {
        this.kernels.fc(this.input, n, EMBEDDING_SIZE, at.fc, at.fcBias, GATES, this.gates);
        const gates = this.gates / 4;
        for (let r = 0; r < n; r++) {
          const entry = this.cache / 4 + (this.cached + from + r) * 2 * GATES + half;
          f.copyWithin(entry, gates + r * GATES, gates + (r + 1) * GATES);
        }
      }
    }
    this.cached += newcomers.length;
  }

  /**
   * One direction of a layer over the whole text, chunk by chunk (last
   * chunk first when `reverse`), its states into columns `column ..
   * column + H` of `out` (`[steps, 2H]`). The first layer (`features`
   * null) takes its gate inputs from the cache, computing those of
   * characters past it.
   */
  private direction(ids: Int32Array, features: Float32Array | null, width: number, steps: number, at: DirectionAt, reverse: boolean, out: Float32Array, column: number): void {
    const H = HIDDEN_SIZE;
    const f = this.floats;
    f.fill(0, this.state / 4, this.state / 4 + H);
    const output = this.output / 4;
    for (let done = 0; done < steps; done += CHUNK) {
      const n = Math.min(CHUNK, steps - done);
      const from = reverse ? steps - done - n : done;
      if (features) {
        this.load(features, width, from, n);
        this.kernels.fc(this.input, n, width, at.fc, at.fcBias, GATES, this.gates);
      } else {
        this.cachedGates(ids, from, n, at, reverse ? GATES : 0);
      }
      this.kernels.gru(this.gates, features ? 0 : this.rowTable, n, reverse ? 1 : 0, at.updateReset, at.candidate, at.gruBias, this.state, this.output, 4 * H);
      for (let t = 0; t < n; t++) out.set(f.subarray(output + t * H, output + (t + 1) * H), (from + t) * 2 * H + column);
    }
  }

  /**
   * Where the first layer's gate inputs for characters `from .. from + n`
   * of `ids` are, into the row table (byte offsets, for the `gru`
   * kernel): kept rows (`half` picks the direction), and for the others
   * rows of the fresh buffer, computed by `at`'s `fc` from their embeddings.
   */
  private cachedGates(ids: Int32Array, from: number, n: number, at: DirectionAt, half: number, rowTable = this.rowTable, fresh = this.fresh): void {
    const { cacheSlots: slots, floats: f, model } = this;
    const table = rowTable / 4;
    const rows = this.ints;
    const input = this.input / 4;
    const cache = this.cache + 4 * half;
    let missing = 0;
    for (let t = 0; t < n; t++) {
      const id = ids[from + t]!;
      const slot = slots[id]!;
      if (slot >= 0) {
        rows[table + t] = cache + slot * 8 * GATES;
      } else {
        model.embedding.copyRow(id, f, input + missing * EMBEDDING_SIZE);
        rows[table + t] = fresh + missing * 4 * GATES;
        missing++;
      }
    }
    if (missing > 0) this.kernels.fc(this.input, missing, EMBEDDING_SIZE, at.fc, at.fcBias, GATES, fresh);
  }

  /** Copy rows `from .. from + n` of `features` into the input buffer. */
  private load(features: Float32Array, width: number, from: number, n: number): void {
    this.floats.set(features.subarray(from * width, (from + n) * width), this.input / 4);
  }
}
