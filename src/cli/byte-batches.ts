/**
 * Input for `jieba -j N` as raw byte batches cut at line breaks, so that
 * decoding and line splitting happen in the worker threads too and the
 * main thread only reads, hands over and writes.
 *
 * A batch ends right after a `\n`, or (with universal newlines) after a `\r`
 * not followed by `\n`: never inside a line break, and so never inside a
 * UTF-8 sequence, since both are ASCII bytes. Each batch then decodes and
 * splits on its own exactly as the whole input would.
 *
 * @module
 */

import type { SplitRule } from '../cut/stream.js';
import { firstInvalidUtf8 } from '../text/utf8.js';
import { LineSplitter, type InvalidUtf8, type LineItem } from './lines.js';

/**
 * One batch: whole lines, except that a batch may end inside a line that
 * is too long to wait for (at a place its words allow a split), and the
 * last batch may end inside one.
 */
export interface ByteBatch {
  bytes: Uint8Array;
  /** The input ends with this batch (its end may cut a UTF-8 sequence short). */
  last: boolean;
  /** The batch starts inside a line that the batch before began. */
  continues?: boolean;
  /** The batch ends inside a line that the next batch goes on with. */
  breaks?: boolean;
  /** The line in progress grew past the longest unbreakable run jieba-ts holds: an error, not a batch. */
  tooLong?: boolean;
}

/** How long lines are cut into batches (see `LineSplitter` for the same in text). */
export interface ByteSplit {
  rule: SplitRule;
  /** A line in progress longer than this many bytes is cut at its last allowed place. */
  partBytes: number;
  /** Past this many UTF-16 units with no allowed place: {@link ByteBatch.tooLong}. */
  maxUnits: number;
}

/** Where the last line break of `bytes` ends (exclusive), or 0 if it has none. */
function lastBreakEnd(bytes: Uint8Array, universal: boolean): number {
  for (let i = bytes.length - 1; i >= 0; i--) {
    const byte = bytes[i]!;
    if (byte === 0x0a) return i + 1;
    // A final \r may be the first half of \r\n: not a place to cut.
    if (universal && byte === 0x0d && i < bytes.length - 1) return i + 1;
  }
  return 0;
}

/** UTF-16 units of UTF-8 `bytes`: one per lead byte, two for a four-byte sequence. */
function utf16Units(bytes: Uint8Array): number {
  let units = 0;
  for (let i = 0; i < bytes.length; i++) {
    const byte = bytes[i]!;
    if (byte < 0x80 || byte >= 0xc0) units += byte >= 0xf0 ? 2 : 1;
  }
  return units;
}

/** The code point of the UTF-8 sequence starting at `at`, or the byte itself when it is not one. */
function codePointAt(bytes: Uint8Array, at: number): number {
  const lead = bytes[at]!;
  const length = lead >= 0xf0 ? 4 : lead >= 0xe0 ? 3 : lead >= 0xc0 ? 2 : 1;
  if (length === 1 || at + length > bytes.length) return lead;
  let cp = lead & (0xff >> (length + 1));
  for (let k = 1; k < length; k++) cp = (cp << 6) | (bytes[at + k]! & 0x3f);
  return cp;
}

/**
 * The last place in `bytes` (a part of one line) at or after `from` where
 * `rule` allows a split: a character boundary, judged by the characters on
 * either side. -1 if none.
 */
function lastByteSplit(bytes: Uint8Array, rule: SplitRule, from: number): number {
  for (let p = bytes.length - 1; p >= 1; p--) {
    const byte = bytes[p]!;
    if (byte >= 0x80 && byte < 0xc0) continue; // inside a sequence
    if (p < from) return -1;
    // A character the chunk cut short cannot be judged yet.
    if (p + (byte >= 0xf0 ? 4 : byte >= 0xe0 ? 3 : byte >= 0xc0 ? 2 : 1) > bytes.length) continue;
    const next = codePointAt(bytes, p);
    let start = p - 1;
    while (start > 0 && p - start < 4 && bytes[start]! >= 0x80 && bytes[start]! < 0xc0) start--;
    if (rule(codePointAt(bytes, start), next)) return p;
  }
  return -1;
}

function concat(chunks: readonly Uint8Array[], size: number): Uint8Array {
  if (chunks.length === 1 && chunks[0]!.length === size && chunks[0]!.byteOffset === 0 && chunks[0]!.buffer.byteLength === size) return chunks[0]!;
  const joined = new Uint8Array(size);
  let at = 0;
  for (const chunk of chunks) {
    joined.set(chunk, at);
    at += chunk.length;
  }
  return joined;
}

/**
 * Gather a byte stream into batches of at least `minBytes` (unless the
 * input ends first), each ending at a line break. With `split`, a line
 * longer than `split.partBytes` is cut into batches at places its words
 * allow; without it, a long line makes its batch as long as it. Linear in
 * the input, whatever the lengths of its lines: each chunk is searched for
 * line breaks once, and the bytes of a batch copied once.
 *
 * @example
 * for await (const { bytes, last } of readByteBatches(createReadStream(path), true, 1 << 18)) { ... }
 */
