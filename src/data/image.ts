/**
 * The binary image format: named typed arrays in one buffer, so compiled
 * data loads as views over the bytes, with no parsing.
 *
 * Layout (little-endian):
 *
 * | offset | size | field |
 * |---|---|---|
 * | 0 | 8 | magic `JIEBA-TS` |
 * | 8 | 4 | format version ({@link IMAGE_VERSION}) |
 * | 12 | 4 | section count |
 * | 16 | 4 | total byte length |
 * | 20 | 4 | checksum of bytes 24 .. end ({@link checksum}) |
 * | 24 | 32 each | section table: name (20 bytes, ASCII, NUL-padded), type, byte offset, element count |
 * | ... | | section data, each starting at a multiple of 8 |
 *
 * The type field's low byte is the element type; its second byte, from
 * version 2 on, names filters that make a section compress better when the
 * image is shipped gzipped ({@link SectionEncoding}): the elements'
 * differences instead of the elements (`delta`), and the bytes grouped by
 * significance (`shuffle`). The checksum is taken with the filters undone,
 * so it vouches for what the reader finally uses.
 *
 * Version 3 adds sections checked by blocks (type bit `0x400`, no
 * filters): the header's checksum leaves out their bytes (padded to 8)
 * and is then the checksum of the checksums of the stretches around them,
 * while a section named `#` and the section's name (`Int32Array`: the
 * block size in bytes, then one checksum per block) vouches for them block
 * by block. A reader of a file can so leave such a section unread until
 * it needs a block (`open-image.ts`). Images without one are written as
 * version 2.
 *
 * @module
 */

import { ImageError } from '../dictionary/errors.js';
import { allocateImageBytes, checksum, filterKernels, hasHalfKernel } from './checksum.js';
import { fromFloat16, toFloat16 } from '../math/half.js';
import { deltaDecode, deltaEncode, shuffle, unshuffle } from './filters.js';
import { blockSums, blockSumsName, checkBlockSums, coveredChecksum, SectionBlocks, type SectionBlocksSource, type Stretch } from './image-blocks.js';

/**
 * Version of the layout above: 2 added filters and float16, 3 sections
 * checked by blocks; a reader takes 1 to 3 and refuses any other.
 */
export const IMAGE_VERSION = 3;
/** The version written when no section is checked by blocks, so that such images read in releases before version 3. */
const PLAIN_VERSION = 2;

const MAGIC = 'JIEBA-TS';
const HEADER_BYTES = 24;
const ENTRY_BYTES = 32;
const NAME_BYTES = 20;

/** The typed arrays a section can hold. */
export type SectionArray = Uint8Array | Uint16Array | Int32Array | Float64Array | Float32Array;

/**
 * How a section is stored. Filters change only the stored bytes: a reader
 * gets back exactly the array that was written. `float16` is lossy: a
 * `Float32Array` is rounded to half precision (to nearest, ties to even)
 * and read back as a `Float32Array` of the rounded values.
 *
 * @example
 * encodeImage({ first: trie.firstChild }, { first: { delta: true, shuffle: true } });
 */
export interface SectionEncoding {
  /** Group the bytes of the elements by significance (all low bytes first...). */
  shuffle?: boolean;
  /** Store each element's difference from the one before (integer arrays). */
  delta?: boolean;
  /** Store a `Float32Array` as IEEE half-precision floats. */
  float16?: boolean;
  /**
   * Check the section by blocks of this many bytes (a positive multiple of
   * 8) instead of with the rest of the image, so that a reader of a file
   * can leave it unread until it needs a block. Takes no filters.
   */
  blocks?: number;
}

const FLOAT16 = 6;
const SHUFFLE = 0x100;
const DELTA = 0x200;
const BLOCKS = 0x400;
const TYPE_MASK = 0xff;
const FILTER_MASK = SHUFFLE | DELTA;

