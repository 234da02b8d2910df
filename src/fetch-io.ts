/**
 * Reading data where there is no file system (browsers, workers, edge
 * runtimes): fetching, gzip in JavaScript, and the errors that say what to
 * load when data is asked for before it is there. Shared by the browser
 * and embedded platforms.
 *
 * @module
 */

import { gunzip as inflateGzip, isGzip } from './data/inflate.js';
import { imageName, isPackagedImage, OWN_IMAGES, sameImage, type PackagedImage } from './data/packaged-image.js';
import { DictionaryError, ImageError, FetchError } from './dictionary/errors.js';
import type { Location } from './platform.js';

/** What to write to load an image, in messages. */
function howToLoad(image: PackagedImage): string {
  if (sameImage(image, OWN_IMAGES.pos)) return "await load({ pos: POS_MODEL }), with POS_MODEL imported from 'jieba-ts/images/posseg'";
  if (sameImage(image, OWN_IMAGES.idf)) return "await load({ keywords: IDF_TABLE }), with IDF_TABLE imported from 'jieba-ts/images/idf'";
  if (sameImage(image, OWN_IMAGES.big)) return "npm install jieba-ts-big, then await load({ dict: BIG_DICTIONARY }), with BIG_DICTIONARY imported from 'jieba-ts-big'";
  if (sameImage(image, OWN_IMAGES.paddle)) return "npm install jieba-ts-paddle, then await load({ paddle: PADDLE_MODEL }), with PADDLE_MODEL imported from 'jieba-ts-paddle'";
  if (sameImage(image, OWN_IMAGES.dictionaryGz)) {
    return "await load() (or Tokenizer.load()) before the first cut, or import from 'jieba-ts/embedded', which carries the dictionary in its code";
  }
  return 'pass its URL or bytes to load()';
}

/**
 * The error for data asked for synchronously before `load()` fetched it.
 *
 * @example
 * throw notLoaded(POS_MODEL, 'POS model');
 */
export function notLoaded(location: Location, what: string): DictionaryError {
  if (isPackagedImage(location)) {
    return new FetchError(`jieba-ts: the ${what} is not loaded here (no file system to read it from): ${howToLoad(location)}`, imageName(location));
  }
  const name = String(location);
  return new FetchError(`jieba-ts: cannot read the ${what} ${name} synchronously here (no file system): pass its bytes, or await tokenizer.load({ dict: url })`, name);
}

/** The URL a location stands for, or an error saying how to give one. */
function urlOf(location: Location, what: string): string | URL {
  if (!isPackagedImage(location)) return location;
  let url: URL | undefined;
  try {
    url = location.url?.();
  } catch {
    throw new FetchError(
      `jieba-ts: cannot locate the ${what} ${imageName(location)}: this build has no import.meta.url (an IIFE or CommonJS bundle); ` +
        `serve the file and pass its URL, or pass its bytes, or use 'jieba-ts/embedded'`,
      imageName(location),
    );
  }
  if (url === undefined) throw notLoaded(location, what);
  return url;
}

/** Inflate gzip with the browser's own `DecompressionStream` where there is one (native, off the main loop), else in JavaScript. */
async function gunzipNative(bytes: Uint8Array, name: string): Promise<Uint8Array> {
  const Stream = (globalThis as { DecompressionStream?: new (format: string) => TransformStream<Uint8Array, Uint8Array> }).DecompressionStream;
  if (!Stream) return gunzipBytes(bytes, name);
  try {
    const stream = new Blob([bytes as Uint8Array<ArrayBuffer>]).stream().pipeThrough(new Stream('gzip'));
    return new Uint8Array(await new Response(stream).arrayBuffer());
  } catch (error) {
    throw new ImageError(`${name} is damaged: ${(error as Error).message}`, name);
  }
}

/**
 * Inflate gzip synchronously in JavaScript.
 *
 * @throws {@link DictionaryError} naming `name` when the bytes are damaged
 */
export function gunzipBytes(bytes: Uint8Array, name: string): Uint8Array {
  try {
    return inflateGzip(bytes);
  } catch (error) {
    throw new ImageError(`${name} is damaged: ${(error as Error).message}`, name);
  }
}

/**
 * Fetch `location`; gzip that the server did not decode (a `.gz` file
 * served as plain bytes) is decompressed here, so either form works.
 */
export async function fetchBytes(location: Location, what: string, fetchImpl: typeof fetch | undefined): Promise<[Uint8Array, string]> {
  const url = urlOf(location, what);
  const name = String(url);
  let response: Response;
  try {
    response = await (fetchImpl ?? globalThis.fetch)(url);
  } catch (error) {
    throw new FetchError(`cannot fetch ${what} ${name}: ${(error as Error).message}`, name);
  }
  if (!response.ok) throw new FetchError(`cannot fetch ${what} ${name}: HTTP ${response.status}`, name);
  const bytes = new Uint8Array(await response.arrayBuffer());
  return [isGzip(bytes) ? await gunzipNative(bytes, name) : bytes, name];
}

