/**
 * A synchronous DEFLATE (RFC 1951) and gzip (RFC 1952) decoder, for the
 * runtimes that have no synchronous one of their own: browsers, workers
 * and edge runtimes offer only the asynchronous `DecompressionStream`,
 * and `jieba-ts/embedded` must decompress its dictionary inside a
 * synchronous first `cut`. Node.js, Deno and Bun use `node:zlib` instead.
 *
 * Speed comes from a 10-bit lookup table per Huffman code (a code that is
 * longer, rare by construction, is decoded canonically bit by bit), a
 * 32-bit bit buffer refilled a byte at a time, and matches copied with
 * `copyWithin` when source and destination do not overlap.
 *
 * The gzip CRC-32 is not checked: every image has its own checksum, which
 * is verified after decompression, and a damaged stream nearly always
 * breaks the code structure or the length recorded in the trailer first.
 *
 * @module
 */

/** Raised for bytes that are not a valid DEFLATE or gzip stream. */
export class InflateError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InflateError';
  }
}

const PRIMARY_BITS = 10;
const PRIMARY_SIZE = 1 << PRIMARY_BITS;
const MAX_BITS = 15;

const LENGTH_BASE = Uint16Array.of(3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35, 43, 51, 59, 67, 83, 99, 115, 131, 163, 195, 227, 258);
const LENGTH_EXTRA = Uint8Array.of(0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0);
const DISTANCE_BASE = Uint16Array.of(
  1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193, 257, 385, 513, 769, 1025, 1537, 2049, 3073, 4097, 6145, 8193, 12289, 16385, 24577,
);
const DISTANCE_EXTRA = Uint8Array.of(0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13, 13);
/** The order in which a dynamic block lists the code lengths of its code-length code. */
const CODE_LENGTH_ORDER = Uint8Array.of(16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15);

/**
 * A canonical Huffman code: `table[reversed first PRIMARY_BITS bits]` is
 * `symbol << 4 | length` for codes of at most PRIMARY_BITS bits, and 0 for
 * the prefix of a longer code, which `count` and `symbols` decode.
 */
interface HuffmanCode {
  readonly table: Int32Array;
  /** Number of codes of each length. */
  readonly count: Uint16Array;
  /** Symbols in canonical order. */
  readonly symbols: Uint16Array;
}

function buildCode(lengths: Uint8Array, n: number, code: HuffmanCode): void {
  const { table, count, symbols } = code;
  count.fill(0);
  for (let s = 0; s < n; s++) count[lengths[s]!]!++;
  count[0] = 0;
  // Over-subscribed codes are invalid; incomplete ones are legal (a single distance code, say).
  let left = 1;
  for (let len = 1; len <= MAX_BITS; len++) {
    left = (left << 1) - count[len]!;
    if (left < 0) throw new InflateError('invalid Huffman code (over-subscribed)');
  }
  const offsets = new Uint16Array(MAX_BITS + 2);
  for (let len = 1; len <= MAX_BITS; len++) offsets[len + 1] = offsets[len]! + count[len]!;
  for (let s = 0; s < n; s++) if (lengths[s] !== 0) symbols[offsets[lengths[s]!]!++] = s;

  table.fill(0);
  let next = 0;
  let index = 0;
  for (let len = 1; len <= PRIMARY_BITS; len++) {
    for (let k = 0; k < count[len]!; k++, index++) {
      let reversed = 0;
      for (let b = 0; b < len; b++) reversed |= ((next >>> b) & 1) << (len - 1 - b);
      const entry = (symbols[index]! << 4) | len;
      for (let fill = reversed; fill < PRIMARY_SIZE; fill += 1 << len) table[fill] = entry;
      next++;
    }
    next <<= 1;
  }
}

function newCode(symbolCount: number): HuffmanCode {
  return { table: new Int32Array(PRIMARY_SIZE), count: new Uint16Array(MAX_BITS + 1), symbols: new Uint16Array(symbolCount) };
}

/** Decoder state: input position, the bit buffer and the output. */
class Inflater {
  readonly input: Uint8Array;
  pos: number;
  bits = 0;
  bitCount = 0;
  out: Uint8Array;
  outPos = 0;
  /** Most bytes the output may hold: what a gzip trailer records; more is damage. */
  readonly limit: number;
  readonly literals = newCode(288);
  readonly distances = newCode(32);
  readonly lengthCode = newCode(19);
  readonly lengths = new Uint8Array(288 + 32);

  constructor(input: Uint8Array, start: number, sizeHint: number, limit = Infinity) {
    this.input = input;
    this.pos = start;
    this.limit = limit;
    this.out = new Uint8Array(Math.max(Math.min(sizeHint, limit), 1024));
  }

