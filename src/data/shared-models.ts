/**
 * The package's own data (default dictionary, POS model, IDF table,
 * paddle-mode model), loaded once per thread and shared read-only by every
 * tokenizer of the entry point: nothing ever modifies it (a tokenizer keeps
 * its own added words apart), so the sharing is invisible but for the
 * memory and time it saves.
 *
 * Each piece is read synchronously on first use where the platform can
 * (files), or fetched by an earlier `load()` where it cannot (browsers).
 *
 * @module
 */

import type { IdfTable } from '../dictionary/idf-table.js';
import type { WordTags } from '../dictionary/prefix-dictionary.js';
import { ImageError } from '../dictionary/errors.js';
import type { LacModel } from '../paddle/model.js';
import type { Location, Platform } from '../platform.js';
import { isGzip } from './inflate.js';
import { whenDamaged } from './packaged-image.js';
import { dictionaryFromBytes, idfFromImage, lacFromFile, lacFromImage, posFromImage, type DictionaryData, type PosImage } from './load.js';

/** The pieces of data, by the key of the image that holds each in `Platform.images`. */
export type ModelKind = 'dictionary' | 'pos' | 'idf' | 'paddle';

const WHAT: Record<ModelKind, string> = {
  dictionary: 'default dictionary',
  pos: 'POS model',
  idf: 'IDF table',
  paddle: 'paddle-mode model',
};

/** Data shared by the tokenizers of one entry point (see the module comment). */
export class SharedModels {
  readonly #platform: Platform;
  #dictionary: DictionaryData | undefined;
  #pos: PosImage | undefined;
  #defaultTags: WordTags | undefined;
  #idf: IdfTable | undefined;
  #paddle: LacModel | undefined;
  readonly #pending = new Map<ModelKind, Promise<void>>();

  constructor(platform: Platform) {
    this.#platform = platform;
  }

  /** `bytes`, decompressed if they are gzip. */
  unzip(bytes: Uint8Array, name: string): Uint8Array {
    return isGzip(bytes) ? this.#platform.gunzip(bytes, name) : bytes;
  }

  /** The bytes at `location`, read synchronously and decompressed, with their name. */
  read(location: Location, what: string): [Uint8Array, string] {
    const [bytes, name] = this.#platform.read(location, what);
    return [this.unzip(bytes, name), name];
  }

  /** The bytes at `location`, fetched and decompressed, with their name. */
  async fetch(location: Location, what: string, fetchImpl: typeof fetch | undefined): Promise<[Uint8Array, string]> {
    const [bytes, name] = await this.#platform.fetch(location, what, fetchImpl);
    return [this.unzip(bytes, name), name];
  }

  /** The default dictionary and HMM. */
  defaultData(): DictionaryData {
    if (!this.#dictionary) this.#readAndSet('dictionary');
    return this.#dictionary!;
  }

  /** The POS model of `jieba.posseg`. */
  pos(): PosImage {
    if (!this.#pos) this.#readAndSet('pos');
    return this.#pos!;
  }

  /** The default dictionary's word tags, which its image leaves to the POS image. */
  defaultTags(): WordTags {
    this.#defaultTags ??= this.pos().defaultTags;
    if (!this.#defaultTags) throw new ImageError(`the POS image lacks the default dictionary's tags`, WHAT.pos);
    return this.#defaultTags;
  }

  /**
   * Keep the default dictionary's tags that a POS image loaded from
   * elsewhere carries: they are the same whichever copy they come from.
   */
  noteDefaultTags(image: PosImage): void {
    this.#defaultTags ??= image.defaultTags;
  }

  /** `jieba.analyse`'s IDF table. */
  idf(): IdfTable {
    if (!this.#idf) this.#readAndSet('idf');
    return this.#idf!;
  }

  /** The paddle-mode model. */
  paddle(): LacModel {
    if (!this.#paddle) this.#readAndSet('paddle');
    return this.#paddle!;
  }

  #readAndSet(kind: ModelKind): void {
    const image = this.#platform.images[kind];
    // Where files can be read in pieces, the paddle model's embedding (5.4 MB of 6.6) is read as sentences need it.
    const open = this.#platform.open;
    if (kind === 'paddle' && open) {
      const guard = <T>(load: () => T): T => whenDamaged(image, load);
      this.#paddle = guard(() => lacFromFile(open(image, WHAT.paddle), guard));
      if (this.#paddle) return;
    }
    whenDamaged(image, () => this.#set(kind, ...this.read(image, WHAT[kind]), image));
  }

  #has(kind: ModelKind): boolean {
    return (kind === 'dictionary' ? this.#dictionary : kind === 'pos' ? this.#pos : kind === 'idf' ? this.#idf : this.#paddle) !== undefined;
  }

  /** Decode `bytes` read from `location` (which later errors of the paddle model's blocks name as damaged too). */
  #set(kind: ModelKind, bytes: Uint8Array, name: string, location: Location): void {
    if (kind === 'dictionary') {
      this.#dictionary = dictionaryFromBytes(
        bytes,
        name,
        () => {
          throw new ImageError(`${name} lacks the HMM`, name);
        },
        () => this.defaultTags(),
      );
    } else if (kind === 'pos') {
      this.#pos = posFromImage(bytes, name);
      this.noteDefaultTags(this.#pos);
    } else if (kind === 'idf') {
      this.#idf = idfFromImage(bytes, name);
    } else {
      this.#paddle = lacFromImage(bytes, name, (check) => whenDamaged(location, check));
    }
  }

  /**
   * Fetch a piece now unless it is loaded or on its way, from `location`
   * (a reference to the same packaged file, but one whose module knows
   * where it is) or from where the platform says.
   */
  async load(kind: ModelKind, fetchImpl: typeof fetch | undefined, location: Location = this.#platform.images[kind]): Promise<void> {
    if (this.#has(kind)) return;
    let pending = this.#pending.get(kind);
    if (!pending) {
      pending = whenDamaged(location, () => this.fetch(location, WHAT[kind], fetchImpl))
        .then(([bytes, name]) => {
          if (!this.#has(kind)) whenDamaged(location, () => this.#set(kind, bytes, name, location));
        })
        .finally(() => this.#pending.delete(kind));
      this.#pending.set(kind, pending);
    }
    await pending;
  }
}