const TYPES = [
  { code: 1, ctor: Uint8Array, width: 1 },
  { code: 2, ctor: Uint16Array, width: 2 },
  { code: 3, ctor: Int32Array, width: 4 },
  { code: 4, ctor: Float64Array, width: 8 },
  { code: 5, ctor: Float32Array, width: 4 },
  { code: FLOAT16, ctor: Float32Array, width: 2 },
] as const;

function typeOf(array: SectionArray, float16: boolean): (typeof TYPES)[number] {
  if (float16) {
    if (!(array instanceof Float32Array)) throw new TypeError('only a Float32Array can be stored as float16');
    return TYPES[5];
  }
  const type = TYPES.find((t) => array instanceof t.ctor);
  if (!type) throw new TypeError('unsupported section array type');
  return type;
}

/**
 * Whether `bytes` start like an image (the magic number), as opposed to a
 * text dictionary.
 */
export function isImage(bytes: Uint8Array): boolean {
  if (bytes.length < MAGIC.length) return false;
  for (let i = 0; i < MAGIC.length; i++) if (bytes[i] !== MAGIC.charCodeAt(i)) return false;
  return true;
}

function assertLittleEndian(): void {
  if (new Uint8Array(new Uint16Array([1]).buffer)[0] !== 1) {
    throw new Error('jieba-ts images are little-endian; this platform is big-endian');
  }
}

/**
 * Pack named arrays into one image, each stored as `encodings` says
 * (plainly when absent).
 *
 * @example
 * const bytes = encodeImage({ numbers: new Int32Array([1, 2, 3]) });
 * decodeImage(bytes).get('numbers'); // Int32Array [1, 2, 3]
 */
export function encodeImage(sections: Record<string, SectionArray>, encodings: Record<string, SectionEncoding> = {}): Uint8Array {
  assertLittleEndian();
  const names = Object.keys(sections);
  for (const name of Object.keys(encodings)) if (!(name in sections)) throw new RangeError(`an encoding for a missing section ${name}`);
  const byBlocks = names.filter((name) => encodings[name]?.blocks !== undefined);
  for (const name of byBlocks) checkBlockEncoding(name, encodings[name]!, names);
  let offset = align8(HEADER_BYTES + ENTRY_BYTES * (names.length + byBlocks.length));
  const place = (name: string, array: SectionArray, encoding: SectionEncoding) => {
    if (name.length === 0 || name.length > NAME_BYTES || !/^[\x21-\x7e]+$/.test(name)) {
      throw new RangeError(`bad section name ${JSON.stringify(name)}`);
    }
    const type = typeOf(array, encoding.float16 === true);
    if (encoding.delta && (array instanceof Float64Array || array instanceof Float32Array)) {
      throw new TypeError(`section ${name}: delta applies to integer arrays only`);
    }
    const filters = (encoding.shuffle && type.width > 1 ? SHUFFLE : 0) | (encoding.delta ? DELTA : 0);
    const entry = { name, array, type, filters, blocks: encoding.blocks ?? 0, offset, byteLength: array.length * type.width };
    offset = align8(offset + entry.byteLength);
    return entry;
  };
  const placed = names.map((name) => place(name, sections[name]!, encodings[name] ?? {}));
  // Each companion's length is known once its section is placed; its checksums once the section is written.
  const companions = placed.filter((entry) => entry.blocks > 0).map((entry) => ({ of: entry, entry: place(blockSumsName(entry.name), new Int32Array(1 + Math.ceil(align8(entry.byteLength) / entry.blocks)), {}) }));
  const entries = [...placed, ...companions.map(({ entry }) => entry)];
  const bytes = new Uint8Array(offset);
  const view = new DataView(bytes.buffer);
  for (let i = 0; i < MAGIC.length; i++) bytes[i] = MAGIC.charCodeAt(i);
  view.setUint32(8, companions.length > 0 ? IMAGE_VERSION : PLAIN_VERSION, true);
  view.setUint32(12, entries.length, true);
  view.setUint32(16, bytes.length, true);
  const write = (entry: (typeof entries)[number], index: number): void => {
    const at = HEADER_BYTES + ENTRY_BYTES * index;
    for (let i = 0; i < entry.name.length; i++) bytes[at + i] = entry.name.charCodeAt(i);
    view.setUint32(at + NAME_BYTES, entry.type.code | (entry.blocks > 0 ? BLOCKS : 0), true);
    view.setUint32(at + NAME_BYTES + 4, entry.offset, true);
    view.setUint32(at + NAME_BYTES + 8, entry.array.length, true);
    const target = bytes.subarray(entry.offset, entry.offset + entry.byteLength);
    if (entry.type.code === FLOAT16) new Uint16Array(target.buffer, entry.offset, entry.array.length).set(toFloat16(entry.array as Float32Array));
    else target.set(new Uint8Array(entry.array.buffer, entry.array.byteOffset, entry.array.byteLength));
  };
  placed.forEach(write);
  companions.forEach(({ of, entry }, i) => {
    (entry.array as Int32Array).set(blockSums(bytes, stretchOf(of), of.blocks));
    write(entry, placed.length + i);
  });
  // The checksum covers the unfiltered bytes; the filters come after it.
  view.setUint32(20, coveredChecksum(bytes, HEADER_BYTES, companions.map(({ of }) => stretchOf(of))), true);
  placed.forEach((entry, index) => {
    if (entry.filters === 0) return;
    const at = HEADER_BYTES + ENTRY_BYTES * index;
    view.setUint32(at + NAME_BYTES, entry.type.code | entry.filters, true);
    const target = bytes.subarray(entry.offset, entry.offset + entry.byteLength);
    if (entry.filters & DELTA) deltaEncode(target, entry.type.width);
    if (entry.filters & SHUFFLE) target.set(shuffle(target, entry.type.width));
  });
  return bytes;
}

