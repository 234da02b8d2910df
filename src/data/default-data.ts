/**
 * The default data (jieba 0.42.1's dictionary and HMM), compiled into one
 * image at build time and read from the package in Node, Deno and Bun.
 *
 * @module
 */

import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { PrefixDictionary } from '../dictionary/prefix-dictionary.js';
import { hmmModelFromTables, type HmmModel } from '../hmm/model.js';
import { decodeImage } from './image.js';
import { dictionaryFromSections, hmmFromSections } from './sections.js';

/** Where the build writes the default image: `dist/data/default.img` in the package. */
export const DEFAULT_IMAGE_URL = new URL('../../data/default.img', import.meta.url);

/** The default dictionary and HMM model. */
export interface DefaultData {
  readonly dict: PrefixDictionary;
  readonly model: HmmModel;
}

/**
 * Read and check the default image. Each call reads the file again, so each
 * Tokenizer owns its arrays.
 *
 * @example
 * const { dict } = loadDefaultData();
 * dict.total; // 60101967
 */
export function loadDefaultData(): DefaultData {
  const path = fileURLToPath(DEFAULT_IMAGE_URL);
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(path);
  } catch (error) {
    throw new Error(
      `jieba-ts: cannot read the default dictionary image ${path} (${(error as Error).message}); ` +
        'run `npm run build` in a source checkout',
    );
  }
  const sections = decodeImage(bytes, path);
  return { dict: dictionaryFromSections(sections, path), model: hmmModelFromTables(hmmFromSections(sections, path)) };
}
