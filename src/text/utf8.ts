/**
 * UTF-8 validity, checked byte by byte where the text is needed with the
 * place of the first bad byte (the CLI names it; the HTTP API reports it).
 *
 * @module
 */

/**
 * Index of the first byte that starts an invalid UTF-8 sequence (by the
 * WHATWG rules TextDecoder follows: no overlong forms, no surrogates,
 * nothing above U+10FFFF), or -1 when all of `bytes` is valid.
 *
 * @example
 * firstInvalidUtf8(Uint8Array.of(0x61, 0xff)); // 1
 */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  const length = bytes.length;
  let i = 0;
  while (i < length) {
    const lead = bytes[i]!;
    if (lead < 0x80) {
      i++;
      continue;
    }
    let needed: number;
    let low = 0x80;
    let high = 0xbf;
    if (lead >= 0xc2 && lead <= 0xdf) needed = 1;
    else if (lead >= 0xe0 && lead <= 0xef) {
      needed = 2;
      if (lead === 0xe0) low = 0xa0;
      if (lead === 0xed) high = 0x9f;
    } else if (lead >= 0xf0 && lead <= 0xf4) {
      needed = 3;
      if (lead === 0xf0) low = 0x90;
      if (lead === 0xf4) high = 0x8f;
    } else return i;
    for (let k = 1; k <= needed; k++) {
      const byte = bytes[i + k];
      if (byte === undefined || byte < (k === 1 ? low : 0x80) || byte > (k === 1 ? high : 0xbf)) return i;
    }
    i += needed + 1;
  }
  return -1;
}

/**
 * Bytes that are not UTF-8, given where text was expected: `byteOffset` is
 * the first byte of the first invalid sequence.
 *
 * @example
 * try { cut(Uint8Array.of(0x61, 0xff)); } catch (error) { (error as InvalidUtf8Error).byteOffset; } // 1
 */
export class InvalidUtf8Error extends RangeError {
  constructor(
    message: string,
    /** Where the first bad byte is, counted from the start of the bytes. */
    readonly byteOffset: number,
  ) {
    super(message);
    this.name = 'InvalidUtf8Error';
  }
}

/** What to do with bytes that are not UTF-8: refuse them, or read each bad sequence as U+FFFD (as `TextDecoder` does). */
export type InvalidUtf8Handling = 'error' | 'replace';

let strictDecoder: InstanceType<typeof TextDecoder> | undefined;
let replacingDecoder: InstanceType<typeof TextDecoder> | undefined;

/**
 * The text of UTF-8 `bytes`, a leading byte-order mark kept (as Python's
 * `bytes.decode('utf-8')` keeps it).
 *
 * @param method - the public method, for messages
 * @throws {@link InvalidUtf8Error} for invalid UTF-8 unless `invalid` is `'replace'`
 * @example
 * decodeUtf8(Uint8Array.of(0xe4, 0xb8, 0xad), 'cut', 'error'); // '中'
 */
export function decodeUtf8(bytes: Uint8Array, method: string, invalid: InvalidUtf8Handling): string {
  if (invalid === 'replace') {
    replacingDecoder ??= new TextDecoder('utf-8', { ignoreBOM: true });
    return replacingDecoder.decode(bytes);
  }
  strictDecoder ??= new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
  try {
    return strictDecoder.decode(bytes);
  } catch {
    const at = firstInvalidUtf8(bytes);
    const shown = Array.from(bytes.subarray(at, at + 4), (b) => b.toString(16).padStart(2, '0')).join(' ');
    throw new InvalidUtf8Error(`jieba-ts: ${method}() input is not valid UTF-8: bytes ${shown} at byte offset ${at} (pass { invalidUtf8: 'replace' } to read them as U+FFFD)`, at);
  }
}

/**
 * `offsets` (UTF-16 indices into `text`, in any order) as offsets into
 * the UTF-8 encoding of `text`, in place. A lone surrogate counts 3 bytes,
 * as `TextEncoder` writes it as U+FFFD. Returns `offsets`.
 *
 * @example
 * utf8Offsets('中a', Int32Array.of(0, 1, 1, 2)); // Int32Array [0, 3, 3, 4]
 */
export function utf8Offsets(text: string, offsets: Int32Array): Int32Array {
  let ascii = true;
  for (let i = 0; i < text.length && ascii; i++) ascii = text.charCodeAt(i) < 0x80;
  if (ascii) return offsets;
  // Byte offset of each UTF-16 index: tokens in search mode go back and forth.
  const at = new Int32Array(text.length + 1);
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    at[i] = bytes;
    const cu = text.charCodeAt(i);
    if (cu < 0x80) bytes += 1;
    else if (cu < 0x800) bytes += 2;
    else if (cu >= 0xd800 && cu <= 0xdbff && i + 1 < text.length && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      at[++i] = bytes; // never a word boundary: words do not split a pair
      bytes += 4;
    } else bytes += 3;
  }
  at[text.length] = bytes;
  for (let k = 0; k < offsets.length; k++) offsets[k] = at[offsets[k]!]!;
  return offsets;
}