function checkBlockEncoding(name: string, encoding: SectionEncoding, names: readonly string[]): void {
  const blocks = encoding.blocks!;
  if (!Number.isInteger(blocks) || blocks <= 0 || blocks % 8 !== 0) throw new RangeError(`section ${name}: blocks of ${blocks} bytes (a positive multiple of 8 is needed)`);
  if (encoding.shuffle || encoding.delta) throw new TypeError(`section ${name}: a section checked by blocks takes no filters`);
  if (names.includes(blockSumsName(name))) throw new RangeError(`section ${name}: its block checksums' name ${blockSumsName(name)} is taken`);
}

/** Where a section lies, padded to 8 bytes (the padding is zeros). */
function stretchOf(entry: { offset: number; byteLength: number }): Stretch {
  return [entry.offset, align8(entry.offset + entry.byteLength)];
}

function align8(n: number): number {
  return (n + 7) & ~7;
}

const NO_HALVES: ReadonlySet<string> = new Set();

function align16(n: number): number {
  return (n + 15) & ~15;
}

/**
 * Read an image made by {@link encodeImage}: check magic, version, length
 * and checksum, then return each section as a typed-array view over the
 * same memory. The bytes are copied once if they are not 8-byte aligned or
 * hold filtered sections (which are undone in the copy); float16 sections
 * become new `Float32Array`s, except those named in `halves`, which stay
 * half-precision bits (`Uint16Array` views): a reader that needs few of
 * their values at a time widens those itself, and the image's memory does
 * not grow by twice their size, pages the system must back at load.
 *
 * @param source - the image bytes
 * @param name - how errors name the source, e.g. a path or URL
 * @param halves - float16 sections to leave as half-precision bits (a `Set` of names, or anything with `has`)
 * @throws {@link ImageError} when the bytes are not a valid image
 * @example
 * decodeImage(bytes, 'paddle.img', new Set(['lac.embedding'])).get('lac.embedding'); // Uint16Array
 */
export function decodeImage(source: Uint8Array | ArrayBuffer, name = '<image>', halves: { has(name: string): boolean } = NO_HALVES): Map<string, SectionArray> {
  const { sections, blocks } = decodeImageByBlocks(source, name, halves);
  // Every block is here: check them all now, as the header's checksum is.
  for (const unchecked of blocks.values()) unchecked.ensureAll();
  return sections;
}

