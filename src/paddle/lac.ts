/**
 * Paddle mode: `jieba/lac_small`'s `predict.get_sent` and `get_result`
 * without PaddlePaddle. The text is stripped, each character looked up in
 * the vocabulary (unknown ones share the `OOV` id), run through the network,
 * decoded by the CRF, and the labels assembled into words as
 * `utils.parse_result` does.
 *
 * @module
 */

import { pythonStrip } from '../text/python-str.js';
import { crfDecode } from './crf.js';
import { fullyConnected, gru, gruWeights, transpose, type GruWeights } from './layers.js';
import { EMBEDDING_SIZE, HIDDEN_SIZE, type LacModel } from './model.js';
import { WasmLacNetwork } from './wasm-network.js';

/** Words with LAC tags (`n`, `v`, `PER`, `LOC`, `ORG`, `TIME`, `nw`, ... and `O`). */
export interface LacResult {
  words: string[];
  tags: string[];
}

/** A model's weights laid out for {@link fullyConnected} and {@link gru}. */
interface Prepared {
  layers: { inputSize: number; forwardFc: Float32Array; backwardFc: Float32Array; forwardGru: GruWeights; backwardGru: GruWeights }[];
  emission: Float32Array;
}

const prepared = new WeakMap<LacModel, Prepared>();

function prepare(model: LacModel): Prepared {
  let ready = prepared.get(model);
  if (!ready) {
    const H = HIDDEN_SIZE;
    ready = {
      layers: model.layers.map((layer) => ({
        inputSize: layer.inputSize,
        forwardFc: transpose(layer.forward.projection.floats(), layer.inputSize, 3 * H),
        backwardFc: transpose(layer.backward.projection.floats(), layer.inputSize, 3 * H),
        forwardGru: gruWeights(layer.forward.recurrent.floats(), layer.forward.recurrentBias, H),
        backwardGru: gruWeights(layer.backward.recurrent.floats(), layer.backward.recurrentBias, H),
      })),
      emission: transpose(model.emission.floats(), 2 * H, model.labels.length),
    };
    prepared.set(model, ready);
  }
  return ready;
}

/**
 * The emission scores of the characters `ids` (vocabulary ids), computed in
 * plain JavaScript: float32 values, float64 sums, `Math.exp`. Paddle mode
 * uses {@link WasmLacNetwork} instead where WebAssembly SIMD is available.
 *
 * @returns `[ids.length, labels]`
 * @example
 * const ids = Int32Array.from('我爱北京', (c) => model.vocabulary.get(c) ?? model.oov);
 * lacEmissionsJs(model, ids).length; // 4 * model.labels.length
 */
export function lacEmissionsJs(model: LacModel, ids: Int32Array): Float32Array {
  const steps = ids.length;
  const H = HIDDEN_SIZE;
  const weights = prepare(model);
  let features = new Float32Array(steps * EMBEDDING_SIZE);
  for (let t = 0; t < steps; t++) {
    model.embedding.copyRow(ids[t]!, features, t * EMBEDDING_SIZE);
  }
  let width = EMBEDDING_SIZE;
  model.layers.forEach((layer, i) => {
    const ready = weights.layers[i]!;
    const merged = new Float32Array(steps * 2 * H);
    const forward = fullyConnected(features, steps, width, ready.forwardFc, layer.forward.projectionBias, 3 * H);
    gru(forward, steps, H, ready.forwardGru, false, merged, 2 * H, 0);
    const backward = fullyConnected(features, steps, width, ready.backwardFc, layer.backward.projectionBias, 3 * H);
    gru(backward, steps, H, ready.backwardGru, true, merged, 2 * H, H);
    features = merged;
    width = 2 * H;
  });
  return fullyConnected(features, steps, width, weights.emission, model.emissionBias, model.labels.length);
}

/** Which implementation of the network computes paddle mode's emissions. */
export type LacEngine = 'wasm' | 'js';

