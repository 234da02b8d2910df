/**
 * Python jieba's paddle-mode model (data/lac_small) read into a
 * {@link LacModel}: PaddlePaddle tensor files and the two vocabularies.
 *
 * @module
 */

import { LacEmbedding } from '../src/paddle/embedding.js';
import { LacVocabulary } from '../src/paddle/vocabulary.js';
import { LacWeights } from '../src/paddle/weights.js';
import { EMBEDDING_SIZE, HIDDEN_SIZE, type GruDirection, type LacModel } from '../src/paddle/model.js';

/** One saved tensor: its dimensions and float32 data. */
export interface PaddleTensor {
  dims: number[];
  data: Float32Array;
}

/** Read a protocol-buffer varint at `at`; returns the value and the next offset. */
function varint(bytes: Uint8Array, at: number): [number, number] {
  let value = 0;
  let scale = 1;
  for (;;) {
    const byte = bytes[at++];
    if (byte === undefined) throw new Error('truncated varint');
    value += (byte & 0x7f) * scale;
    if ((byte & 0x80) === 0) return [value, at];
    scale *= 128;
  }
}

/**
 * Parse one LoDTensor as `fluid.io.save_params` writes it: uint32 version,
 * uint64 LoD level count and each level, uint32 tensor version, int32 size
 * of the TensorDesc protocol buffer (field 1: data type, 5 for float32;
 * field 2: dimensions), then the data.
 */
export function readPaddleTensor(file: Uint8Array, name: string): PaddleTensor {
  const view = new DataView(file.buffer, file.byteOffset, file.byteLength);
  let at = 0;
  if (view.getUint32(at, true) !== 0) throw new Error(`${name}: unknown LoDTensor version`);
  at += 4;
  const levels = Number(view.getBigUint64(at, true));
  at += 8;
  for (let level = 0; level < levels; level++) at += 8 + Number(view.getBigUint64(at, true));
  if (view.getUint32(at, true) !== 0) throw new Error(`${name}: unknown tensor version`);
  at += 4;
  const descSize = view.getInt32(at, true);
  at += 4;
  const descEnd = at + descSize;
  let dataType = -1;
  const dims: number[] = [];
  while (at < descEnd) {
    let key: number;
    [key, at] = varint(file, at);
    const field = Math.floor(key / 8);
    const wire = key % 8;
    if (field === 1 && wire === 0) [dataType, at] = varint(file, at);
    else if (field === 2 && wire === 0) {
      let dim: number;
      [dim, at] = varint(file, at);
      dims.push(dim);
    } else if (field === 2 && wire === 2) {
      let length: number;
      [length, at] = varint(file, at);
      const end = at + length;
      while (at < end) {
        let dim: number;
        [dim, at] = varint(file, at);
        dims.push(dim);
      }
    } else throw new Error(`${name}: unexpected TensorDesc field ${field}`);
  }
  if (dataType !== 5) throw new Error(`${name}: data type ${dataType}, expected 5 (float32)`);
  const count = dims.reduce((a, b) => a * b, 1);
  if (file.length - at !== 4 * count) throw new Error(`${name}: ${file.length - at} bytes of data for dims ${dims.join('x')}`);
  const data = new Float32Array(count);
  for (let i = 0; i < count; i++) data[i] = view.getFloat32(at + 4 * i, true);
  return { dims, data };
}

/**
 * `reader_small.load_kv_dict`: lines of `id<TAB>word` (Python text mode, so
 * `\r`, `\n` and `\r\n` end lines); lines without exactly two fields are
 * skipped; a repeated key is an error.
 */
export function readKvDictionary(text: string, name: string): [id: number, word: string][] {
  const entries: [number, string][] = [];
  const seenIds = new Set<number>();
  const seenWords = new Set<string>();
  for (const line of text.split(/\r\n|\r|\n/)) {
    const fields = line.split('\t');
    if (fields.length !== 2) continue;
    const id = Number(fields[0]);
    const word = fields[1]!;
    if (!Number.isInteger(id) || seenIds.has(id) || seenWords.has(word)) throw new Error(`${name}: bad or repeated entry ${JSON.stringify(line)}`);
    seenIds.add(id);
    seenWords.add(word);
    entries.push([id, word]);
  }
  return entries;
}

/**
 * Read data/lac_small.
 *
 * @param read - the bytes of a file under data/lac_small
 */
export function readLacModel(read: (file: string) => Uint8Array): LacModel {
  const tensor = (file: string, dims: number[]): Float32Array => {
    const { dims: found, data } = readPaddleTensor(read(`model_baseline/${file}`), file);
    if (found.join('x') !== dims.join('x')) throw new Error(`${file}: dims ${found.join('x')}, expected ${dims.join('x')}`);
    return data;
  };
  const text = (file: string): string => new TextDecoder('utf-8', { fatal: true }).decode(read(file));
  const words = readKvDictionary(text('word.dic'), 'word.dic');
  const labels = readKvDictionary(text('tag.dic'), 'tag.dic').sort((a, b) => a[0] - b[0]);
  labels.forEach(([id], i) => {
    if (id !== i) throw new Error('tag.dic: label ids are not 0..n-1');
  });
  const vocabularySize = Math.max(...words.map(([id]) => id)) + 1;
  const oov = words.find(([, word]) => word === 'OOV');
  if (!oov) throw new Error('word.dic has no OOV entry');
  const L = labels.length;
  const H = HIDDEN_SIZE;
  // Parameter names follow the order nets.py creates the layers in.
  const direction = (fc: number, gru: number, input: number): GruDirection => ({
    projection: new LacWeights(tensor(`fc_${fc}.w_0`, [input, 3 * H])),
    projectionBias: tensor(`fc_${fc}.b_0`, [3 * H]),
    recurrent: new LacWeights(tensor(`gru_${gru}.w_0`, [H, 3 * H])),
    recurrentBias: tensor(`gru_${gru}.b_0`, [1, 3 * H]),
  });
  return {
    vocabulary: LacVocabulary.from(words),
    oov: oov[0],
    labels: labels.map(([, label]) => label),
    embedding: new LacEmbedding(tensor('word_emb', [vocabularySize, EMBEDDING_SIZE])),
    layers: [
      { inputSize: EMBEDDING_SIZE, forward: direction(0, 0, EMBEDDING_SIZE), backward: direction(1, 1, EMBEDDING_SIZE) },
      { inputSize: 2 * H, forward: direction(2, 2, 2 * H), backward: direction(3, 3, 2 * H) },
    ],
    emission: new LacWeights(tensor('fc_4.w_0', [2 * H, L])),
    emissionBias: tensor('fc_4.b_0', [L]),
    transitions: tensor('crfw', [L + 2, L]),
  };
}
