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
