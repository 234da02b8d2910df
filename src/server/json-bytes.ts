/**
 * An answer's JSON written straight to UTF-8 bytes, the same bytes as
 * `TextEncoder` of `JSON.stringify`, without a string per word. The text is
 * escaped and encoded once, each UTF-16 unit with the bytes it adds to a
 * JSON string (`"` as `\"`, a control character as `\n` or `\u001f`, a lone
 * surrogate as `\ud800`, a surrogate pair as four bytes on its first unit);
 * a word is then a copy of its units' bytes between quotes. Building the
 * JSON as a string and encoding it took longer than cutting the text.
 *
 * @module
 */

const utf8 = new TextEncoder();
const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const HEX = Uint8Array.from('0123456789abcdef', (c) => c.charCodeAt(0));
/** JSON.stringify's short escapes, by code: \b \t \n \f \r. */
const SHORT_ESCAPES: Record<number, number> = { 0x08: 0x62, 0x09: 0x74, 0x0a: 0x6e, 0x0c: 0x66, 0x0d: 0x72 };

const isHigh = (unit: number): boolean => unit >= 0xd800 && unit <= 0xdbff;
const isLow = (unit: number): boolean => unit >= 0xdc00 && unit <= 0xdfff;

/**
 * `text` as the contents of JSON strings, in UTF-8: the bytes of
 * `text.slice(start, end)` inside quotes are `bytes[at[start] .. at[end])`,
 * for spans that do not split a surrogate pair.
 *
 * @example
 * const escaped = new EscapedText('a"中');
 * escaped.at[3]; // 6: a, \, ", and three bytes for 中
 */
export class EscapedText {
  readonly bytes: Uint8Array;
  /** Byte offset of each UTF-16 unit, and of the end (`at[text.length]`). */
  readonly at: Int32Array;

  constructor(readonly text: string) {
    const length = text.length;
    const bytes = new Uint8Array(6 * length);
    const at = new Int32Array(length + 1);
    let n = 0;
    for (let i = 0; i < length; i++) {
      at[i] = n;
      const c = text.charCodeAt(i);
      if (c < 0x80) {
        if (c >= 0x20 && c !== QUOTE && c !== BACKSLASH) bytes[n++] = c;
        else if (c === QUOTE || c === BACKSLASH) (bytes[n++] = BACKSLASH), (bytes[n++] = c);
        else if (SHORT_ESCAPES[c] !== undefined) (bytes[n++] = BACKSLASH), (bytes[n++] = SHORT_ESCAPES[c]!);
        else n = writeUnitEscape(bytes, n, c);
      } else if (c < 0x800) {
        bytes[n++] = 0xc0 | (c >> 6);
        bytes[n++] = 0x80 | (c & 0x3f);
      } else if (isHigh(c) && i + 1 < length && isLow(text.charCodeAt(i + 1))) {
        const point = 0x10000 + ((c - 0xd800) << 10) + (text.charCodeAt(i + 1) - 0xdc00);
        bytes[n++] = 0xf0 | (point >> 18);
        bytes[n++] = 0x80 | ((point >> 12) & 0x3f);
        bytes[n++] = 0x80 | ((point >> 6) & 0x3f);
        bytes[n++] = 0x80 | (point & 0x3f);
        at[++i] = n; // the pair's second unit adds nothing of its own
      } else if (isHigh(c) || isLow(c)) {
        n = writeUnitEscape(bytes, n, c);
      } else {
        bytes[n++] = 0xe0 | (c >> 12);
        bytes[n++] = 0x80 | ((c >> 6) & 0x3f);
        bytes[n++] = 0x80 | (c & 0x3f);
      }
    }
    at[length] = n;
    this.bytes = bytes;
    this.at = at;
  }

  /** Whether `text.slice(start, end)` splits a surrogate pair at an edge (then its JSON is not a copy of bytes). */
  splitsPair(start: number, end: number): boolean {
    return splitsPairAt(this.text, start) || splitsPairAt(this.text, end);
  }
}

/**
 * Whether position `i` of `text` falls between the units of a surrogate
 * pair. (A function of the module, not a closure made per call: the bundle
 * keeps function names, which costs a property definition per closure made.)
 */
function splitsPairAt(text: string, i: number): boolean {
  return i > 0 && i < text.length && isHigh(text.charCodeAt(i - 1)) && isLow(text.charCodeAt(i));
}

/** `\uXXXX` (lowercase hex, as JSON.stringify writes it) at `n`; returns the end. */
function writeUnitEscape(bytes: Uint8Array, n: number, unit: number): number {
  bytes[n++] = BACKSLASH;
  bytes[n++] = 0x75;
  for (let shift = 12; shift >= 0; shift -= 4) bytes[n++] = HEX[(unit >> shift) & 15]!;
  return n;
}

