/**
 * What a tokenizer needs from its runtime: reading files, and the default
 * dictionary. Node, Deno and Bun read the package's files
 * (`./node-platform.ts`); a browser has neither and fetches instead (`./browser.ts`).
 *
 * @module
 */

import type { DictionaryData } from './data/load.js';
import type { PosModel } from './posseg/model.js';
import type { WordTags } from './dictionary/prefix-dictionary.js';
import type { LacModel } from './paddle/model.js';
import type { IdfTable } from './analyse/idf-table.js';

/** Runtime services a tokenizer uses. */
export interface Platform {
  /** The bytes of a file given by path or `file:` URL. */
  readFile(path: string | URL): Uint8Array;
  /** Where the default dictionary's image is; a source naming it gets {@link defaultData}. */
  readonly defaultDictionary: URL;
  /** jieba's default dictionary and HMM. */
  defaultData(): DictionaryData;
  /** The POS model of `jieba.posseg`. */
  posModel(): PosModel;
  /**
   * The default dictionary's word tags, which its image leaves to the POS
   * model's image (so that cutting never loads them): asked for only when
   * such an image, passed as bytes, is first used for tagging.
   */
  defaultTags(): WordTags;
  /** The paddle-mode model, loaded on first use. */
  paddleModel(): LacModel;
  /** jieba.analyse's default IDF table (`idf.txt`). */
  idfTable(): IdfTable;
}
