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

import { lastSplit, type SplitRule } from '../cut/stream.js';
import { firstInvalidUtf8 } from '../text/utf8.js';

/**
 * Where the first invalid UTF-8 was: counted from the start of the input,
 * or, for a batch of bytes a worker decodes, from the start of the batch.
 */
export interface InvalidUtf8 {
  /** 1-based line. */
  line: number;
  /** Byte offset. */
  offset: number;
  /** The bad byte, or undefined for a sequence cut short by the end of the input. */
  byte: number | undefined;
}

/**
 * Bad input: names the source, the line and the byte offset.
 *
 * @example
 * new InputError('news.txt', { line: 3, offset: 120, byte: 0xff }).message;
 * // 'news.txt: line 3: invalid UTF-8 (byte 0xff, byte offset 120)'
 */
export class InputError extends Error {
  readonly source: string;
  readonly where: InvalidUtf8;

  constructor(source: string, where: InvalidUtf8) {
    const what = where.byte === undefined ? 'a truncated UTF-8 sequence at the end' : `byte 0x${where.byte.toString(16).padStart(2, '0')}`;
    super(`${source}: line ${where.line}: invalid UTF-8 (${what}, byte offset ${where.offset})`);
    this.name = 'InputError';
    this.source = source;
    this.where = where;
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
  /** Cut long lines into parts (see {@link LineSplitter}); without it, lines stay whole. */
  longLines?: LongLines;
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

/**
 * Part of a line too long to hold whole, cut where its words do not change
 * (see `splitRuleFor`): the line's output is the parts' words, joined as
 * one line's.
 */
export class LinePart {
  constructor(
    readonly text: string,
    /** The line's first part. */
    readonly first: boolean,
    /** The line's last part (the line ends after it). */
    readonly last: boolean,
  ) {}
}

/** A whole line, or part of a long one. */
export type LineItem = string | LinePart;

/** A line with a run longer than jieba-ts holds whole, and no place where its words allow a split. */
export class LineTooLong extends Error {
  constructor(
    readonly source: string,
    readonly line: number,
    readonly units: number,
  ) {
    super(
      `${source}: line ${line}: more than ${units.toLocaleString('en-US')} characters with no place to split them ` +
        '(jieba decides words over such a run as a whole); break the input there',
    );
    this.name = 'LineTooLong';
  }
}

/** How {@link LineSplitter} cuts lines that grow too long. */
export interface LongLines {
  /** Where lines may be cut. */
  rule: SplitRule;
  /** A line longer than this many UTF-16 units is cut at its last allowed place. */
  partUnits: number;
  /** Past this many units with no allowed place, {@link LineTooLong}. */
  maxUnits: number;
}

/**
 * Lines longer than this (in UTF-16 units) go in parts; past the second
 * figure with no place to cut, the input is refused. One unbreakable run
 * costs about 30 bytes per character to segment.
 */
export const LONG_LINES = { partUnits: 1 << 20, maxUnits: 1 << 25 };

/** Splits decoded text into lines, keeping state across chunks. */
export class LineSplitter {
  /** Text of the line not yet ended. */
  private partial = '';
  /** The last chunk ended in `\r` (universal mode): a leading `\n` in the next belongs to it. */
  private pendingCR = false;
  /** The line in progress has handed out parts already. */
  private continuing: boolean;
  /** Places before this index of `partial` were found not to allow a split. */
  private unsplittable = 1;
  /** Lines completed so far. */
  count = 0;

  /**
   * @param continuing - the text starts in the middle of a line whose
   *   earlier parts were handed out elsewhere (a `-j` batch)
   * @param source - the input's name, for {@link LineTooLong}
   */
  constructor(
    private readonly universal: boolean,
    private readonly longLines?: LongLines,
    continuing = false,
    private readonly source = '<input>',
  ) {
    this.continuing = continuing;
  }

  /** Append the lines (and parts of long lines) that `text` completes to `lines`. */
  push(text: string, lines: LineItem[]): void {
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
      this.unsplittable = 1;
      position = newline + 1;
      if (this.universal && text.charCodeAt(newline) === 0x0d) {
        if (newline + 1 === text.length) this.pendingCR = true;
        else if (text.charCodeAt(newline + 1) === 0x0a) position++;
      }
    }
    this.partial += text.slice(position);
    if (this.longLines && this.partial.length > this.longLines.partUnits) this.cutPart(lines);
  }

  /**
   * Hand out the line in progress as a part that the next text continues:
   * the input was cut there, at a place its words allow (a `-j` batch).
   */
  breakHere(lines: LineItem[]): void {
    if (this.partial.length === 0) return;
    lines.push(new LinePart(this.partial, !this.continuing, false));
    this.partial = '';
    this.continuing = true;
  }

  /** Append the last line, if the input did not end with a line break. */
  end(lines: LineItem[]): void {
    if (this.partial.length > 0 || this.continuing) this.finish(this.partial, lines);
    this.partial = '';
  }

  /** Cut the long line in progress at its last allowed place. */
  private cutPart(lines: LineItem[]): void {
    const { rule, maxUnits } = this.longLines!;
    const at = lastSplit(this.partial, rule, this.unsplittable);
    if (at < 0) {
      if (this.partial.length > maxUnits) throw new LineTooLong(this.source, this.count + 1, maxUnits);
      // A place allows a split or not by the two characters around it alone: these stay refused.
      this.unsplittable = this.partial.length;
      return;
    }
    lines.push(new LinePart(this.partial.slice(0, at), !this.continuing, false));
    this.partial = this.partial.slice(at);
    this.unsplittable = 1;
    this.continuing = true;
  }

  private finish(line: string, lines: LineItem[]): void {
    let end = line.length;
    // rstrip('\r\n'): only standard input can leave a '\r' at the end.
    while (end > 0 && line.charCodeAt(end - 1) === 0x0d) end--;
    const text = end === line.length ? line : line.slice(0, end);
    if (this.continuing) lines.push(new LinePart(text, false, true));
    else lines.push(text);
    this.continuing = false;
    this.count++;
  }
}

/**
 * The lines of a byte stream, in batches (one per chunk read), without their
 * line breaks; with `longLines`, a line too long to hold comes in parts.
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
): AsyncGenerator<LineItem[]> {
  const decoder = new TextDecoder('utf-8', { fatal: !options.replaceInvalid, ignoreBOM: true });
  const splitter = new LineSplitter(options.universalNewlines, options.longLines, false, options.name);
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
    const lines: LineItem[] = [];
    let text: string;
    try {
      text = decoder.decode(bytes.subarray(0, complete));
    } catch {
      // Hand over the lines before the bad byte, then stop on the line that holds it.
      const bad = firstInvalidUtf8(bytes.subarray(0, complete));
      splitter.push(decoder.decode(bytes.subarray(0, bad)), lines);
      if (lines.length > 0) yield lines;
      throw new InputError(options.name, { line: splitter.count + 1, offset: consumed + bad, byte: bytes[bad] });
    }
    carry = bytes.slice(complete);
    consumed += complete;
    splitter.push(text, lines);
    if (lines.length > 0) yield lines;
  }

  const lines: LineItem[] = [];
  if (carry.length > 0) {
    if (!options.replaceInvalid) throw new InputError(options.name, { line: splitter.count + 1, offset: consumed, byte: undefined });
    splitter.push(decoder.decode(carry), lines);
  }
  splitter.end(lines);
  if (lines.length > 0) yield lines;
}