/**
 * A growable byte buffer for one answer.
 *
 * @example
 * const out = new ByteWriter(16);
 * out.ascii('{"tokens":[');
 * out.result(); // the bytes written
 */
export class ByteWriter {
  #bytes: Uint8Array;
  #length = 0;

  constructor(capacity: number) {
    this.#bytes = new Uint8Array(Math.max(64, capacity));
  }

  /** Room for `more` bytes. */
  #reserve(more: number): void {
    if (this.#length + more <= this.#bytes.length) return;
    let size = 2 * this.#bytes.length;
    while (size < this.#length + more) size *= 2;
    const grown = new Uint8Array(size);
    grown.set(this.#bytes.subarray(0, this.#length));
    this.#bytes = grown;
  }

  /** Append a string of ASCII characters. */
  ascii(text: string): void {
    this.#reserve(text.length);
    for (let i = 0; i < text.length; i++) this.#bytes[this.#length++] = text.charCodeAt(i);
  }

  /** Append a non-negative integer in decimal. */
  integer(value: number): void {
    this.ascii(String(value));
  }

  /** Append `source[from .. to)`. */
  copy(source: Uint8Array, from: number, to: number): void {
    this.#reserve(to - from);
    const bytes = this.#bytes;
    let n = this.#length;
    // Words are a few bytes: a loop beats set() and its subarray.
    if (to - from < 64) for (let i = from; i < to; i++) bytes[n++] = source[i]!;
    else (bytes.set(source.subarray(from, to), n), (n += to - from));
    this.#length = n;
  }

  /** Append `text.slice(start, end)` as a JSON string. */
  string(escaped: EscapedText, start: number, end: number): void {
    if (escaped.splitsPair(start, end)) {
      const json = utf8.encode(JSON.stringify(escaped.text.slice(start, end)));
      this.copy(json, 0, json.length);
      return;
    }
    this.#reserve(2);
    this.#bytes[this.#length++] = QUOTE;
    this.copy(escaped.bytes, escaped.at[start]!, escaped.at[end]!);
    this.#reserve(1);
    this.#bytes[this.#length++] = QUOTE;
  }

  /** A copy of the bytes written, in a buffer of their size (a view of a larger one would travel whole to another thread). */
  result(): Uint8Array {
    return this.#bytes.slice(0, this.#length);
  }
}

/** An answer of words (see `Answer`), as `json-writer.ts` writes it. */
export interface WordsAnswer {
  kind: 'words' | 'tokens' | 'tagged';
  text: string;
  offsets: Int32Array;
  /** The tokens' start and end as the client asked them counted, when not UTF-16 offsets (`offsets`). */
  positions?: Int32Array;
  tags?: Uint32Array;
  names?: string[];
}

/**
 * The UTF-8 of `{"tokens":[...]}` for an answer of words: the bytes of
 * `TextEncoder` over `JSON.stringify` of its body.
 *
 * @example
 * new TextDecoder().decode(wordsJsonBytes({ kind: 'words', text: '北京', offsets: Int32Array.of(0, 2) }));
 * // '{"tokens":["北京"]}'
 */
export function wordsJsonBytes(answer: WordsAnswer): Uint8Array {
  const { kind, text, offsets } = answer;
  const positions = answer.positions ?? offsets;
  const escaped = new EscapedText(text);
  const count = offsets.length >>> 1;
  const out = new ByteWriter(escaped.at[text.length]! + 24 * count + 16);
  const names: Uint8Array[] = [];
  if (kind === 'tagged') for (const name of answer.names!) names.push(utf8.encode(JSON.stringify(name)));
  out.ascii('{"tokens":[');
  for (let i = 0; i < count; i++) {
    const start = offsets[2 * i]!;
    const end = offsets[2 * i + 1]!;
    if (i > 0) out.ascii(',');
    if (kind === 'words') {
      out.string(escaped, start, end);
    } else if (kind === 'tokens') {
      out.ascii('{"word":');
      out.string(escaped, start, end);
      out.ascii(',"start":');
      out.integer(positions[2 * i]!);
      out.ascii(',"end":');
      out.integer(positions[2 * i + 1]!);
      out.ascii('}');
    } else {
      const name = names[answer.tags![i]!]!;
      out.ascii('{"word":');
      out.string(escaped, start, end);
      out.ascii(',"tag":');
      out.copy(name, 0, name.length);
      out.ascii('}');
    }
  }
  out.ascii(']}');
  return out.result();
}
