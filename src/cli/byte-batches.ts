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

import { firstInvalidUtf8 } from '../text/utf8.js';
import { LineSplitter } from './lines.js';

/** One batch: whole lines, except that the last batch may end mid-line. */
export interface ByteBatch {
  bytes: Uint8Array;
  /** The input ends with this batch (its end may cut a UTF-8 sequence short). */
  last: boolean;
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

/**
 * Gather a byte stream into batches of at least `minBytes` (unless the
 * input ends first), each ending at a line break. A line longer than that
 * makes its batch as long as it.
 *
 * @example
 * for await (const { bytes, last } of readByteBatches(createReadStream(path), true, 1 << 18)) { ... }
 */
export async function* readByteBatches(source: AsyncIterable<Uint8Array>, universal: boolean, minBytes: number): AsyncGenerator<ByteBatch> {
  let chunks: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of source) {
    chunks.push(chunk);
    size += chunk.length;
    if (size < minBytes) continue;
    const joined = concat(chunks, size);
    const end = lastBreakEnd(joined, universal);
    if (end === 0) {
      chunks = [joined];
      continue;
    }
    // A copy of exactly the batch: posting a view to a worker copies its whole buffer.
    yield { bytes: joined.slice(0, end), last: false };
    chunks = end < size ? [joined.subarray(end)] : [];
    size -= end;
  }
  yield { bytes: concat(chunks, size), last: true };
}

function concat(chunks: Uint8Array[], size: number): Uint8Array {
  if (chunks.length === 1 && chunks[0]!.length === size) return chunks[0]!;
  const joined = new Uint8Array(size);
  let at = 0;
  for (const chunk of chunks) {
    joined.set(chunk, at);
    at += chunk.length;
  }
  return joined;
}

/** The first invalid UTF-8 of a batch: where, and in which of its lines. */
export interface InvalidBytes {
  /** 1-based line within the batch. */
  line: number;
  /** Byte offset within the batch. */
  offset: number;
  /** The bad byte, or undefined for a sequence cut short by the end of the input. */
  byte: number | undefined;
}

/** What a batch turned into. */
export interface BatchOutput {
  /** The output text of the batch's lines (of those before the bad byte, if any). */
  text: string;
  /** Lines the batch completed. */
  lines: number;
  invalid?: InvalidBytes;
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
export function formatBatch(batch: ByteBatch, options: BatchOptions, format: (lines: readonly string[]) => string): BatchOutput {
  const decoder = new TextDecoder('utf-8', { fatal: !options.replaceInvalid, ignoreBOM: true });
  const splitter = new LineSplitter(options.universal);
  const lines: string[] = [];
  let text: string;
  try {
    text = decoder.decode(batch.bytes);
  } catch {
    const bad = firstInvalidUtf8(batch.bytes);
    splitter.push(decoder.decode(batch.bytes.subarray(0, bad)), lines);
    const truncated = batch.last && cutShortAt(batch.bytes, bad);
    return {
      text: format(lines),
      lines: lines.length,
      invalid: { line: lines.length + 1, offset: bad, byte: truncated ? undefined : batch.bytes[bad] },
    };
  }
  splitter.push(text, lines);
  splitter.end(lines);
  return { text: format(lines), lines: lines.length };
}

/** Whether the sequence starting at `at` is a lead byte whose sequence the end of `bytes` cuts short. */
function cutShortAt(bytes: Uint8Array, at: number): boolean {
  const lead = bytes[at]!;
  const needed = lead >= 0xf0 && lead <= 0xf7 ? 4 : lead >= 0xe0 && lead <= 0xef ? 3 : lead >= 0xc0 && lead <= 0xdf ? 2 : 1;
  if (needed === 1 || at + needed <= bytes.length) return false;
  for (let k = at + 1; k < bytes.length; k++) if (bytes[k]! < 0x80 || bytes[k]! > 0xbf) return false;
  return true;
}
