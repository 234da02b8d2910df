/**
 * Sections checked by blocks (image format version 3). The header's
 * checksum leaves such a section's bytes out; a companion section vouches
 * for them one block at a time instead, so that a reader of a file can
 * leave the section unread until it needs a block ({@link SectionBlocks},
 * `open-image.ts`). The paddle model's embedding is one: 5.4 MB of the
 * model's 6.6, of which a first sentence needs a few rows, and reading it
 * whole was half the model's load on a VM slow to back fresh pages.
 *
 * @module
 */

import { ImageError } from '../dictionary/errors.js';
import { checksum, checksumOf } from './checksum.js';

/**
 * The name of the section holding the block checksums of section `name`:
 * the block size in bytes, then one checksum per block.
 *
 * @example
 * blockSumsName('lac.embedding'); // '#lac.embedding'
 */
export function blockSumsName(name: string): string {
  return `#${name}`;
}

/** Bytes `[from, to)` of an image, both multiples of 8. */
export type Stretch = readonly [from: number, to: number];

/**
 * The checksum an image's header holds, over its bytes from `start` on: of
 * all of them, or, where `skipped` stretches (sorted, apart) are left out,
 * the checksum of the checksums of the stretches around them.
 *
 * @example
 * coveredChecksum(image, 24, [[4096, 65536]]) === new DataView(image.buffer).getUint32(20, true);
 */
export function coveredChecksum(bytes: Uint8Array, start: number, skipped: readonly Stretch[]): number {
  if (skipped.length === 0) return checksumOf(bytes, start);
  const sums: number[] = [];
  let from = start;
  for (const [skipFrom, skipTo] of skipped) {
    sums.push(checksumOf(bytes, from, skipFrom));
    from = skipTo;
  }
  sums.push(checksumOf(bytes, from));
  return checksum(Int32Array.from(sums));
}

/**
 * The contents of a companion section: `blockBytes`, then the checksum of
 * each block of `stretch` in `bytes` (the last block may be shorter).
 *
 * @example
 * blockSums(image, [4096, 69632], 32768); // Int32Array [32768, sum, sum, sum]
 */
export function blockSums(bytes: Uint8Array, [from, to]: Stretch, blockBytes: number): Int32Array {
  const sums = new Int32Array(1 + Math.ceil((to - from) / blockBytes));
  sums[0] = blockBytes;
  for (let block = 1, at = from; at < to; block++, at += blockBytes) sums[block] = checksumOf(bytes, at, Math.min(at + blockBytes, to));
  return sums;
}

/** Fills `target` with the file's bytes from `position` on, all of them, or throws saying why. */
export type ReadAt = (target: Uint8Array, position: number) => void;

/** How a section's blocks are found and what names them in errors. */
export interface SectionBlocksSource {
  /** How errors name the image. */
  readonly name: string;
  /** How errors name the section. */
  readonly section: string;
  /** Reads a block into place; absent when every block is in memory already (then {@link SectionBlocks.ensure} only checks). */
  readonly read?: ReadAt;
  /** Runs each block's read and check, so that its errors can say more (which package to reinstall). */
  readonly guard?: <T>(load: () => T) => T;
}

/**
 * A section checked by blocks, lying in an image's memory at its place,
 * whose blocks are read (where a file is the source) and checked when
 * first asked for. A block that fails its checksum stays absent, so every
 * later ask fails the same way instead of reading damaged values.
 *
 * @example
 * blocks.ensure(row * 256, (row + 1) * 256); // the row's bytes are now read and checked
 */
export class SectionBlocks {
  readonly #image: Uint8Array;
  readonly #from: number;
  readonly #to: number;
  readonly #sums: Int32Array;
  readonly #blockBytes: number;
  readonly #present: Uint8Array;
  readonly #source: SectionBlocksSource;
  #missing: number;

  /**
   * @param image - the whole image's memory, so that offsets in it are positions in the file
   * @param stretch - where the section lies, padded to 8 bytes
   * @param sums - its companion section, already checked against `stretch` by {@link checkBlockSums}
   */
  constructor(image: Uint8Array, stretch: Stretch, sums: Int32Array, source: SectionBlocksSource) {
    this.#image = image;
    [this.#from, this.#to] = stretch;
    this.#sums = sums;
    this.#blockBytes = sums[0]!;
    this.#missing = sums.length - 1;
    this.#present = new Uint8Array(this.#missing);
    this.#source = source;
  }

  /** Whether every block has been read and checked. */
  get complete(): boolean {
    return this.#missing === 0;
  }

  /**
   * Read and check the blocks holding the section's bytes `[from, to)`
   * that are not yet present.
   *
   * @throws `ImageError` when a block fails its checksum; `FetchError` when it cannot be read
   */
  ensure(from: number, to: number): void {
    if (this.#missing === 0 || to <= from) return;
    if (from < 0 || to > this.#to - this.#from) throw new RangeError(`bytes ${from} .. ${to} of a section of ${this.#to - this.#from}`);
    const size = this.#blockBytes;
    for (let block = Math.floor(from / size), last = Math.floor((to - 1) / size); block <= last; block++) {
      if (this.#present[block] === 0) this.#load(block);
    }
  }

  /** Read and check every block not yet present. */
  ensureAll(): void {
    this.ensure(0, this.#to - this.#from);
  }

  #load(block: number): void {
    const at = this.#from + block * this.#blockBytes;
    const end = Math.min(at + this.#blockBytes, this.#to);
    const { name, section, read, guard } = this.#source;
    const load = (): void => {
      read?.(this.#image.subarray(at, end), at);
      if (checksumOf(this.#image, at, end) !== this.#sums[block + 1]! >>> 0) {
        const replaced = read ? ' (or was replaced after it was opened)' : '';
        throw new ImageError(`${name} is damaged${replaced}: block ${block} of its section ${section} fails its checksum`, name);
      }
    };
    if (guard) guard(load);
    else load();
    this.#present[block] = 1;
    this.#missing--;
  }
}

/**
 * Whether `sums` can be the companion of a section lying in `stretch`:
 * a block size that is a positive multiple of 8, and one checksum per
 * block; says what is wrong otherwise.
 */
export function checkBlockSums(sums: unknown, [from, to]: Stretch): string | undefined {
  if (!(sums instanceof Int32Array) || sums.length === 0) return 'no block checksums';
  const blockBytes = sums[0]!;
  if (blockBytes <= 0 || blockBytes % 8 !== 0) return `a block size of ${blockBytes} bytes`;
  if (sums.length !== 1 + Math.ceil((to - from) / blockBytes)) return `${sums.length - 1} block checksums for ${to - from} bytes in blocks of ${blockBytes}`;
  return undefined;
}
