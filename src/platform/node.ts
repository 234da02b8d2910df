/**
 * The platform for Node.js, Deno and Bun: files come from the file system,
 * and the default dictionary from the image the build put in the package.
 *
 * @module
 */

import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dictionaryFromBytes, type DictionaryData } from '../data/load.js';
import type { Platform } from './platform.js';

/** The compiled default dictionary (jieba's dict.txt and HMM), `dist/data/default.img`. */
export const DEFAULT_DICTIONARY = new URL('../../data/default.img', import.meta.url);

/**
 * The compiled big dictionary (jieba's `dict.txt.big`, which adds
 * traditional-Chinese words), `dist/data/big.img`. Pass it as
 * `new Tokenizer({ dict: BIG_DICTIONARY })`, as Python's
 * `jieba.set_dictionary('dict.txt.big')`.
 */
export const BIG_DICTIONARY = new URL('../../data/big.img', import.meta.url);

/**
 * The default data, read once and shared by every tokenizer of the process.
 * It is never modified (each tokenizer keeps its own additions apart), so
 * sharing it is invisible apart from the memory it saves.
 */
let defaultData: DictionaryData | undefined;

function readFile(path: string | URL): Uint8Array {
  return readFileSync(path);
}

/** Node, Deno and Bun. */
export const nodePlatform: Platform = {
  readFile,
  defaultData(): DictionaryData {
    if (!defaultData) {
      const path = fileURLToPath(DEFAULT_DICTIONARY);
      let bytes: Uint8Array;
      try {
        bytes = readFile(path);
      } catch (error) {
        throw new Error(
          `jieba-ts: cannot read the default dictionary image ${path} (${(error as Error).message}); ` +
            'in a source checkout, run `npm run build`',
        );
      }
      defaultData = dictionaryFromBytes(bytes, path, () => {
        throw new Error(`${path} lacks the HMM sections`);
      });
    }
    return defaultData;
  },
};
