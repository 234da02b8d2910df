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
 * @module
 */

import { DictionaryError } from '../dictionary/errors.js';
import { checksum, checksumOf } from './checksum.js';

/** Version of the layout above; a reader refuses any other. */
export const IMAGE_VERSION = 1;

const MAGIC = 'JIEBA-TS';
const HEADER_BYTES = 24;
const ENTRY_BYTES = 32;
const NAME_BYTES = 20;

/** The typed arrays a section can hold. */
export type SectionArray = Uint8Array | Uint16Array | Int32Array | Float64Array | Float32Array;

const TYPES = [
  { code: 1, ctor: Uint8Array },
  { code: 2, ctor: Uint16Array },
  { code: 3, ctor: Int32Array },
  { code: 4, ctor: Float64Array },
  { code: 5, ctor: Float32Array },
] as const;

function typeOf(array: SectionArray): (typeof TYPES)[number] {
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
 * Pack named arrays into one image.
 *
 * @example
 * const bytes = encodeImage({ numbers: new Int32Array([1, 2, 3]) });
 * decodeImage(bytes).get('numbers'); // Int32Array [1, 2, 3]
 */
export function encodeImage(sections: Record<string, SectionArray>): Uint8Array {
  assertLittleEndian();
  const names = Object.keys(sections);
  let offset = align8(HEADER_BYTES + ENTRY_BYTES * names.length);
  const placed = names.map((name) => {
    if (name.length === 0 || name.length > NAME_BYTES || !/^[\x21-\x7e]+$/.test(name)) {
      throw new RangeError(`bad section name ${JSON.stringify(name)}`);
    }
    const array = sections[name]!;
    const entry = { name, array, type: typeOf(array).code, offset };
    offset = align8(offset + array.byteLength);
    return entry;
  });
  const bytes = new Uint8Array(offset);
  const view = new DataView(bytes.buffer);
  for (let i = 0; i < MAGIC.length; i++) bytes[i] = MAGIC.charCodeAt(i);
  view.setUint32(8, IMAGE_VERSION, true);
  view.setUint32(12, names.length, true);
  view.setUint32(16, bytes.length, true);
  placed.forEach((entry, index) => {
    const at = HEADER_BYTES + ENTRY_BYTES * index;
    for (let i = 0; i < entry.name.length; i++) bytes[at + i] = entry.name.charCodeAt(i);
    view.setUint32(at + NAME_BYTES, entry.type, true);
    view.setUint32(at + NAME_BYTES + 4, entry.offset, true);
    view.setUint32(at + NAME_BYTES + 8, entry.array.length, true);
    bytes.set(new Uint8Array(entry.array.buffer, entry.array.byteOffset, entry.array.byteLength), entry.offset);
  });
  view.setUint32(20, checksum(new Int32Array(bytes.buffer, HEADER_BYTES)), true);
  return bytes;
}

function align8(n: number): number {
  return (n + 7) & ~7;
}

/**
 * Read an image made by {@link encodeImage}: check magic, version, length
 * and checksum, then return each section as a typed-array view over the
 * same memory (the bytes are copied once only if they are not 8-byte
 * aligned).
 *
 * @param source - the image bytes
 * @param name - how errors name the source, e.g. a path or URL
 * @throws {@link DictionaryError} when the bytes are not a valid image
 */
export function decodeImage(source: Uint8Array | ArrayBuffer, name = '<image>'): Map<string, SectionArray> {
  assertLittleEndian();
  let bytes = source instanceof Uint8Array ? source : new Uint8Array(source);
  const fail = (why: string): never => {
    throw new DictionaryError(`${name} is not a usable jieba-ts image: ${why}`, name);
  };
  if (bytes.length < HEADER_BYTES) fail('too short');
  for (let i = 0; i < MAGIC.length; i++) if (bytes[i] !== MAGIC.charCodeAt(i)) fail('wrong magic number');
  if (bytes.byteOffset % 8 !== 0) bytes = bytes.slice();
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const version = view.getUint32(8, true);
  if (version !== IMAGE_VERSION) fail(`format version ${version}, expected ${IMAGE_VERSION}`);
  const count = view.getUint32(12, true);
  const length = view.getUint32(16, true);
  if (length !== bytes.length) fail(`it should be ${length} bytes long but is ${bytes.length} (truncated?)`);
  if (length % 8 !== 0 || HEADER_BYTES + ENTRY_BYTES * count > length) fail('inconsistent header');
  if (checksumOf(bytes, HEADER_BYTES) !== view.getUint32(20, true)) fail('checksum mismatch (damaged file?)');

  const sections = new Map<string, SectionArray>();
  for (let index = 0; index < count; index++) {
    const at = HEADER_BYTES + ENTRY_BYTES * index;
    let sectionName = '';
    for (let i = 0; i < NAME_BYTES && bytes[at + i] !== 0; i++) sectionName += String.fromCharCode(bytes[at + i]!);
    const typeCode = view.getUint32(at + NAME_BYTES, true);
    const offset = view.getUint32(at + NAME_BYTES + 4, true);
    const elements = view.getUint32(at + NAME_BYTES + 8, true);
    const type = TYPES.find((t) => t.code === typeCode) ?? fail(`section ${sectionName} has unknown type ${typeCode}`);
    const byteLength = elements * type.ctor.BYTES_PER_ELEMENT;
    if (offset % 8 !== 0 || offset + byteLength > length) fail(`section ${sectionName} lies outside the image`);
    sections.set(sectionName, new type.ctor(bytes.buffer as ArrayBuffer, bytes.byteOffset + offset, elements));
  }
  return sections;
}
