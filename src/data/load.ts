/**
 * Turning dictionary sources (text, bytes, compiled images) into the data a
 * tokenizer runs on. Platform-neutral: reading files and fetching URLs is
 * the caller's business.
 *
 * @module
 */

import { PrefixDictionary, type WordTags } from '../dictionary/prefix-dictionary.js';
import type { HmmModel } from '../hmm/model.js';
import { decodeImage, encodeImage, isImage } from './image.js';
import { dictionaryFromSections, dictionarySections, hmmFromSections, hmmSections } from './sections.js';

/** A main dictionary with the HMM that goes with it. */
export interface DictionaryData {
  readonly base: PrefixDictionary;
  readonly model: HmmModel;
}

/**
 * Read a dictionary from bytes: a compiled image (recognised by its magic
 * number; it carries its own HMM) or `dict.txt`-format text, which gets the
 * HMM of `fallback`.
 *
 * @param fallback - called only for text, to supply the default HMM
 * @param externalTags - loads the word tags of an image that keeps them
 *   elsewhere (the default dictionary's are in posseg.img)
 */
export function dictionaryFromBytes(
  bytes: Uint8Array,
  name: string,
  fallback: () => DictionaryData,
  externalTags?: () => WordTags,
): DictionaryData {
  if (isImage(bytes)) {
    const sections = decodeImage(bytes, name);
    const base = dictionaryFromSections(sections, name, externalTags);
    return { base, model: sections.has('hmm.start') ? hmmFromSections(sections, name) : fallback().model };
  }
  return { base: PrefixDictionary.fromText(bytes, name), model: fallback().model };
}

/** An image holding `base` and `model`, loadable by {@link dictionaryFromBytes}. */
export function encodeDictionaryImage(base: PrefixDictionary, model: HmmModel, externalTags = false): Uint8Array {
  return encodeImage({ ...dictionarySections(base, externalTags), ...hmmSections(model) });
}