/**
 * {@link decodeImage}, except that the blocks of a section checked by
 * blocks are checked only when first asked for (`blocks`, by section):
 * the paddle model's embedding, 5.1 MiB of its 6.3, is so not hashed at
 * load where it was fetched whole, only the blocks that sentences reach.
 * Ask for a block's bytes before reading them.
 *
 * @param guard - runs each block's check, so that its errors can say more
 * @throws {@link ImageError} when the bytes are not a valid image (and from
 *   a block's `ensure`, when it is damaged)
 * @example
 * const { sections, blocks } = decodeImageByBlocks(bytes, 'paddle.img', LAC_HALVES);
 * blocks.get('lac.embedding')?.ensure(0, 256); // the first row's block, checked
 */
export function decodeImageByBlocks(
  source: Uint8Array | ArrayBuffer,
  name = '<image>',
  halves: { has(name: string): boolean } = NO_HALVES,
  guard?: <T>(check: () => T) => T,
): { sections: Map<string, SectionArray>; blocks: ReadonlyMap<string, SectionBlocks> } {
  let bytes = source instanceof Uint8Array ? source : new Uint8Array(source);
  const { entries, fail } = readImageTable(bytes, name);
  const length = bytes.length;
  // With filters, the bytes are copied into a WebAssembly memory where the
  // kernels undo them; float16 sections then widen there too, into room
  // after the copy (16-byte aligned), when the SIMD kernel exists. That
  // room is the unshuffling's input first: the widening comes after the
  // last section is unfiltered, so one place serves both.
  // An unfiltered image with float16 sections to widen does so there too
  // when it lies in such a memory with room after it; elsewhere it is used
  // where it lies, and widened in JavaScript (copying megabytes into fresh
  // memory first costs more than that on a VM slow to back new pages).
  let floatsAt = -1;
  const widened = (entry: (typeof entries)[number]): boolean => entry.type.code === FLOAT16 && !halves.has(entry.name);
  // (Asked only when there is something to widen: the kernel is compiled when first asked for.)
  const floatBytes = entries.some(widened) && hasHalfKernel() ? entries.reduce((sum, entry) => sum + (widened(entry) ? align16(4 * entry.elements) : 0), 0) : 0;
  if (entries.some((entry) => entry.filters !== 0)) {
    const shuffleBytes = Math.max(...entries.map((entry) => (entry.filters & SHUFFLE ? entry.byteLength : 0)));
    bytes = unfilter(bytes, entries, floatBytes > 0 ? Math.max(shuffleBytes, floatBytes + 16) : shuffleBytes);
    if (floatBytes > 0 && filterKernels(bytes.buffer)?.f16to32) floatsAt = align16(bytes.byteOffset + length);
  } else if (floatBytes > 0 && hasRoomToWiden(bytes, floatBytes)) {
    floatsAt = align16(bytes.byteOffset + length);
  } else if (bytes.byteOffset % 8 !== 0) {
    bytes = bytes.slice();
  }
  const skipped = checkedByBlocks(entries, fail);
  if (coveredChecksum(bytes, HEADER_BYTES, skipped) !== new DataView(bytes.buffer, bytes.byteOffset, 24).getUint32(20, true)) fail('checksum mismatch (damaged file?)');

  const sections = new Map<string, SectionArray>();
  const halfKernel = floatsAt >= 0 ? filterKernels(bytes.buffer)?.f16to32 : undefined;
  for (const entry of entries) {
    const at = bytes.byteOffset + entry.offset;
    if (entry.type.code !== FLOAT16) {
      sections.set(entry.name, new entry.type.ctor(bytes.buffer as ArrayBuffer, at, entry.elements));
    } else if (!widened(entry)) {
      sections.set(entry.name, new Uint16Array(bytes.buffer as ArrayBuffer, at, entry.elements));
    } else if (halfKernel) {
      halfKernel(at, floatsAt, entry.elements);
      sections.set(entry.name, new Float32Array(bytes.buffer as ArrayBuffer, floatsAt, entry.elements));
      floatsAt += align16(4 * entry.elements);
    } else {
      sections.set(entry.name, fromFloat16(new Uint16Array(bytes.buffer, at, entry.elements)));
    }
  }
  const blocks = sectionBlocks(bytes, entries, sections, fail, (section) => ({ name, section, ...(guard ? { guard } : {}) }));
  return { sections, blocks };
}