/**
 * The label of each character, given as vocabulary ids: the network's
 * forward pass and the CRF's best path. The network runs on WebAssembly
 * SIMD where it is available (`engine` 'wasm', the default), else in
 * JavaScript; `engine` 'js' asks for JavaScript.
 *
 * @returns label ids (into `model.labels`), one per character
 * @example
 * const ids = Int32Array.from('我爱北京', (c) => model.vocabulary.get(c) ?? model.oov);
 * Array.from(lacLabels(model, ids), (l) => model.labels[l]); // ['r-B', 'v-B', 'LOC-B', 'LOC-I']
 */
export function lacLabels(model: LacModel, ids: Int32Array, engine: LacEngine = 'wasm'): Int32Array {
  const network = engine === 'wasm' ? WasmLacNetwork.of(model) : undefined;
  if (network) return network.labels(ids);
  return crfDecode(lacEmissionsJs(model, ids), ids.length, model.labels.length, model.transitions);
}

/**
 * Chinese punctuation and the forms LAC was trained on. LAC's own reader
 * converts text before the lookup; jieba's `lac_small` does not, so these
 * characters reach the network with embeddings that never left their
 * random initialisation (as do capitals and full-width letters and digits).
 * Each pair here goes from such a character to a trained one (a test checks
 * this against the model).
 */
export const LAC_PUNCTUATION: Readonly<Record<string, string>> = {
  '，': ',',
  '。': '.',
  '、': ',',
  '：': ':',
  '；': ';',
  '？': '?',
  '！': '!',
  '“': '"',
  '”': '"',
  '‘': "'",
  '’': "'",
  '「': '"',
  '」': '"',
  '『': '"',
  '』': '"',
  '—': '-',
  '…': '.',
  '【': '[',
  '】': ']',
  '〈': '<',
  '〉': '>',
};

/**
 * The character the model should see for `c` with `normalize`: full-width
 * ASCII (U+FF01–U+FF5E) as ASCII, Chinese punctuation as in
 * {@link LAC_PUNCTUATION}, ASCII capitals in lower case.
 *
 * @example
 * normalizeForLac('，'); // ','
 * normalizeForLac('Ａ'); // 'a'
 */
export function normalizeForLac(c: string): string {
  const code = c.charCodeAt(0);
  let out = c;
  if (c.length === 1 && code >= 0xff01 && code <= 0xff5e) out = String.fromCharCode(code - 0xfee0);
  else out = LAC_PUNCTUATION[c] ?? c;
  const first = out.charCodeAt(0);
  return out.length === 1 && first >= 0x41 && first <= 0x5a ? String.fromCharCode(first + 32) : out;
}

/**
 * Segment and tag `text` in paddle mode. By default Python's own behaviour
 * is kept: surrounding whitespace is stripped first, each character is
 * looked up as it is, and one missing from the model's vocabulary comes
 * out as a space (`id2word_dict` of `OOV`), inside whatever word it falls
 * in. With `normalize` (not Python's behaviour), characters are looked up
 * by {@link normalizeForLac}, and words keep the original characters.
 * Empty input (where Python's paddle crashes) gives no words.
 *
 * @example
 * lacAnalyze(model, '我爱北京天安门'); // { words: ['我', '爱', '北京', '天安门'], tags: ['r', 'v', 'LOC', 'LOC'] }
 */
export function lacAnalyze(model: LacModel, text: string, normalize = false): LacResult {
  const input = lacInput(model, text, normalize);
  if (!input) return { words: [], tags: [] };
  return lacWords(model, input, lacLabels(model, input.ids));
}

/**
 * {@link lacAnalyze} of each text of `texts`, the same results, faster:
 * where WebAssembly SIMD runs the network, texts go through it two at a
 * time (see `WasmLacNetwork.labelsMany`). What the CLI does with its
 * batches of lines.
 *
 * @example
 * lacAnalyzeMany(model, ['我爱北京天安门', '你好']); // [{ words: ['我', '爱', '北京', '天安门'], ... }, { words: ['你好'], ... }]
 */
export function lacAnalyzeMany(model: LacModel, texts: readonly string[], normalize = false): LacResult[] {
  const inputs = texts.map((text) => lacInput(model, text, normalize));
  const network = WasmLacNetwork.of(model);
  const present = inputs.filter((input): input is LacInput => input !== undefined);
  const labels = network ? network.labelsMany(present.map((input) => input.ids)) : present.map((input) => lacLabels(model, input.ids));
  let next = 0;
  return inputs.map((input) => (input ? lacWords(model, input, labels[next++]!) : { words: [], tags: [] }));
}

