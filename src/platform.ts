/**
 * What a tokenizer needs from its runtime: reading sources, decompressing,
 * and the images the entry point names as its defaults. Node.js, Deno and
 * Bun read files (`./node-platform.ts`); browsers fetch
 * (`./browser-platform.ts`); `jieba-ts/embedded` carries the default
 * dictionary in its code (`./embedded-platform.ts`). The bundles of the
 * browser and embedded entries swap the platform module for their own
 * (`scripts/bundle.ts`); everything else is the same code.
 *
 * @module
 */

import type { ImageFile } from './data/open-image.js';
import type { PackagedImage } from './data/packaged-image.js';

/** A source that names bytes somewhere: a path, a URL or a packaged image. */
export type Location = string | URL | PackagedImage;

/** Runtime services a tokenizer uses. */
export interface Platform {
  /**
   * The bytes at `location`, read synchronously, and the name messages
   * give them.
   *
   * @param what - what is being read, for messages ("dictionary", "POS model")
   * @throws {@link DictionaryError} when they cannot be read, saying why
   *   and what to do (in a browser: load them first)
   */
  read(location: Location, what: string): [Uint8Array, string];
  /**
   * The file at `location`, to read pieces of synchronously, where the
   * runtime reads files (Node.js, Deno, Bun): the paddle-mode model is so
   * read a block at a time when first needed. Each read opens the file
   * anew, so that nothing stays open.
   *
   * @throws {@link DictionaryError} when it cannot be found or opened
   */
  open?(location: Location, what: string): ImageFile;
  /** The same, asynchronously, for `load()`: also fetches `http:` and `https:` URLs. */
  fetch(location: Location, what: string, fetchImpl: typeof fetch | undefined): Promise<[Uint8Array, string]>;
  /**
   * Decompress gzip bytes synchronously.
   *
   * @throws {@link DictionaryError} naming `name` when they are damaged
   */
  gunzip(bytes: Uint8Array, name: string): Uint8Array;
  /** The images this entry point names as its defaults. */
  readonly images: {
    readonly dictionary: PackagedImage;
    readonly pos: PackagedImage;
    readonly idf: PackagedImage;
    readonly big: PackagedImage;
    readonly paddle: PackagedImage;
  };
}
