/**
 * Token boundaries as integer pairs, the common output of every cut mode.
 *
 * @module
 */

/**
 * A growable list of `(start, end)` UTF-16 offsets into one text, one pair
 * per token, in output order. Cutting writes here instead of making strings,
 * so callers that only need offsets never allocate a string per token.
 *
 * Full mode can (rarely) emit a token that is not one piece of the text:
 * Python glues ASCII runs it has not yet emitted onto a buffer that skips
 * what a longer dictionary word covered. Such a token is stored as several
 * pairs; each pair after the first has its start bitwise-inverted (`~start`,
 * a negative number) to say "append to the previous token".
 *
 * @example
 * const spans = new SpanBuffer();
 * spans.push(0, 2);
 * spans.push(2, 3);
 * spans.toStrings('中国人'); // ['中国', '人']
 */
export class SpanBuffer {
  /** `data[2 * i]` and `data[2 * i + 1]` are the start and end of pair `i`. */
  data: Int32Array;
  /** Number of pairs stored. */
  length = 0;

  constructor(capacity = 256) {
    this.data = new Int32Array(2 * capacity);
  }

  /** Forget every pair, keeping the memory. */
  clear(): void {
    this.length = 0;
  }

  /** Append a token `text.slice(start, end)`. */
  push(start: number, end: number): void {
    if (2 * this.length + 2 > this.data.length) this.grow();
    this.data[2 * this.length] = start;
    this.data[2 * this.length + 1] = end;
    this.length++;
  }

  /** Append `text.slice(start, end)` to the token pushed last (see the class notes). */
  pushContinuation(start: number, end: number): void {
    this.push(~start, end);
  }

  private grow(): void {
    const data = new Int32Array(this.data.length * 2);
    data.set(this.data);
    this.data = data;
  }

  /**
   * The tokens as strings.
   *
   * @example
   * const spans = new SpanBuffer();
   * spans.push(1, 1);
   * spans.toStrings('x'); // ['']
   */
  toStrings(text: string): string[] {
    const data = this.data;
    const words: string[] = [];
    for (let i = 0; i < this.length; i++) {
      const start = data[2 * i]!;
      const word = text.slice(start < 0 ? ~start : start, data[2 * i + 1]);
      if (start < 0) words[words.length - 1] += word;
      else words.push(word);
    }
    return words;
  }
}
