/**
 * Reading an image from a file a piece at a time: everything but its
 * sections checked by blocks at once (checked by the header's checksum),
 * and those a block at a time, when first needed (see `image-blocks.ts`).
 * On a VM where each page's first touch costs a trip to the hypervisor,
 * the paddle model's load went from reading 6.6 MB to 1.2 MB.
 *
 * @module
 */

import { allocateImageBytes } from './checksum.js';
import { checkedByBlocks, isImage, readImageTable, sectionBlocks, storedAsHalves, tableBytes, type SectionArray } from './image.js';
import { coveredChecksum, type ReadAt, type SectionBlocks } from './image-blocks.js';

/** A file to read pieces of, as a platform opens it (see `Platform.open`). */
export interface ImageFile {
  /** How errors name it. */
  readonly name: string;
  /** Its length in bytes when it was opened. */
  readonly size: number;
  /** Fills `target` with the file's bytes from `position` on, all of them, or throws saying why. */
  readonly read: ReadAt;
}

/** An image read by {@link openImage}. */
export interface OpenedImage {
  /** Every section, as `decodeImage` gives them; those checked by blocks hold zeros until their blocks are read. */
  readonly sections: Map<string, SectionArray>;
  /** The sections checked by blocks, by name: ask one for a block's bytes before reading them. */
  readonly blocks: ReadonlyMap<string, SectionBlocks>;
}

/** Bytes read first: the header and the table of up to 127 sections. */
const HEAD_BYTES = 4096;
const NO_HALVES: { has(name: string): boolean } = new Set<string>();

/**
 * Read the image in `file`, leaving its sections checked by blocks unread
 * until asked for; or `undefined` when it has none, is not an image, or
 * has sections that must be undone or widened in full (filters, float16
 * not named in `halves`): read those whole and hand them to `decodeImage`.
 *
 * @param guard - runs each later block's read and check, so that their errors can say more
 * @throws `ImageError` when the image is damaged; `FetchError` when the file cannot be read
 * @example
 * const opened = openImage(platform.open(PADDLE_MODEL, 'paddle-mode model'), LAC_HALVES);
 * opened?.blocks.get('lac.embedding')?.ensure(0, 256);
 */
export function openImage(file: ImageFile, halves = NO_HALVES, guard?: <T>(load: () => T) => T): OpenedImage | undefined {
  const { name, size } = file;
  const head = new Uint8Array(Math.min(size, HEAD_BYTES));
  file.read(head, 0);
  const view = new DataView(head.buffer);
  if (head.length < 24 || !isImage(head) || view.getUint32(8, true) < 3) return undefined;
  const tableEnd = tableBytes(view.getUint32(12, true));
  if (view.getUint32(16, true) !== size || tableEnd > size) return undefined; // decodeImage says what is wrong
  const bytes = allocateImageBytes(size) ?? new Uint8Array(size);
  bytes.set(head);
  if (tableEnd > head.length) file.read(bytes.subarray(head.length, tableEnd), head.length);
  const { entries, fail } = readImageTable(bytes, name);
  if (!entries.some((entry) => entry.blocks)) return undefined;
  if (entries.some((entry) => entry.filters !== 0 || (storedAsHalves(entry) && !halves.has(entry.name)))) return undefined;
  const skipped = checkedByBlocks(entries, fail);
  let from = tableEnd;
  for (const [skipFrom, skipTo] of [...skipped, [size, size] as const]) {
    if (skipFrom > from) file.read(bytes.subarray(from, skipFrom), from);
    from = skipTo;
  }
  if (coveredChecksum(bytes, 24, skipped) !== new DataView(bytes.buffer, bytes.byteOffset, 24).getUint32(20, true)) fail('checksum mismatch (damaged file?)');
  const sections = new Map<string, SectionArray>();
  for (const entry of entries) {
    const ctor = storedAsHalves(entry) ? Uint16Array : entry.type.ctor;
    sections.set(entry.name, new ctor(bytes.buffer as ArrayBuffer, bytes.byteOffset + entry.offset, entry.elements));
  }
  const blocks = sectionBlocks(bytes, entries, sections, fail, (section) => ({ name, section, read: file.read, ...(guard ? { guard } : {}) }));
  return { sections, blocks };
}
