/**
 * How a dictionary and the HMM are laid out as image sections.
 *
 * @module
 */

import { ImageError } from '../dictionary/errors.js';
import { StaticTrie } from '../dictionary/static-trie.js';
import { PrefixDictionary, type WordTags } from '../dictionary/prefix-dictionary.js';
import { HAN_COUNT, type HmmModel } from '../hmm/model.js';
import { absorptionThresholdWith, largestEmission, POS_MIN_FLOAT, predecessors, type PosModel } from '../posseg/model.js';
import { IdfTable } from '../dictionary/idf-table.js';
import type { SectionArray } from './image.js';
import { largestMagnitudeOf } from './checksum.js';

/** Marker of an image whose word tags are stored elsewhere (the default dictionary's, in posseg.img). */
const EXTERNAL_TAGS = 'tags.external';

/** Sections holding word tags, under `prefix`. */
export function tagSections(tags: WordTags, prefix = ''): Record<string, SectionArray> {
  return { [`${prefix}tags.names`]: encodeText(tags.names.join('\n')), [`${prefix}tags.nodes`]: tags.nodes };
}

/** Word tags stored under `prefix`, or undefined when the sections are absent. */
export function tagsFromSections(sections: Map<string, SectionArray>, name: string, prefix = ''): WordTags | undefined {
  const nodes = sections.get(`${prefix}tags.nodes`);
  const names = sections.get(`${prefix}tags.names`);
  if (!(nodes instanceof Uint8Array || nodes instanceof Uint16Array) || !(names instanceof Uint8Array)) return undefined;
  const list = decodeText(names).split('\n');
  for (let i = 0; i < nodes.length; i++) {
    if (nodes[i]! >= list.length) throw new ImageError(`${name} has a tag out of range`, name);
  }
  return { names: list, nodes };
}

/**
 * Sections holding a prefix dictionary; with `externalTags`, its word tags
 * are left for {@link tagSections} to store elsewhere.
 *
 * @example
 * const bytes = encodeImage(dictionarySections(PrefixDictionary.fromText('中国 3\n')));
 */
export function dictionarySections(dict: PrefixDictionary, externalTags = false): Record<string, SectionArray> {
  const trie = dict.trie;
  return {
    'trie.first': trie.firstChild,
    'trie.chars': trie.chars,
    'trie.values': trie.values,
    'dict.total': Float64Array.of(dict.total, dict.logTotal),
    'freq.values': dict.classFrequency,
    'freq.logs': dict.classLogFrequency,
    ...(externalTags
      ? { [EXTERNAL_TAGS]: encodeText('posseg.img') }
      : dict.tags
        ? tagSections(dict.tags)
        : { 'tags.error': encodeText(dict.tagError ?? '') }),
  };
}

function encodeText(text: string): Uint8Array {
  return new TextEncoder().encode(text);
}

function decodeText(bytes: Uint8Array): string {
  return new TextDecoder().decode(bytes);
}

function section<T extends SectionArray>(
  sections: Map<string, SectionArray>,
  key: string,
  ctor: new (...args: never[]) => T,
  name: string,
): T {
  const array = sections.get(key);
  if (!(array instanceof ctor)) throw new ImageError(`${name} has no valid ${key} section`, name);
  return array;
}

/**
 * The prefix dictionary stored in an image, as views over its memory.
 *
 * @throws {@link ImageError} when sections are missing or inconsistent
 */
export function dictionaryFromSections(
  sections: Map<string, SectionArray>,
  name: string,
  externalTags?: () => WordTags,
): PrefixDictionary {
  const firstChild = section(sections, 'trie.first', Int32Array, name);
  const chars = section(sections, 'trie.chars', Uint16Array, name);
  const stored = sections.get('trie.values');
  if (!(stored instanceof Uint16Array || stored instanceof Int32Array)) {
    throw new ImageError(`${name} has no valid trie.values section`, name);
  }
  const values = stored;
  const total = section(sections, 'dict.total', Float64Array, name);
  const classFrequency = section(sections, 'freq.values', Float64Array, name);
  const classLogFrequency = section(sections, 'freq.logs', Float64Array, name);
  if (total.length !== 2 || classFrequency.length !== classLogFrequency.length || classFrequency.length === 0) {
    throw new ImageError(`${name} has inconsistent dictionary sections`, name);
  }
  let trie: StaticTrie;
  try {
    trie = new StaticTrie({ firstChild, chars, values });
  } catch (error) {
    throw new ImageError(`${name}: ${(error as Error).message}`, name);
  }
  let tags: WordTags | (() => WordTags) | undefined = tagsFromSections(sections, name);
  if (tags && tags.nodes.length !== chars.length) throw new ImageError(`${name} has inconsistent tag sections`, name);
  if (sections.has(EXTERNAL_TAGS) && externalTags) tags = externalTags;
  const tagError = sections.has(EXTERNAL_TAGS)
    ? encodeText(`the POS tags of ${name} come with the POS model, which is not loaded`)
    : sections.get('tags.error');
  return new PrefixDictionary(
    {
      trie,
      classFrequency,
      classLogFrequency,
      total: total[0]!,
      logTotal: total[1]!,
      tags,
      tagError: tagError instanceof Uint8Array ? decodeText(tagError) : undefined,
    },
    name,
  );
}

/**
 * Sections holding the HMM, stored dense: expanding a sparse table costs
 * more at start-up (it runs cold) than reading the extra 400 KB.
 */
export function hmmSections(model: HmmModel): Record<string, SectionArray> {
  const sections: Record<string, SectionArray> = { 'hmm.start': model.start, 'hmm.trans': model.trans, 'hmm.emit': model.emit };
  if (model.split && model.split.size > 0) sections['hmm.split'] = encodeText([...model.split].sort().join('\n'));
  return sections;
}

