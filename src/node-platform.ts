/**
 * The platform for Node.js, Deno and Bun: files come from the file system,
 * and the default dictionary from the image the build put in the package.
 *
 * The data URLs are relative to this module, which sits one folder below
 * `dist/` both as compiled (`dist/src/`) and as bundled (`dist/bundle/`).
 *
 * @module
 */

import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { allocateImageBytes } from './data/checksum.js';
import { decodeImage } from './data/image.js';
import { dictionaryFromBytes, type DictionaryData } from './data/load.js';
import { idfFromSections, posFromSections, tagsFromSections } from './data/sections.js';
import type { IdfTable } from './analyse/idf-table.js';
import type { WordTags } from './dictionary/prefix-dictionary.js';
import { lacFromSections, type LacModel } from './paddle/model.js';
import type { PosModel } from './posseg/model.js';
import type { Platform } from './platform.js';

/** The compiled default dictionary (jieba's dict.txt and HMM), `dist/data/default.img`. */
export const DEFAULT_DICTIONARY = new URL('../data/default.img', import.meta.url);

/**
 * The compiled big dictionary (jieba's `dict.txt.big`, which adds
 * traditional-Chinese words), `dist/data/big.img`. Pass it as
 * `new Tokenizer({ dict: BIG_DICTIONARY })`, as Python's
 * `jieba.set_dictionary('dict.txt.big')`.
 */
export const BIG_DICTIONARY = new URL('../data/big.img', import.meta.url);

/** The compiled IDF table of `jieba.analyse` (`idf.txt`), `dist/data/idf.img`, read when TF-IDF starts. */
export const IDF_TABLE = new URL('../data/idf.img', import.meta.url);

/** The compiled POS model of `jieba.posseg`, `dist/data/posseg.img`, read when tagging starts. */
export const POS_MODEL = new URL('../data/posseg.img', import.meta.url);

/**
 * The compiled paddle-mode model (LAC small, from jieba 0.42.1),
 * `dist/data/paddle.img`, read the first time paddle mode is used.
 *
 * @example
 * statSync(PADDLE_MODEL).size; // about 13 MB
 */
export const PADDLE_MODEL = new URL('../data/paddle.img', import.meta.url);

let paddleModel: LacModel | undefined;

/**
 * The default data, read once and shared by every tokenizer of the process.
 * It is never modified (each tokenizer keeps its own additions apart), so
 * sharing it is invisible apart from the memory it saves.
 */
let defaultData: DictionaryData | undefined;
/** posseg.img (the POS model and the default dictionary's word tags), read once when first needed and shared the same way. */
let posImage: { model: PosModel; defaultTags: WordTags } | undefined;

/** The default IDF table, read once when first needed. */
let idfTable: IdfTable | undefined;

function readPosImage(): { model: PosModel; defaultTags: WordTags } {
  if (!posImage) {
    const name = POS_MODEL.pathname;
    const sections = decodeImage(readPackageFile(POS_MODEL), name);
    const defaultTags = tagsFromSections(sections, name, 'default.');
    if (!defaultTags) throw new Error(`${name} lacks the default dictionary's tags`);
    posImage = { model: posFromSections(sections, name), defaultTags };
  }
  return posImage;
}

function readPackageFile(url: URL): Uint8Array {
  try {
    return readFile(url);
  } catch (error) {
    throw new Error(
      `jieba-ts: cannot read ${url.pathname} (${(error as Error).message}); in a source checkout, run \`npm run build\``,
    );
  }
}

/**
 * Read a whole file into memory where an image's checksum runs compiled
 * (see `allocateImageBytes`), so that loading spends no time in cold code.
 */
function readFile(path: string | URL): Uint8Array {
  const fd = openSync(path, 'r');
  try {
    const stats = fstatSync(fd);
    if (stats.isDirectory()) throw Object.assign(new Error(`EISDIR: ${String(path)} is a directory`), { code: 'EISDIR' });
    const size = stats.size;
    const bytes = allocateImageBytes(size) ?? new Uint8Array(size);
    let read = 0;
    while (read < size) {
      const n = readSync(fd, bytes, read, size - read, read);
      if (n === 0) return bytes.subarray(0, read); // the file shrank meanwhile: a truncated image fails its length check
      read += n;
    }
    return bytes;
  } finally {
    closeSync(fd);
  }
}

/** Node, Deno and Bun. */
export const nodePlatform: Platform = {
  readFile,
  defaultDictionary: DEFAULT_DICTIONARY,
  defaultData(): DictionaryData {
    if (!defaultData) {
      const path = DEFAULT_DICTIONARY.pathname;
      defaultData = dictionaryFromBytes(
        readPackageFile(DEFAULT_DICTIONARY),
        path,
        () => {
          throw new Error(`${path} lacks the HMM sections`);
        },
        () => readPosImage().defaultTags,
      );
    }
    return defaultData;
  },
  posModel(): PosModel {
    return readPosImage().model;
  },
  defaultTags(): WordTags {
    return readPosImage().defaultTags;
  },
  paddleModel(): LacModel {
    paddleModel ??= lacFromSections(decodeImage(readPackageFile(PADDLE_MODEL), PADDLE_MODEL.pathname), PADDLE_MODEL.pathname);
    return paddleModel;
  },
  idfTable(): IdfTable {
    idfTable ??= idfFromSections(decodeImage(readPackageFile(IDF_TABLE), IDF_TABLE.pathname), IDF_TABLE.pathname);
    return idfTable;
  },
};