  /** Ensure at least `n` (at most 25) bits in the buffer; past the end, zeros come in and {@link checkEnd} fails later. */
  need(n: number): void {
    while (this.bitCount < n) {
      const byte = this.pos < this.input.length ? this.input[this.pos]! : this.pastEnd();
      this.pos++;
      this.bits |= byte << this.bitCount;
      this.bitCount += 8;
    }
  }

  take(n: number): number {
    this.need(n);
    const value = this.bits & ((1 << n) - 1);
    this.bits >>>= n;
    this.bitCount -= n;
    return value;
  }

  /**
   * A zero for a read past the end, which the bit buffer does while it
   * looks ahead; reads far past it mean the data was cut short.
   */
  pastEnd(): number {
    if (this.pos > this.input.length + 4) throw new InflateError('unexpected end of the compressed data');
    return 0;
  }

  checkEnd(): void {
    // Bytes fetched into the bit buffer but not used are not past the end.
    if (this.pos - (this.bitCount >>> 3) > this.input.length) throw new InflateError('unexpected end of the compressed data');
  }

  decodeSymbol(code: HuffmanCode): number {
    this.need(MAX_BITS);
    const entry = code.table[this.bits & (PRIMARY_SIZE - 1)]!;
    if (entry !== 0) {
      const len = entry & 15;
      this.bits >>>= len;
      this.bitCount -= len;
      return entry >>> 4;
    }
    // A code longer than PRIMARY_BITS (or no code at all): canonical decoding.
    let value = 0;
    let first = 0;
    let index = 0;
    for (let len = 1; len <= MAX_BITS; len++) {
      value |= (this.bits >>> (len - 1)) & 1;
      const count = code.count[len]!;
      if (value - first < count) {
        this.bits >>>= len;
        this.bitCount -= len;
        return code.symbols[index + value - first]!;
      }
      index += count;
      first = (first + count) << 1;
      value <<= 1;
    }
    throw new InflateError('invalid Huffman code');
  }

  reserve(n: number): void {
    if (this.outPos + n <= this.out.length) return;
    if (this.outPos + n > this.limit) throw new InflateError(`more data than the ${this.limit} bytes the gzip trailer records`);
    const bigger = new Uint8Array(Math.min(Math.max(this.out.length * 2, this.outPos + n), this.limit));
    bigger.set(this.out.subarray(0, this.outPos));
    this.out = bigger;
  }

  stored(): void {
    this.bits = 0;
    this.bitCount = 0; // a stored block starts on a byte boundary; need() never holds whole unused bytes here
    const at = this.pos;
    if (at + 4 > this.input.length) throw new InflateError('unexpected end of the compressed data');
    const len = this.input[at]! | (this.input[at + 1]! << 8);
    const nlen = this.input[at + 2]! | (this.input[at + 3]! << 8);
    if ((len ^ 0xffff) !== nlen) throw new InflateError('invalid stored block length');
    if (at + 4 + len > this.input.length) throw new InflateError('unexpected end of the compressed data');
    this.reserve(len);
    this.out.set(this.input.subarray(at + 4, at + 4 + len), this.outPos);
    this.outPos += len;
    this.pos = at + 4 + len;
  }

  fixedCodes(): void {
    const lengths = this.lengths;
    lengths.fill(8, 0, 144);
    lengths.fill(9, 144, 256);
    lengths.fill(7, 256, 280);
    lengths.fill(8, 280, 288);
    buildCode(lengths, 288, this.literals);
    lengths.fill(5, 0, 30);
    buildCode(lengths, 30, this.distances);
  }

  dynamicCodes(): void {
    const literalCount = this.take(5) + 257;
    const distanceCount = this.take(5) + 1;
    const lengthCount = this.take(4) + 4;
    if (literalCount > 286 || distanceCount > 30) throw new InflateError('too many length or distance codes');
    const lengths = this.lengths;
    lengths.fill(0, 0, 19);
    for (let i = 0; i < lengthCount; i++) lengths[CODE_LENGTH_ORDER[i]!] = this.take(3);
    buildCode(lengths, 19, this.lengthCode);
    const total = literalCount + distanceCount;
    const all = new Uint8Array(total);
    for (let i = 0; i < total; ) {
      const symbol = this.decodeSymbol(this.lengthCode);
      if (symbol < 16) {
        all[i++] = symbol;
        continue;
      }
      let repeat: number;
      let value = 0;
      if (symbol === 16) {
        if (i === 0) throw new InflateError('a repeated code length with no previous length');
        value = all[i - 1]!;
        repeat = 3 + this.take(2);
      } else if (symbol === 17) {
        repeat = 3 + this.take(3);
      } else {
        repeat = 11 + this.take(7);
      }
      if (i + repeat > total) throw new InflateError('code lengths overflow');
      all.fill(value, i, i + repeat);
      i += repeat;
    }
    if (all[256] === 0) throw new InflateError('no end-of-block code');
    buildCode(all.subarray(0, literalCount), literalCount, this.literals);
    buildCode(all.subarray(literalCount), distanceCount, this.distances);
  }

