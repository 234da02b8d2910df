/**
 * Paddle mode's network on the WebAssembly SIMD kernels of `kernels.wat`:
 * the same layers as `lacEmissionsJs` (lac.ts) (embedding, two bidirectional
 * GRU layers, the emission `fc`), with float32 sums four lanes at a time
 * and a float32 `exp`, about ten times faster. Labels may differ from the
 * JavaScript network's on a character whose two best labels score within a
 * rounding error; `test/paddle/wasm-network.test.ts` bounds how often.
 *
 * Each model gets one WebAssembly memory, made at its full size when the
 * model is first used: its weights (2 MB), and buffers for a chunk of
 * {@link CHUNK} characters. A text of any length passes through in chunks
 * (a GRU's state carries over from one chunk to the next), so the memory
 * never grows: growing would detach its buffer, and the first detached
 * buffer of a thread slows every typed-array access that follows (see
 * `allocateImageBytes`).
 *
 * @module
 */

import { crfBacktrack } from './crf.js';
import { WASM_BASE64 } from './kernels-wasm.js';
import { EMBEDDING_SIZE, HIDDEN_SIZE, type LacModel } from './model.js';

/** Characters per kernel call: a multiple of 4 (the `fc` kernel's rows). */
const CHUNK = 256;
/** Gate inputs per character: update, reset and candidate. */
const GATES = 3 * HIDDEN_SIZE;

/** The part of the WebAssembly API used here (typed locally: the project's lib has no DOM). */
interface WasmApi {
  Module: new (bytes: Uint8Array) => object;
  Instance: new (module: object, imports: object) => { exports: Record<string, unknown> };
  Memory: new (descriptor: { initial: number; maximum?: number }) => { readonly buffer: ArrayBuffer };
}

