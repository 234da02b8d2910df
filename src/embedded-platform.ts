/**
 * The platform of `jieba-ts/embedded`: the default dictionary travels
 * inside the JavaScript (gzipped, then base64), so one file works anywhere,
 * synchronously, with nothing to copy or fetch: single-file Node bundles,
 * edge workers, IIFE bundles and classic workers.
 *
 * The dictionary is decoded on first use, not when the module loads. Where
 * the runtime lends Node's modules (`process.getBuiltinModule`: Node.js
 * 20.16 and later, Deno, Bun), zlib inflates it and files can be read;
 * elsewhere jieba-ts's own inflater does, and sources come as bytes or
 * through `load()`, as in a browser.
 *
 * @module
 */

import { fetchBytes, gunzipBytes, notLoaded } from './fetch-io.js';
import { isPackagedImage, OWN_IMAGES, sameImage, type PackagedImage } from './data/packaged-image.js';
import { SharedModels } from './data/shared-models.js';
import { ImageError, FetchError } from './dictionary/errors.js';
import type { Location, Platform } from './platform.js';
import { base64Bytes } from './text/base64.js';
import { gunzipChunkSize } from './data/inflate.js';


/** The gzipped default image in base64, put here by the bundler (`scripts/bundle.ts`). */
declare const JIEBA_EMBEDDED_DEFAULT_IMAGE: string;

/**
 * The default dictionary, carried in this module's code.
 *
 * @example
 * new Tokenizer({ dict: DEFAULT_DICTIONARY }); // the same as new Tokenizer()
 */
export const DEFAULT_DICTIONARY: PackagedImage = OWN_IMAGES.dictionaryGz;

/** The POS model: import it from `jieba-ts/images/posseg` and pass it to `load({ pos })`. */
export const POS_MODEL: PackagedImage = OWN_IMAGES.pos;
/** The IDF table: import it from `jieba-ts/images/idf` and pass it to `load({ keywords })`. */
export const IDF_TABLE: PackagedImage = OWN_IMAGES.idf;
/** The big dictionary: import it from `jieba-ts-big`. */
export const BIG_DICTIONARY: PackagedImage = OWN_IMAGES.big;
/** The paddle-mode model: import it from `jieba-ts-paddle`. */
export const PADDLE_MODEL: PackagedImage = OWN_IMAGES.paddle;

/** Node's fs and zlib where the runtime lends them without an import (which would break browser bundles). */
interface NodeModules {
  readFileSync(path: string | URL): Uint8Array;
  gunzipSync(bytes: Uint8Array, options: { chunkSize: number }): Uint8Array;
}

let nodeModules: NodeModules | null | undefined;

function node(): NodeModules | null {
  if (nodeModules === undefined) {
    nodeModules = null;
    try {
      const get = (globalThis as { process?: { getBuiltinModule?: (id: string) => unknown } }).process?.getBuiltinModule;
      const fs = get?.('node:fs') as { readFileSync?: NodeModules['readFileSync'] } | undefined;
      const zlib = get?.('node:zlib') as { gunzipSync?: NodeModules['gunzipSync'] } | undefined;
      if (fs?.readFileSync && zlib?.gunzipSync) nodeModules = { readFileSync: fs.readFileSync, gunzipSync: zlib.gunzipSync };
    } catch {
      nodeModules = null;
    }
  }
  return nodeModules;
}

function gunzip(bytes: Uint8Array, name: string): Uint8Array {
  const zlib = node();
  if (!zlib) return gunzipBytes(bytes, name);
  try {
    const out = zlib.gunzipSync(bytes, { chunkSize: gunzipChunkSize(bytes) });
    return new Uint8Array(out.buffer, out.byteOffset, out.byteLength);
  } catch (error) {
    throw new ImageError(`${name} is damaged: ${(error as Error).message}`, name);
  }
}

function read(location: Location, what: string): [Uint8Array, string] {
  if (isPackagedImage(location)) {
    if (sameImage(location, DEFAULT_DICTIONARY)) return [base64Bytes(JIEBA_EMBEDDED_DEFAULT_IMAGE), 'jieba-ts/embedded'];
    throw notLoaded(location, what);
  }
  const fs = node();
  if (!fs) throw notLoaded(location, what);
  const name = typeof location === 'string' ? location : location.href;
  try {
    const bytes = fs.readFileSync(location);
    return [new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength), name];
  } catch (error) {
    const code = (error as { code?: string }).code;
    const why = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a directory' : (error as Error).message;
    throw new FetchError(`cannot read ${what} ${name}: ${why}`, name);
  }
}

/** `jieba-ts/embedded`. */
export const platform: Platform = {
  read,
  async fetch(location, what, fetchImpl) {
    const isWeb = (location instanceof URL || typeof location === 'string') && /^(https?|data|blob):/i.test(String(location));
    if (isWeb || (isPackagedImage(location) && !sameImage(location, DEFAULT_DICTIONARY))) return fetchBytes(location, what, fetchImpl);
    return read(location, what);
  },
  gunzip,
  images: { dictionary: DEFAULT_DICTIONARY, pos: POS_MODEL, idf: IDF_TABLE, big: BIG_DICTIONARY, paddle: PADDLE_MODEL },
};

/** The data every tokenizer of this entry shares. */
export const sharedModels = new SharedModels(platform);