  /**
   * Decode one block's symbols with the current codes. The hot loop of the
   * decoder: the bit buffer, positions and tables live in locals, the
   * buffer is refilled once per literal or match, and only codes longer
   * than the table (rare) leave the loop for {@link decodeSymbol}.
   */
  codes(): void {
    const input = this.input;
    const inputLength = input.length;
    const literalTable = this.literals.table;
    const distanceTable = this.distances.table;
    let out = this.out;
    let outPos = this.outPos;
    let bits = this.bits;
    let bitCount = this.bitCount;
    let pos = this.pos;
    for (;;) {
      // 15 bits of code, then at most 5 extra bits: 20 < 25.
      while (bitCount < 20) {
        if (pos < inputLength) bits |= input[pos]! << bitCount;
        else if (pos > inputLength + 4) throw new InflateError('unexpected end of the compressed data');
        pos++;
        bitCount += 8;
      }
      let symbol: number;
      let entry = literalTable[bits & (PRIMARY_SIZE - 1)]!;
      if (entry !== 0) {
        bits >>>= entry & 15;
        bitCount -= entry & 15;
        symbol = entry >>> 4;
      } else {
        this.bits = bits;
        this.bitCount = bitCount;
        this.pos = pos;
        symbol = this.decodeSymbol(this.literals);
        bits = this.bits;
        bitCount = this.bitCount;
        pos = this.pos;
      }
      if (symbol < 256) {
        if (outPos >= out.length) {
          this.outPos = outPos;
          this.reserve(1);
          out = this.out;
        }
        out[outPos++] = symbol;
        continue;
      }
      if (symbol === 256) break;
      const li = symbol - 257;
      if (li >= 29) throw new InflateError('invalid length symbol');
      const lengthExtra = LENGTH_EXTRA[li]!;
      const length = LENGTH_BASE[li]! + (bits & ((1 << lengthExtra) - 1));
      bits >>>= lengthExtra;
      bitCount -= lengthExtra;
      // 15 bits of code, then at most 13 extra bits: refill in two steps.
      while (bitCount < 15) {
        if (pos < inputLength) bits |= input[pos]! << bitCount;
        else if (pos > inputLength + 4) throw new InflateError('unexpected end of the compressed data');
        pos++;
        bitCount += 8;
      }
      let di: number;
      entry = distanceTable[bits & (PRIMARY_SIZE - 1)]!;
      if (entry !== 0) {
        bits >>>= entry & 15;
        bitCount -= entry & 15;
        di = entry >>> 4;
      } else {
        this.bits = bits;
        this.bitCount = bitCount;
        this.pos = pos;
        di = this.decodeSymbol(this.distances);
        bits = this.bits;
        bitCount = this.bitCount;
        pos = this.pos;
      }
      if (di >= 30) throw new InflateError('invalid distance symbol');
      const distanceExtra = DISTANCE_EXTRA[di]!;
      while (bitCount < distanceExtra) {
        if (pos < inputLength) bits |= input[pos]! << bitCount;
        else if (pos > inputLength + 4) throw new InflateError('unexpected end of the compressed data');
        pos++;
        bitCount += 8;
      }
      const distance = DISTANCE_BASE[di]! + (bits & ((1 << distanceExtra) - 1));
      bits >>>= distanceExtra;
      bitCount -= distanceExtra;
      let from = outPos - distance;
      if (from < 0) throw new InflateError('distance too far back');
      if (outPos + length > out.length) {
        this.outPos = outPos;
        this.reserve(length);
        out = this.out;
      }
      if (length <= 16) {
        for (const end = outPos + length; outPos < end; ) out[outPos++] = out[from++]!;
      } else if (distance >= length) {
        out.copyWithin(outPos, from, from + length);
        outPos += length;
      } else if (distance === 1) {
        // A run of one byte, common in images (the high bytes of small numbers): fill natively.
        out.fill(out[from]!, outPos, outPos + length);
        outPos += length;
      } else {
        // A repeating pattern: copy it, then copies of the doubled copy, natively.
        const end = outPos + length;
        let period = distance;
        while (outPos < end) {
          const chunk = Math.min(period, end - outPos);
          out.copyWithin(outPos, from, from + chunk);
          outPos += chunk;
          period += chunk;
        }
      }
    }
    this.out = out;
    this.outPos = outPos;
    this.bits = bits;
    this.bitCount = bitCount;
    this.pos = pos;
  }

