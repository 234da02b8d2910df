/**
 * How a dictionary and the HMM are laid out as image sections.
 *
 * @module
 */

import { DictionaryError } from '../dictionary/errors.js';
import { StaticTrie } from '../dictionary/static-trie.js';
import { PrefixDictionary } from '../dictionary/prefix-dictionary.js';
import { HAN_COUNT, type HmmModel } from '../hmm/model.js';
import type { SectionArray } from './image.js';

/**
 * Sections holding a prefix dictionary.
 *
 * @example
 * const bytes = encodeImage(dictionarySections(PrefixDictionary.fromText('中国 3\n')));
 */
export function dictionarySections(dict: PrefixDictionary): Record<string, SectionArray> {
  const trie = dict.trie;
  return {
    'trie.first': trie.firstChild,
    'trie.chars': trie.chars,
    'trie.values': trie.values,
    'dict.total': Float64Array.of(dict.total, dict.logTotal),
    'freq.values': dict.classFrequency,
    'freq.logs': dict.classLogFrequency,
  };
}

function section<T extends SectionArray>(
  sections: Map<string, SectionArray>,
  key: string,
  ctor: new (...args: never[]) => T,
  name: string,
): T {
  const array = sections.get(key);
  if (!(array instanceof ctor)) throw new DictionaryError(`${name} has no valid ${key} section`, name);
  return array;
}

/**
 * The prefix dictionary stored in an image, as views over its memory.
 *
 * @throws {@link DictionaryError} when sections are missing or inconsistent
 */
export function dictionaryFromSections(sections: Map<string, SectionArray>, name: string): PrefixDictionary {
  const firstChild = section(sections, 'trie.first', Int32Array, name);
  const chars = section(sections, 'trie.chars', Uint16Array, name);
  const stored = sections.get('trie.values');
  if (!(stored instanceof Uint16Array || stored instanceof Int32Array)) {
    throw new DictionaryError(`${name} has no valid trie.values section`, name);
  }
  const values = stored;
  const total = section(sections, 'dict.total', Float64Array, name);
  const classFrequency = section(sections, 'freq.values', Float64Array, name);
  const classLogFrequency = section(sections, 'freq.logs', Float64Array, name);
  if (total.length !== 2 || classFrequency.length !== classLogFrequency.length || classFrequency.length === 0) {
    throw new DictionaryError(`${name} has inconsistent dictionary sections`, name);
  }
  let trie: StaticTrie;
  try {
    trie = new StaticTrie({ firstChild, chars, values });
  } catch (error) {
    throw new DictionaryError(`${name}: ${(error as Error).message}`, name);
  }
  return new PrefixDictionary(trie, classFrequency, classLogFrequency, total[0]!, name, total[1]!);
}

/**
 * Sections holding the HMM, stored dense: expanding a sparse table costs
 * more at start-up (it runs cold) than reading the extra 400 KB.
 */
export function hmmSections(model: HmmModel): Record<string, SectionArray> {
  return { 'hmm.start': model.start, 'hmm.trans': model.trans, 'hmm.emit': model.emit };
}

/** The HMM stored in an image, as views over its memory. */
export function hmmFromSections(sections: Map<string, SectionArray>, name: string): HmmModel {
  const model: HmmModel = {
    start: section(sections, 'hmm.start', Float64Array, name),
    trans: section(sections, 'hmm.trans', Float64Array, name),
    emit: section(sections, 'hmm.emit', Float64Array, name),
  };
  if (model.start.length !== 4 || model.trans.length !== 16 || model.emit.length !== 4 * HAN_COUNT) {
    throw new DictionaryError(`${name} has inconsistent HMM sections`, name);
  }
  return model;
}
