/**
 * How a dictionary and the HMM are laid out as image sections.
 *
 * @module
 */

import { DictionaryError } from '../dictionary/errors.js';
import { StaticTrie } from '../dictionary/static-trie.js';
import { PrefixDictionary } from '../dictionary/prefix-dictionary.js';
import type { HmmTables } from '../hmm/model.js';
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
    'trie.root': trie.rootChildren,
    'dict.total': Float64Array.of(dict.total),
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
  const values = section(sections, 'trie.values', Int32Array, name);
  const rootChildren = section(sections, 'trie.root', Int32Array, name);
  const total = section(sections, 'dict.total', Float64Array, name);
  const classFrequency = section(sections, 'freq.values', Float64Array, name);
  const classLogFrequency = section(sections, 'freq.logs', Float64Array, name);
  if (total.length !== 1 || classFrequency.length !== classLogFrequency.length || classFrequency.length === 0) {
    throw new DictionaryError(`${name} has inconsistent dictionary sections`, name);
  }
  // A value outside the class table would read undefined and poison every score.
  for (let i = 0; i < values.length; i++) {
    if (values[i]! >>> 0 >= classFrequency.length) {
      throw new DictionaryError(`${name} has a trie value out of range`, name);
    }
  }
  let trie: StaticTrie;
  try {
    trie = new StaticTrie({ firstChild, chars, values, rootChildren });
  } catch (error) {
    throw new DictionaryError(`${name}: ${(error as Error).message}`, name);
  }
  return new PrefixDictionary(trie, classFrequency, classLogFrequency, total[0]!, name);
}

/** Sections holding the HMM tables. */
export function hmmSections(tables: HmmTables): Record<string, SectionArray> {
  return {
    'hmm.start': tables.start,
    'hmm.trans': tables.trans,
    'hmm.emit.counts': tables.emitCounts,
    'hmm.emit.chars': tables.emitChars,
    'hmm.emit.probs': tables.emitProbs,
  };
}

/** The HMM tables stored in an image. */
export function hmmFromSections(sections: Map<string, SectionArray>, name: string): HmmTables {
  const tables: HmmTables = {
    start: section(sections, 'hmm.start', Float64Array, name),
    trans: section(sections, 'hmm.trans', Float64Array, name),
    emitCounts: section(sections, 'hmm.emit.counts', Int32Array, name),
    emitChars: section(sections, 'hmm.emit.chars', Uint16Array, name),
    emitProbs: section(sections, 'hmm.emit.probs', Float64Array, name),
  };
  const entries = tables.emitCounts.reduce((sum, n) => sum + n, 0);
  if (
    tables.start.length !== 4 ||
    tables.trans.length !== 16 ||
    tables.emitCounts.length !== 4 ||
    tables.emitChars.length !== entries ||
    tables.emitProbs.length !== entries
  ) {
    throw new DictionaryError(`${name} has inconsistent HMM sections`, name);
  }
  return tables;
}