interface Kernels {
  fc(input: number, rows: number, inSize: number, weights: number, bias: number, outSize: number, out: number): void;
  gru(gates: number, steps: number, reverse: number, wur: number, wc: number, bias: number, state: number, out: number, outStride: number): void;
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

/** The compiled module: undefined until tried, null where WebAssembly SIMD is unavailable. */
let compiled: object | null | undefined;

function compile(wasm: WasmApi | undefined): object | null {
  if (compiled === undefined) {
    compiled = null;
    if (wasm && typeof atob === 'function') {
      try {
        compiled = new wasm.Module(Uint8Array.from(atob(WASM_BASE64), (c) => c.charCodeAt(0)));
      } catch {
        // No SIMD (old engines), or a runtime that forbids compiling code.
      }
    }
  }
  return compiled;
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
      const module = compile(wasm);
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
  /** Labels, and labels rounded up to a multiple of 8 (the `fc` kernel's columns). */
  private readonly labelCount: number;
  private readonly paddedLabels: number;
  /** Buffers: the GRU state, a chunk of inputs, of gate inputs, of outputs. */
  private readonly state: number;
  private readonly input: number;
  private readonly gates: number;
  private readonly output: number;
  /** The CRF: labels rounded up to a multiple of 4 (its lanes), its rows in bytes, and its buffers. */
  private readonly crfLabels: number;
  private readonly crfStride: number;
  private readonly crfTransitions: number;
  private readonly crfAlpha: number;
  private readonly crfNext: number;
  private readonly crfTrack: number;
  private readonly doubles: Float64Array;

  private constructor(
    private readonly model: LacModel,
    wasm: WasmApi,
    module: object,
  ) {
    const H = HIDDEN_SIZE;
    const L = model.labels.length;
    const paddedLabels = Math.ceil(L / 8) * 8;
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
    this.state = take(3 * H);
    this.input = take(CHUNK * widest);
    this.gates = take(CHUNK * Math.max(GATES, paddedLabels));
    this.output = take(CHUNK * H);
    const crfLabels = Math.ceil(L / 4) * 4;
    this.crfLabels = crfLabels;
    this.crfStride = 8 * crfLabels;
    // (Counted in floats: a double takes two.)
    this.crfTransitions = take(2 * L * crfLabels);
    this.crfAlpha = take(2 * crfLabels);
    this.crfNext = take(2 * crfLabels);
    this.crfTrack = take(2 * CHUNK * crfLabels);
    const memory = new wasm.Memory({ initial: Math.ceil(bytes / 65536) });
    const { exports } = new wasm.Instance(module, { env: { memory } });
    this.kernels = exports as unknown as Kernels;
    this.floats = new Float32Array(memory.buffer);
    this.doubles = new Float64Array(memory.buffer);
    this.labelCount = L;
    this.paddedLabels = paddedLabels;

    // Then copy the weights in. Paddle's layouts are the kernels' own: an
    // fc weight is [input, output], a GRU weight an [H, 2H] block for the
    // update and reset gates, then an [H, H] block for the candidate.
    const f = this.floats;
    model.layers.forEach((layer, i) => {
      const plan = plans[i]!;
      for (const [at, direction] of [
        [plan.forward, layer.forward],
        [plan.backward, layer.backward],
      ] as const) {
        f.set(direction.projection, at.fc / 4);
        f.set(direction.projectionBias, at.fcBias / 4);
        f.set(direction.recurrent.subarray(0, 2 * H * H), at.updateReset / 4);
        f.set(direction.recurrent.subarray(2 * H * H, 3 * H * H), at.candidate / 4);
        f.set(direction.recurrentBias, at.gruBias / 4);
      }
      this.layers.push(plan);
    });
    for (let k = 0; k < 2 * H; k++) f.set(model.emission.subarray(k * L, (k + 1) * L), this.emission / 4 + k * paddedLabels);
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
    const steps = ids.length;
    const path = new Int32Array(steps);
    if (steps === 0) return path;
    const L = this.labelCount;
    const features = this.features(ids);
    const width = 2 * HIDDEN_SIZE;
    const P = this.paddedLabels;
    const C = this.crfLabels;
    const { doubles: d, floats: f, model } = this;
    const track = new Int32Array(steps * L);
    const alpha = this.crfAlpha / 8;
    for (let from = 0; from < steps; from += CHUNK) {
      const n = Math.min(CHUNK, steps - from);
      const rows = this.load(features, width, from, n);
      this.kernels.fc(this.input, rows, width, this.emission, this.emissionBias, P, this.gates);
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
    const features = this.features(ids);
    const width = 2 * HIDDEN_SIZE;
    const L = this.labelCount;
    const P = this.paddedLabels;
    const out = new Float32Array(steps * L);
    const f = this.floats;
    for (let from = 0; from < steps; from += CHUNK) {
      const n = Math.min(CHUNK, steps - from);
      const rows = this.load(features, width, from, n);
      this.kernels.fc(this.input, rows, width, this.emission, this.emissionBias, P, this.gates);
      const gates = this.gates / 4;
      for (let t = 0; t < n; t++) out.set(f.subarray(gates + t * P, gates + t * P + L), (from + t) * L);
    }
    return out;
  }

  /** The last layer's states for the characters `ids`: `[ids.length, 2H]`, what the emission `fc` reads. */
  private features(ids: Int32Array): Float32Array {
    const { model } = this;
    const steps = ids.length;
    let features = new Float32Array(steps * EMBEDDING_SIZE);
    for (let t = 0; t < steps; t++) {
      features.set(model.embedding.subarray(ids[t]! * EMBEDDING_SIZE, (ids[t]! + 1) * EMBEDDING_SIZE), t * EMBEDDING_SIZE);
    }
    let width = EMBEDDING_SIZE;
    for (const layer of this.layers) {
      const merged = new Float32Array(steps * 2 * HIDDEN_SIZE);
      this.direction(features, width, steps, layer.forward, false, merged, 0);
      this.direction(features, width, steps, layer.backward, true, merged, HIDDEN_SIZE);
      features = merged;
      width = 2 * HIDDEN_SIZE;
    }
    return features;
  }

  /**
   * One direction of a layer over the whole text, chunk by chunk (last
   * chunk first when `reverse`), its states into columns `column ..
   * column + H` of `out` (`[steps, 2H]`).
   */
  private direction(features: Float32Array, width: number, steps: number, at: DirectionAt, reverse: boolean, out: Float32Array, column: number): void {
    const H = HIDDEN_SIZE;
    const f = this.floats;
    f.fill(0, this.state / 4, this.state / 4 + H);
    const output = this.output / 4;
    for (let done = 0; done < steps; done += CHUNK) {
      const n = Math.min(CHUNK, steps - done);
      const from = reverse ? steps - done - n : done;
      const rows = this.load(features, width, from, n);
      this.kernels.fc(this.input, rows, width, at.fc, at.fcBias, GATES, this.gates);
      this.kernels.gru(this.gates, n, reverse ? 1 : 0, at.updateReset, at.candidate, at.gruBias, this.state, this.output, 4 * H);
      for (let t = 0; t < n; t++) out.set(f.subarray(output + t * H, output + (t + 1) * H), (from + t) * 2 * H + column);
    }
  }

  /** Copy rows `from .. from + n` of `features` into the input buffer, zeros up to a multiple of 4 rows; returns that row count. */
  private load(features: Float32Array, width: number, from: number, n: number): number {
    const rows = (n + 3) & ~3;
    const input = this.input / 4;
    this.floats.set(features.subarray(from * width, (from + n) * width), input);
    this.floats.fill(0, input + n * width, input + rows * width);
    return rows;
  }
}