/** A section as an image's table describes it. @internal */
export interface ImageEntry {
  readonly name: string;
  readonly type: (typeof TYPES)[number];
  readonly filters: number;
  /** Whether it is checked by blocks. */
  readonly blocks: boolean;
  readonly offset: number;
  readonly elements: number;
  readonly byteLength: number;
}

/** What {@link readImageTable} found, and how to report what is wrong with the image. @internal */
export interface ImageTable {
  readonly version: number;
  readonly entries: readonly ImageEntry[];
  readonly fail: (why: string) => never;
}

/**
 * The header and section table of an image, checked: `bytes` are the whole
 * image, or memory of its full length into which its first
 * `tableBytes(count)` bytes have been read.
 *
 * @throws {@link ImageError} when they are not a valid image's
 * @internal
 */
export function readImageTable(bytes: Uint8Array, name: string): ImageTable {
  assertLittleEndian();
  const fail = (why: string): never => {
    throw new ImageError(`${name} is not a usable jieba-ts image: ${why}`, name);
  };
  if (bytes.length < HEADER_BYTES) fail('too short');
  for (let i = 0; i < MAGIC.length; i++) if (bytes[i] !== MAGIC.charCodeAt(i)) fail('wrong magic number');
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const version = view.getUint32(8, true);
  if (version < 1 || version > IMAGE_VERSION) fail(`format version ${version}, expected ${IMAGE_VERSION} or older`);
  const count = view.getUint32(12, true);
  const length = view.getUint32(16, true);
  if (length !== bytes.length) fail(`it should be ${length} bytes long but is ${bytes.length} (truncated?)`);
  if (length % 8 !== 0 || tableBytes(count) > length) fail('inconsistent header');

  const entries: ImageEntry[] = [];
  for (let index = 0; index < count; index++) {
    const at = HEADER_BYTES + ENTRY_BYTES * index;
    let sectionName = '';
    for (let i = 0; i < NAME_BYTES && bytes[at + i] !== 0; i++) sectionName += String.fromCharCode(bytes[at + i]!);
    const typeField = view.getUint32(at + NAME_BYTES, true);
    const offset = view.getUint32(at + NAME_BYTES + 4, true);
    const elements = view.getUint32(at + NAME_BYTES + 8, true);
    const filters = typeField & FILTER_MASK;
    const blocks = (typeField & BLOCKS) !== 0;
    const type = TYPES.find((t) => t.code === (typeField & TYPE_MASK));
    if (
      !type ||
      (typeField & ~(TYPE_MASK | FILTER_MASK | BLOCKS)) !== 0 ||
      (version < 2 && (filters !== 0 || type.code === FLOAT16)) ||
      (blocks && (version < 3 || filters !== 0))
    ) {
      fail(`section ${sectionName} has unknown type ${typeField}`);
    }
    const byteLength = elements * type!.width;
    if (offset % 8 !== 0 || offset + byteLength > length) fail(`section ${sectionName} lies outside the image`);
    if ((filters & DELTA) !== 0 && (type!.ctor === Float64Array || type!.ctor === Float32Array)) fail(`section ${sectionName} has a delta filter on floats`);
    entries.push({ name: sectionName, type: type!, filters, blocks, offset, elements, byteLength });
  }
  return { version, entries, fail };
}

/** Whether a section holds float16 values, as half-precision bits. @internal */
export function storedAsHalves(entry: ImageEntry): boolean {
  return entry.type.code === FLOAT16;
}

/** How many bytes an image's header and table of `count` sections take. @internal */
export function tableBytes(count: number): number {
  return HEADER_BYTES + ENTRY_BYTES * count;
}

/**
 * Where the sections checked by blocks lie, sorted, which the header's
 * checksum leaves out; they must lie after the table and apart.
 *
 * @internal
 */