export async function* readByteBatches(
  source: AsyncIterable<Uint8Array>,
  universal: boolean,
  minBytes: number,
  split?: ByteSplit,
): AsyncGenerator<ByteBatch> {
  let pending: Uint8Array[] = [];
  let size = 0;
  /** Where the last line break in the pending bytes ends, or -1. */
  let lastBreak = -1;
  /** UTF-16 units of the pending bytes after `lastBreak` (the line in progress). */
  let lineUnits = 0;
  /** Bytes of the line in progress, from its pending start, before which no split is allowed. */
  let unsplittable = 0;
  /** The next batch starts inside a line. */
  let continues = false;
  /** A pending batch: `pending[0..end)`, the rest kept. */
  const take = (end: number, breaks: boolean): ByteBatch => {
    const joined = concat(pending, size);
    // A copy of exactly the batch: posting a view to a worker copies its whole buffer.
    const batch: ByteBatch = { bytes: joined.slice(0, end), last: false, continues, breaks };
    pending = end < size ? [joined.subarray(end)] : [];
    size -= end;
    continues = breaks;
    return batch;
  };
  for await (const chunk of source) {
    if (chunk.length === 0) continue;
    const inChunk = lastBreakEnd(chunk, universal);
    const previous = pending.at(-1);
    if (inChunk > 0) {
      lastBreak = size + inChunk;
      lineUnits = utf16Units(chunk.subarray(inChunk));
      unsplittable = 0;
    } else {
      // A \r that ended the last chunk is a break unless this one starts with \n.
      if (universal && previous !== undefined && previous[previous.length - 1] === 0x0d && chunk[0] !== 0x0a) {
        lastBreak = size;
        lineUnits = 0;
        unsplittable = 0;
      }
      lineUnits += utf16Units(chunk);
    }
    pending.push(chunk);
    size += chunk.length;
    if (size >= minBytes && lastBreak > 0) {
      const batch = take(lastBreak, false);
      lastBreak = -1;
      yield batch;
      continue;
    }
    if (!split || size < split.partBytes || lastBreak >= 0) continue;
    // One line, too long to wait for its end: cut it where its words allow.
    const joined = concat(pending, size);
    pending = [joined];
    const at = lastByteSplit(joined, split.rule, Math.max(1, unsplittable));
    if (at < 0) {
      if (lineUnits > split.maxUnits) {
        yield { bytes: new Uint8Array(0), last: true, continues, tooLong: true };
        return;
      }
      unsplittable = size;
      continue;
    }
    lineUnits -= utf16Units(joined.subarray(0, at));
    unsplittable = 0;
    yield take(at, true);
  }
  yield { bytes: concat(pending, size), last: true, continues };
}

/** What a batch turned into. */
export interface BatchOutput {
  /** The output text of the batch's lines (of those before the bad byte, if any). */
  text: string;
  /** Lines the batch ended (a line it only began or went on with does not count). */
  lines: number;
  /** The first invalid UTF-8, counted from the start of the batch. */
  invalid?: InvalidUtf8;
}

/** How a batch is decoded and split. */
export interface BatchOptions {
  universal: boolean;
  replaceInvalid: boolean;
}

/**
 * Decode and split a batch as {@link readLineBatches} would the same bytes
 * in the stream, and format its lines. Invalid UTF-8 (unless replaced)
 * ends the batch: the lines before the bad one are formatted, and where it
 * was is reported.
 */
export function formatBatch(batch: ByteBatch, options: BatchOptions, format: (lines: readonly LineItem[]) => string): BatchOutput {
  const decoder = new TextDecoder('utf-8', { fatal: !options.replaceInvalid, ignoreBOM: true });
  const splitter = new LineSplitter(options.universal, undefined, batch.continues === true);
  const lines: LineItem[] = [];
  let text: string;
  try {
    text = decoder.decode(batch.bytes);
  } catch {
    const bad = firstInvalidUtf8(batch.bytes);
    splitter.push(decoder.decode(batch.bytes.subarray(0, bad)), lines);
    const truncated = batch.last && cutShortAt(batch.bytes, bad);
    return {
      text: format(lines),
      lines: splitter.count,
      invalid: { line: splitter.count + 1, offset: bad, byte: truncated ? undefined : batch.bytes[bad] },
    };
  }
  splitter.push(text, lines);
  if (batch.breaks) splitter.breakHere(lines);
  else splitter.end(lines);
  return { text: format(lines), lines: splitter.count };
}

/** Whether the sequence starting at `at` is a lead byte whose sequence the end of `bytes` cuts short. */
function cutShortAt(bytes: Uint8Array, at: number): boolean {
  const lead = bytes[at]!;
  const needed = lead >= 0xf0 && lead <= 0xf7 ? 4 : lead >= 0xe0 && lead <= 0xef ? 3 : lead >= 0xc0 && lead <= 0xdf ? 2 : 1;
  if (needed === 1 || at + needed <= bytes.length) return false;
  for (let k = at + 1; k < bytes.length; k++) if (bytes[k]! < 0x80 || bytes[k]! > 0xbf) return false;
  return true;
}