  run(): void {
    for (;;) {
      const last = this.take(1);
      const type = this.take(2);
      if (type === 0) {
        // Return whole unused bytes to the input before a byte-aligned block.
        this.pos -= this.bitCount >>> 3;
        this.stored();
      } else if (type === 1) {
        this.fixedCodes();
        this.codes();
      } else if (type === 2) {
        this.dynamicCodes();
        this.codes();
      } else {
        throw new InflateError('invalid block type');
      }
      this.checkEnd();
      if (last) break;
    }
    // Give back the whole bytes the bit buffer read ahead, so the caller can find what follows.
    this.pos -= this.bitCount >>> 3;
    this.bits = 0;
    this.bitCount = 0;
  }
}

/**
 * Decompress a raw DEFLATE stream.
 *
 * @param sizeHint - the expected output size, to allocate once
 * @throws {@link InflateError} for invalid or truncated data
 * @example
 * inflateRaw(deflateRawSync(bytes)); // bytes
 */
export function inflateRaw(input: Uint8Array, sizeHint = input.length * 4): Uint8Array {
  const inflater = new Inflater(input, 0, sizeHint);
  inflater.run();
  return inflater.out.subarray(0, inflater.outPos);
}

/**
 * The chunk size that has Node's zlib inflate gzip `bytes` in one piece:
 * the size the trailer records (mod 2^32), where believable (at most 16
 * times the input and 1 GiB), and at least 64 KiB. With zlib's default,
 * pieces of 16 KiB are joined at the end: 4 ms of the paddle model's 20,
 * and 20 ms of the embedded dictionary's first use on a VM slow to back
 * fresh pages.
 *
 * @example
 * zlib.gunzipSync(bytes, { chunkSize: gunzipChunkSize(bytes) });
 */
export function gunzipChunkSize(bytes: Uint8Array): number {
  const end = bytes.length;
  const stated = end >= 18 ? (bytes[end - 4]! | (bytes[end - 3]! << 8) | (bytes[end - 2]! << 16) | (bytes[end - 1]! << 24)) >>> 0 : 0;
  return Math.max(64 * 1024, Math.min(stated, 16 * end, 1 << 30));
}

/** Whether `bytes` start with the gzip magic number. */
export function isGzip(bytes: Uint8Array): boolean {
  return bytes.length >= 2 && bytes[0] === 0x1f && bytes[1] === 0x8b;
}

/**
 * Decompress a gzip file (one member, as `gzip` and `zlib.gzipSync` write).
 * The output is allocated once, at the size the trailer records.
 *
 * @throws {@link InflateError} for data that is not gzip, or is damaged or truncated
 * @example
 * gunzip(gzipSync(bytes)); // bytes
 */
export function gunzip(input: Uint8Array): Uint8Array {
  if (!isGzip(input) || input.length < 18) throw new InflateError('not gzip data');
  if (input[2] !== 8) throw new InflateError('unknown gzip compression method');
  const flags = input[3]!;
  let at = 10;
  if (flags & 4) at += 2 + (input[at]! | (input[at + 1]! << 8)); // FEXTRA
  if (flags & 8) while (at < input.length && input[at++] !== 0); // FNAME
  if (flags & 16) while (at < input.length && input[at++] !== 0); // FCOMMENT
  if (flags & 2) at += 2; // FHCRC
  if (at >= input.length) throw new InflateError('unexpected end of the gzip header');
  const end = input.length;
  const size = (input[end - 4]! | (input[end - 3]! << 8) | (input[end - 2]! << 16) | (input[end - 1]! << 24)) >>> 0;
  // DEFLATE expands at most 1032-fold: a larger recorded size is damage, not a reason to allocate it.
  if (size > (end - at) * 1032) throw new InflateError(`the gzip trailer records ${size} bytes, more than ${end - at} compressed bytes can hold`);
  const inflater = new Inflater(input, at, size, size);
  inflater.run();
  if (inflater.pos + 8 > end) throw new InflateError('unexpected end of the compressed data');
  if (inflater.outPos % 2 ** 32 !== size) throw new InflateError(`the gzip trailer records ${size} bytes, but ${inflater.outPos} came out`);
  return inflater.out.subarray(0, inflater.outPos);
}