export function checkedByBlocks(entries: readonly ImageEntry[], fail: (why: string) => never): Stretch[] {
  const stretches = entries
    .filter((entry) => entry.blocks)
    .map(stretchOf)
    .sort((a, b) => a[0] - b[0]);
  let end = tableBytes(entries.length);
  for (const [from, to] of stretches) {
    if (from < end) fail('sections checked by blocks overlap the table or each other');
    end = to;
  }
  return stretches;
}

/**
 * The blocks of each section checked by blocks, their companion sections
 * checked for shape and then taken out of `sections`: readers see only
 * the sections that were written.
 *
 * @internal
 */
export function sectionBlocks(
  bytes: Uint8Array,
  entries: readonly ImageEntry[],
  sections: Map<string, SectionArray>,
  fail: (why: string) => never,
  source: (section: string) => SectionBlocksSource,
): Map<string, SectionBlocks> {
  const found = new Map<string, SectionBlocks>();
  for (const entry of entries.filter((e) => e.blocks)) {
    const stretch = stretchOf(entry);
    const sums = sections.get(blockSumsName(entry.name));
    const wrong = checkBlockSums(sums, stretch);
    if (wrong !== undefined) fail(`section ${entry.name} is checked by blocks, but its ${blockSumsName(entry.name)} has ${wrong}`);
    found.set(entry.name, new SectionBlocks(bytes, stretch, sums as Int32Array, source(entry.name)));
  }
  for (const entry of entries) if (entry.blocks) sections.delete(blockSumsName(entry.name));
  return found;
}

/** Whether `bytes`, 8-byte aligned, lie in a memory with the compiled widening kernel and `floatBytes` of room after them (16-byte aligned). */
function hasRoomToWiden(bytes: Uint8Array, floatBytes: number): boolean {
  return bytes.byteOffset % 8 === 0 && filterKernels(bytes.buffer)?.f16to32 !== undefined && bytes.buffer.byteLength - align16(bytes.byteOffset + bytes.length) >= floatBytes;
}

/**
 * A copy of `bytes` with every section's filters undone and cleared from
 * the section table, so that the checksum can be checked over it. The copy
 * goes where the checksum and the filter kernels run compiled (see
 * `allocateImageBytes`), with `scratch` bytes of room after it: for one
 * filtered section, the kernels' input, and for the float16 sections
 * widened; without WebAssembly, `filters.ts` does the same in JavaScript.
 */
function unfilter(
  bytes: Uint8Array,
  entries: readonly { filters: number; type: { width: number }; offset: number; elements: number; byteLength: number }[],
  scratch: number,
): Uint8Array {
  const length = bytes.length;
  const out = allocateImageBytes(length, scratch) ?? new Uint8Array(length);
  const kernels = filterKernels(out.buffer);
  const view = new DataView(out.buffer, out.byteOffset, length);
  out.set(bytes.subarray(0, HEADER_BYTES + ENTRY_BYTES * entries.length));
  entries.forEach((entry, index) => {
    const { offset, byteLength, elements } = entry;
    const width = entry.type.width;
    const from = bytes.subarray(offset, offset + byteLength);
    const compiled = kernels && (width === 2 || width === 4);
    if (entry.filters & SHUFFLE) {
      if (compiled) {
        new Uint8Array(out.buffer, length, byteLength).set(from);
        (width === 2 ? kernels.unshuffle2 : kernels.unshuffle4)(length, offset, elements);
      } else {
        unshuffle(from, width, elements, out, offset);
      }
    } else {
      out.set(from, offset);
    }
    if (entry.filters & DELTA) {
      if (compiled) (width === 2 ? kernels.undelta2 : kernels.undelta4)(offset, elements);
      else deltaDecode(out.subarray(offset, offset + byteLength), width);
    }
    const at = HEADER_BYTES + ENTRY_BYTES * index + NAME_BYTES;
    view.setUint32(at, view.getUint32(at, true) & TYPE_MASK, true);
  });
  return out;
}
