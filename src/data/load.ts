/**
 * Turning bytes (compiled images or `dict.txt`-format text) into the data
 * a tokenizer runs on: the dictionary with its HMM, the POS model, the IDF
 * table and the paddle-mode model. Platform-neutral: reading files,
 * fetching URLs and decompressing are the caller's business.
 *
 * @module
 */

import { PrefixDictionary, type WordTags } from '../dictionary/prefix-dictionary.js';
import type { HmmModel } from '../hmm/model.js';
import type { PosModel } from '../posseg/model.js';
import type { IdfTable } from '../dictionary/idf-table.js';
import type { LacModel } from '../paddle/model.js';
import { LAC_HALVES, lacFromSections } from './lac-sections.js';
import { decodeImage, decodeImageByBlocks, encodeImage, isImage } from './image.js';
import { openImage, type ImageFile } from './open-image.js';
import { dictionaryFromSections, dictionarySections, hmmFromSections, hmmSections, idfFromSections, posFromSections, posSections, tagsFromSections } from './sections.js';

/** A main dictionary with the HMM that goes with it. */
export interface DictionaryData {
  readonly base: PrefixDictionary;
  readonly model: HmmModel;
  /** A POS model the image carries (one `jieba train --tags` made), used for tagging instead of the default. */
  readonly pos?: PosModel;
}

/** What a POS image holds: `jieba.posseg`'s model and, in jieba-ts's own, the default dictionary's word tags. */
export interface PosImage {
  readonly model: PosModel;
  readonly defaultTags: WordTags | undefined;
}

/**
 * Read a dictionary from bytes: a compiled image (recognised by its magic
 * number; it carries its own HMM) or `dict.txt`-format text, which gets the
 * HMM of `fallback`.
 *
 * @param fallback - called only for text, to supply the default HMM
 * @param externalTags - loads the word tags of an image that keeps them
 *   elsewhere (the default dictionary's are in posseg.img.gz)
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
    const model = sections.has('hmm.start') ? hmmFromSections(sections, name) : fallback().model;
    return sections.has('pos.states') ? { base, model, pos: posFromSections(sections, name) } : { base, model };
  }
  return { base: PrefixDictionary.fromText(bytes, name), model: fallback().model };
}

/** An image holding `base` and `model` (and a POS model, when given), loadable by {@link dictionaryFromBytes}. */
export function encodeDictionaryImage(base: PrefixDictionary, model: HmmModel, externalTags = false, pos?: PosModel): Uint8Array {
  return encodeImage({ ...dictionarySections(base, externalTags), ...hmmSections(model), ...(pos ? posSections(pos) : {}) });
}

/**
 * The POS model in an image.
 *
 * @throws `ImageError` when the bytes are not a POS image
 */
export function posFromImage(bytes: Uint8Array, name: string): PosImage {
  const sections = decodeImage(bytes, name);
  return { model: posFromSections(sections, name), defaultTags: tagsFromSections(sections, name, 'default.') };
}

/**
 * The IDF table in an image.
 *
 * @throws `ImageError` when the bytes are not an IDF image
 */
export function idfFromImage(bytes: Uint8Array, name: string): IdfTable {
  return idfFromSections(decodeImage(bytes, name), name);
}

/**
 * The paddle-mode model in an image. Its embedding's blocks (a section
 * checked by blocks) are checked when sentences first reach their rows.
 *
 * @param guard - runs each later block's check, so that its errors can say more
 * @throws `ImageError` when the bytes are not a paddle-mode image (and from
 *   a later cut, when a block its sentence reaches is damaged)
 */
export function lacFromImage(bytes: Uint8Array, name: string, guard?: <T>(check: () => T) => T): LacModel {
  // The embedding's blocks are checked as sentences reach them, not all at load.
  const { sections, blocks } = decodeImageByBlocks(bytes, name, LAC_HALVES, guard);
  return lacFromSections(sections, name, blocks);
}

/**
 * The paddle-mode model in an image file, its embedding read a block at a
 * time as sentences need its rows; or `undefined` when the image has no
 * sections checked by blocks (then read it whole, for {@link lacFromImage}).
 *
 * @param guard - runs each later block's read and check, so that their errors can say more
 * @throws `ImageError` when the file is not a paddle-mode image
 * @example
 * lacFromFile(platform.open(PADDLE_MODEL, 'paddle-mode model')) ?? lacFromImage(...platform.read(PADDLE_MODEL, 'paddle-mode model'));
 */
export function lacFromFile(file: ImageFile, guard?: <T>(load: () => T) => T): LacModel | undefined {
  const opened = openImage(file, LAC_HALVES, guard);
  return opened && lacFromSections(opened.sections, file.name, opened.blocks);
}
