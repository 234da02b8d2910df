/**
 * Reading input lines as `python3 -m jieba` does, from a byte stream of any
 * size, with strict UTF-8.
 *
 * Python reads a FILE in text mode with universal newlines (`\r`, `\n` and
 * `\r\n` each end a line) but standard input with `\n` only, and strips
 * trailing `\r` and `\n` from each line (`ln.rstrip('\r\n')`). Bytes that
 * are not UTF-8 make Python fail with a traceback (or, on standard input,
 * pass through as surrogate escapes); here they stop the run with an error
 * naming the line, unless replacement is asked for.
 *
 * @module
 */

import { firstInvalidUtf8 } from '../text/utf8.js';

/** Bad input: names the source, the 1-based line and the byte offset. */
export class InputError extends Error {
  readonly source: string;
  readonly line: number;
  readonly byteOffset: number;
  /** The bad byte, or undefined for a sequence cut short by the end of the input. */
  readonly byte: number | undefined;

  constructor(source: string, line: number, byteOffset: number, byte: number | undefined) {
    const what = byte === undefined ? 'a truncated UTF-8 sequence at the end' : `byte 0x${byte.toString(16).padStart(2, '0')}`;
    super(`${source}: line ${line}: invalid UTF-8 (${what}, byte offset ${byteOffset})`);
    this.name = 'InputError';
    this.source = source;
    this.line = line;
    this.byteOffset = byteOffset;
    this.byte = byte;
  }
}

/** How {@link readLineBatches} splits and decodes. */
export interface LineReaderOptions {
  /** `\r`, `\n` and `\r\n` end lines (a file); otherwise only `\n` (standard input). */
  universalNewlines: boolean;
  /** Decode invalid UTF-8 as U+FFFD instead of throwing {@link InputError}. */
  replaceInvalid: boolean;
  /** Name of the input for errors: a path or `<stdin>`. */
  name: string;
}

/**
 * Index where the last UTF-8 sequence of `bytes` starts if it is cut short
 * by the end of the chunk, else `bytes.length`: the bytes from there on wait
 * for the next chunk.
 */
function completeLength(bytes: Uint8Array): number {
  const length = bytes.length;
  for (let k = 1; k <= 3 && k <= length; k++) {
    const byte = bytes[length - k]!;
    if (byte >= 0x80 && byte <= 0xbf) continue; // a continuation byte: keep looking for the lead
    const needed = byte >= 0xf0 && byte <= 0xf7 ? 4 : byte >= 0xe0 ? 3 : byte >= 0xc0 ? 2 : 1;
    return needed > k && byte >= 0xc0 && byte <= 0xf7 ? length - k : length;
  }
  return length;
}

/** Splits decoded text into lines, keeping state across chunks. */
export class LineSplitter {
  /** Text of the line not yet ended. */
  private partial = '';
  /** The last chunk ended in `\r` (universal mode): a leading `\n` in the next belongs to it. */
  private pendingCR = false;
  /** Lines completed so far. */
  count = 0;

  constructor(private readonly universal: boolean) {}

  /** Append the lines that `text` completes to `lines`. */
  push(text: string, lines: string[]): void {
    let position = 0;
    if (this.pendingCR) {
      this.pendingCR = false;
      if (text.charCodeAt(0) === 0x0a) position = 1;
    }
    // The next `\r` and `\n` at or after `position`, each searched for
    // again only once passed: searching both afresh for every line would
    // scan to the end of the chunk per line when one of them never occurs.
    let lf = -2;
    let cr = this.universal ? -2 : -1;
    for (;;) {
      if (lf !== -1 && lf < position) lf = text.indexOf('\n', position);
      if (cr !== -1 && cr < position) cr = text.indexOf('\r', position);
      const newline = cr < 0 ? lf : lf < 0 ? cr : Math.min(cr, lf);
      if (newline < 0) break;
      this.finish(this.partial + text.slice(position, newline), lines);
      this.partial = '';
      position = newline + 1;
      if (this.universal && text.charCodeAt(newline) === 0x0d) {
        if (newline + 1 === text.length) this.pendingCR = true;
        else if (text.charCodeAt(newline + 1) === 0x0a) position++;
      }
    }
    this.partial += text.slice(position);
  }

  /** Append the last line, if the input did not end with a line break. */
  end(lines: string[]): void {
    if (this.partial.length > 0) this.finish(this.partial, lines);
    this.partial = '';
  }

  private finish(line: string, lines: string[]): void {
    let end = line.length;
    // rstrip('\r\n'): only standard input can leave a '\r' at the end.
    while (end > 0 && line.charCodeAt(end - 1) === 0x0d) end--;
    lines.push(end === line.length ? line : line.slice(0, end));
    this.count++;
  }
}

/**
 * The lines of a byte stream, in batches (one per chunk read), without their
 * line breaks.
 *
 * @throws {@link InputError} at the first invalid UTF-8 sequence, unless
 *   `replaceInvalid` is set; the lines before it have been yielded.
 * @example
 * for await (const lines of readLineBatches(createReadStream(path), {
 *   universalNewlines: true, replaceInvalid: false, name: path,
 * })) for (const line of lines) console.log(line);
 */
export async function* readLineBatches(
  source: AsyncIterable<Uint8Array>,
  options: LineReaderOptions,
): AsyncGenerator<string[]> {
  const decoder = new TextDecoder('utf-8', { fatal: !options.replaceInvalid, ignoreBOM: true });
  const splitter = new LineSplitter(options.universalNewlines);
  let carry: Uint8Array = new Uint8Array(0);
  let consumed = 0; // input bytes before carry[0]

  for await (const chunk of source) {
    let bytes = chunk;
    if (carry.length > 0) {
      bytes = new Uint8Array(carry.length + chunk.length);
      bytes.set(carry);
      bytes.set(chunk, carry.length);
    }
    const complete = completeLength(bytes);
    const lines: string[] = [];
    let text: string;
    try {
      text = decoder.decode(bytes.subarray(0, complete));
    } catch {
      // Hand over the lines before the bad byte, then stop on the line that holds it.
      const bad = firstInvalidUtf8(bytes.subarray(0, complete));
      splitter.push(decoder.decode(bytes.subarray(0, bad)), lines);
      if (lines.length > 0) yield lines;
      throw new InputError(options.name, splitter.count + 1, consumed + bad, bytes[bad]);
    }
    carry = bytes.slice(complete);
    consumed += complete;
    splitter.push(text, lines);
    if (lines.length > 0) yield lines;
  }

  const lines: string[] = [];
  if (carry.length > 0) {
    if (!options.replaceInvalid) throw new InputError(options.name, splitter.count + 1, consumed, undefined);
    splitter.push(decoder.decode(carry), lines);
  }
  splitter.end(lines);
  if (lines.length > 0) yield lines;
}