/** A text as the network reads it: its characters' ids (and, with `normalize`, the characters, which the words keep). */
interface LacInput {
  ids: Int32Array;
  characters: string[] | undefined;
}

/** The network's input for `text`: stripped, then looked up; undefined when nothing is left. */
function lacInput(model: LacModel, text: string, normalize: boolean): LacInput | undefined {
  const stripped = pythonStrip(text);
  if (stripped === '') return undefined;
  if (!normalize) return { ids: idsOf(model, stripped), characters: undefined };
  const characters = Array.from(stripped);
  return { ids: Int32Array.from(characters, (c) => model.vocabulary.get(normalizeForLac(c)) ?? model.oov), characters };
}

/** `utils.parse_result`: the words and tags of `input` labelled `labels`. */
function lacWords(model: LacModel, { ids, characters }: LacInput, labels: Int32Array): LacResult {
  const info = labelsOf(model);
  const { tagOf, begins, outside, shown: shownById } = info;
  // A word starts at a "-B" label, or at "O" after a non-"O".
  const words: string[] = [];
  const wordTags: string[] = [];
  let partial = '';
  for (let i = 0; i < labels.length; i++) {
    const label = labels[i]!;
    const shown = characters ? characters[i]! : (shownById[ids[i]!] ?? shownOf(model, info, ids[i]!));
    if (partial === '') {
      partial = shown;
      wordTags.push(tagOf[label]!);
    } else if (begins[label] === 1 || (outside[label] === 1 && outside[labels[i - 1]!] !== 1)) {
      words.push(partial);
      wordTags.push(tagOf[label]!);
      partial = shown;
    } else {
      partial += shown;
    }
  }
  if (words.length < wordTags.length) words.push(partial);
  return { words, tags: wordTags };
}

/** The vocabulary id of each character (code point) of `text`, the characters looked up as they are. */
function idsOf(model: LacModel, text: string): Int32Array {
  const { vocabulary, oov } = model;
  const ids = new Int32Array(text.length);
  let count = 0;
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    const low = unit >= 0xd800 && unit <= 0xdbff ? text.charCodeAt(i + 1) : 0;
    if (low >= 0xdc00 && low <= 0xdfff) {
      ids[count++] = vocabulary.get(text.slice(i, i + 2)) ?? oov;
      i++;
    } else {
      const id = vocabulary.idOfUnit(unit);
      ids[count++] = id >= 0 ? id : oov;
    }
  }
  return ids.subarray(0, count);
}

/** The character of vocabulary id `id` as Python shows it (`id2word_dict`; a space for `OOV`), kept in `info`. */
function shownOf(model: LacModel, info: LabelInfo, id: number): string {
  const word = model.vocabulary.wordOf(id)!;
  return (info.shown[id] = word === 'OOV' ? ' ' : word);
}

/** What `parse_result` reads of a model's labels and vocabulary, as arrays. */
interface LabelInfo {
  /** The character of each id shown so far (see `shownOf`). */
  shown: (string | undefined)[];
  /** Each label's tag: `'n-B'` gives `'n'`. */
  tagOf: string[];
  /** 1 for a label ending in `-B`. */
  begins: Uint8Array;
  /** 1 for `O`. */
  outside: Uint8Array;
}

const labelInfo = new WeakMap<LacModel, LabelInfo>();

function labelsOf(model: LacModel): LabelInfo {
  let info = labelInfo.get(model);
  if (!info) {
    // `shown` is filled as characters come: walking the whole vocabulary
    // would cost the first call some 9 ms.
    info = {
      shown: new Array<string | undefined>(model.embedding.rows).fill(undefined),
      tagOf: model.labels.map((tag) => tag.split('-')[0]!),
      begins: Uint8Array.from(model.labels, (tag) => (tag.endsWith('-B') ? 1 : 0)),
      outside: Uint8Array.from(model.labels, (tag) => (tag === 'O' ? 1 : 0)),
    };
    labelInfo.set(model, info);
  }
  return info;
}
