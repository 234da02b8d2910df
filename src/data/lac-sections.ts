/**
 * The paddle-mode model (`LacModel`) in image sections, and back, every
 * shape checked.
 *
 * @module
 */

import { ImageError } from '../dictionary/errors.js';
import { EMBEDDING_SIZE, HIDDEN_SIZE, type BiGruLayer, type GruDirection, type LacModel } from '../paddle/model.js';
import type { SectionArray } from './image.js';

const encoder = new TextEncoder();
const decoder = new TextDecoder('utf-8', { fatal: true });

/** Separates vocabulary entries in the image (no entry contains it). */
const SEPARATOR = '\u0000';

/**
 * The image sections of a model.
 *
 * @example
 * encodeImage(lacSections(model));
 */
export function lacSections(model: LacModel): Record<string, SectionArray> {
  const words = [...model.words];
  const sections: Record<string, SectionArray> = {
    'lac.vocab.ids': Int32Array.from(words.map(([id]) => id)),
    'lac.vocab.words': encoder.encode(words.map(([, word]) => word).join(SEPARATOR)),
    'lac.vocab.oov': Int32Array.of(model.oov),
    'lac.labels': encoder.encode(model.labels.join(SEPARATOR)),
    'lac.embedding': model.embedding,
    'lac.emission.w': model.emission,
    'lac.emission.b': model.emissionBias,
    'lac.crf': model.transitions,
  };
  model.layers.forEach((layer, i) => {
    for (const [side, direction] of [['f', layer.forward], ['b', layer.backward]] as const) {
      sections[`lac.${i}${side}.fc.w`] = direction.projection;
      sections[`lac.${i}${side}.fc.b`] = direction.projectionBias;
      sections[`lac.${i}${side}.gru.w`] = direction.recurrent;
      sections[`lac.${i}${side}.gru.b`] = direction.recurrentBias;
    }
  });
  return sections;
}

function floats(sections: Map<string, SectionArray>, key: string, length: number, name: string): Float32Array {
  const array = sections.get(key);
  if (!(array instanceof Float32Array) || array.length !== length) {
    throw new ImageError(`${name} has no valid ${key} section (${length} floats expected)`, name);
  }
  return array;
}

function bytes(sections: Map<string, SectionArray>, key: string, name: string): string {
  const array = sections.get(key);
  if (!(array instanceof Uint8Array)) throw new ImageError(`${name} has no valid ${key} section`, name);
  return decoder.decode(array);
}

/**
 * Read a model back from image sections, checking every shape.
 *
 * @throws {@link ImageError} when a section is missing or misshapen
 */
export function lacFromSections(sections: Map<string, SectionArray>, name: string): LacModel {
  const ids = sections.get('lac.vocab.ids');
  const oovSection = sections.get('lac.vocab.oov');
  if (!(ids instanceof Int32Array) || !(oovSection instanceof Int32Array) || oovSection.length !== 1) {
    throw new ImageError(`${name} has no valid paddle-mode vocabulary`, name);
  }
  const entries = bytes(sections, 'lac.vocab.words', name).split(SEPARATOR);
  if (entries.length !== ids.length) throw new ImageError(`${name} has an inconsistent paddle-mode vocabulary`, name);
  const vocabulary = new Map<string, number>();
  const words = new Map<number, string>();
  let size = 0;
  entries.forEach((word, i) => {
    vocabulary.set(word, ids[i]!);
    words.set(ids[i]!, word);
    size = Math.max(size, ids[i]! + 1);
  });
  const labels = bytes(sections, 'lac.labels', name).split(SEPARATOR);
  const L = labels.length;
  const H = HIDDEN_SIZE;
  const direction = (key: string, input: number): GruDirection => ({
    projection: floats(sections, `${key}.fc.w`, input * 3 * H, name),
    projectionBias: floats(sections, `${key}.fc.b`, 3 * H, name),
    recurrent: floats(sections, `${key}.gru.w`, 3 * H * H, name),
    recurrentBias: floats(sections, `${key}.gru.b`, 3 * H, name),
  });
  const layers: BiGruLayer[] = [];
  for (let i = 0, input = EMBEDDING_SIZE; sections.has(`lac.${i}f.fc.w`); i++, input = 2 * H) {
    layers.push({ inputSize: input, forward: direction(`lac.${i}f`, input), backward: direction(`lac.${i}b`, input) });
  }
  if (layers.length === 0) throw new ImageError(`${name} has no GRU layers`, name);
  return {
    vocabulary,
    words,
    oov: oovSection[0]!,
    labels,
    embedding: floats(sections, 'lac.embedding', size * EMBEDDING_SIZE, name),
    layers,
    emission: floats(sections, 'lac.emission.w', 2 * H * L, name),
    emissionBias: floats(sections, 'lac.emission.b', L, name),
    transitions: floats(sections, 'lac.crf', (L + 2) * L, name),
  };
}