/** The HMM stored in an image, as views over its memory. */
export function hmmFromSections(sections: Map<string, SectionArray>, name: string): HmmModel {
  const model: HmmModel = {
    start: section(sections, 'hmm.start', Float64Array, name),
    trans: section(sections, 'hmm.trans', Float64Array, name),
    emit: section(sections, 'hmm.emit', Float64Array, name),
  };
  if (model.start.length !== 4 || model.trans.length !== 16 || model.emit.length !== 4 * HAN_COUNT) {
    throw new ImageError(`${name} has inconsistent HMM sections`, name);
  }
  if (!sections.has('hmm.split')) return model;
  const split = section(sections, 'hmm.split', Uint8Array, name);
  return { ...model, split: new Set(decodeText(split).split('\n')) };
}

/** Sections holding the POS model (`jieba.posseg`). */
export function posSections(model: PosModel): Record<string, SectionArray> {
  return {
    'pos.states': encodeText(model.states.join('\n')),
    'pos.start': model.start,
    'pos.trans': model.trans,
    'pos.next.start': model.nextStart,
    'pos.next': model.next,
    'pos.char.start': model.charStart,
    'pos.char.states': model.charStates,
    'pos.char.emit': model.charEmit,
    'pos.emit.start': model.emitStart,
    'pos.emit.states': model.emitStates,
    'pos.emit.values': model.emitValues,
  };
}

/** The POS model stored in an image, as views over its memory. */
export function posFromSections(sections: Map<string, SectionArray>, name: string): PosModel {
  const states = decodeText(section(sections, 'pos.states', Uint8Array, name)).split('\n');
  const nextStart = section(sections, 'pos.next.start', Int32Array, name);
  const next = section(sections, 'pos.next', Uint8Array, name);
  const trans = section(sections, 'pos.trans', Float64Array, name);
  if (trans.length !== states.length * states.length) throw new ImageError(`${name} has inconsistent POS model sections`, name);
  if (nextStart.length !== states.length + 1 || nextStart[states.length] !== next.length || next.some((y) => y >= states.length)) {
    throw new ImageError(`${name} has inconsistent POS model sections`, name);
  }
  const model: PosModel = {
    states,
    position: Uint8Array.from(states, (s) => 'BEMS'.indexOf(s[0]!)),
    tags: states.map((s) => s.slice(2)),
    start: section(sections, 'pos.start', Float64Array, name),
    trans,
    nextStart,
    next,
    ...predecessors(nextStart, next, trans),
    charStart: section(sections, 'pos.char.start', Int32Array, name),
    charStates: section(sections, 'pos.char.states', Uint8Array, name),
    charEmit: section(sections, 'pos.char.emit', Float64Array, name),
    emitStart: section(sections, 'pos.emit.start', Int32Array, name),
    emitStates: section(sections, 'pos.emit.states', Uint8Array, name),
    emitValues: section(sections, 'pos.emit.values', Float64Array, name),
    hugeScore: Infinity,
  };
  const S = states.length;
  if (
    S === 0 ||
    S > 256 ||
    model.position.some((p) => p > 3) ||
    model.start.length !== S ||
    model.trans.length !== S * S ||
    model.nextStart.length !== S + 1 ||
    model.charStart.length !== HAN_COUNT + 1 ||
    model.charEmit.length !== model.charStates.length ||
    model.emitStart.length !== HAN_COUNT + 1 ||
    model.emitStart[HAN_COUNT] !== model.emitStates.length ||
    model.emitValues.length !== model.emitStates.length
  ) {
    throw new ImageError(`${name} has inconsistent POS model sections`, name);
  }
  // The Viterbi relies on each character listing a state at most once (and
  // its states being states).
  const seen = new Int32Array(S).fill(-1);
  for (let c = 0; c < HAN_COUNT; c++) {
    for (let k = model.charStart[c]!; k < model.charStart[c + 1]!; k++) {
      const y = model.charStates[k]!;
      if (y >= S || seen[y] === c) throw new ImageError(`${name} lists a state twice (or an unknown state) for one character`, name);
      seen[y] = c;
    }
  }
  const largest = (values: Float64Array): number => largestMagnitudeOf(values, POS_MIN_FLOAT) ?? largestEmission(values);
  return { ...model, hugeScore: absorptionThresholdWith(trans, nextStart, next, Math.max(largest(model.emitValues), largest(model.charEmit))) };
}

/** Sections holding an IDF table (jieba.analyse). */
export function idfSections(table: IdfTable): Record<string, SectionArray> {
  return {
    'idf.first': table.trie.firstChild,
    'idf.chars': table.trie.chars,
    'idf.values': table.trie.values,
    'idf.table': table.values,
    'idf.median': Float64Array.of(table.median),
  };
}

/** The IDF table stored in an image. */
export function idfFromSections(sections: Map<string, SectionArray>, name: string): IdfTable {
  const values = sections.get('idf.values');
  if (!(values instanceof Uint16Array || values instanceof Int32Array)) {
    throw new ImageError(`${name} has no valid idf.values section`, name);
  }
  const median = section(sections, 'idf.median', Float64Array, name);
  if (median.length !== 1) throw new ImageError(`${name} has an inconsistent idf.median section`, name);
  let trie: StaticTrie;
  try {
    trie = new StaticTrie({
      firstChild: section(sections, 'idf.first', Int32Array, name),
      chars: section(sections, 'idf.chars', Uint16Array, name),
      values,
    });
  } catch (error) {
    throw new ImageError(`${name}: ${(error as Error).message}`, name);
  }
  return new IdfTable(trie, section(sections, 'idf.table', Float64Array, name), median[0]!);
}
