/**
 * The LAC model's vocabulary (`word.dic`): 20,935 characters and a few
 * `OOV` tokens, each with its id. Read from the image's one string of
 * entries without making a string or a map entry per entry: two maps of
 * 20,940 entries took 24 ms of the model's first use, more than reading
 * the weights.
 *
 * @module
 */

/** Separates the entries of the image's vocabulary string (no entry contains it). */
export const VOCABULARY_SEPARATOR = '\u0000';

/**
 * Word to id and id to word, as Python's `word2id_dict` and
 * `id2word_dict`: where a word or an id comes twice, the later entry wins.
 *
 * @example
 * const vocabulary = LacVocabulary.from([[0, '我'], [1, '爱'], [2, 'OOV']]);
 * vocabulary.get('爱'); // 1
 * vocabulary.wordOf(2); // 'OOV'
 */
export class LacVocabulary {
  /** One more than the largest id. */
  readonly size: number;
  readonly #ids: Int32Array;
  readonly #text: string;
  /** The id of each word of one UTF-16 unit, -1 for none. */
  readonly #units = new Int32Array(0x10000).fill(-1);
  /** The ids of the longer words. */
  readonly #longer = new Map<string, number>();
  /** Where in `#text` each id's word starts and ends (`2 * id`, `2 * id + 1`), -1 for none. */
  readonly #spans: Int32Array;

  /**
   * @param ids - the id of each entry
   * @param text - the entries' words, joined by {@link VOCABULARY_SEPARATOR}
   * @throws RangeError when there are not as many words as ids, or an id is negative
   */
  constructor(ids: Int32Array, text: string) {
    // Run once per model, cold (interpreted at first): indexed loops over
    // locals, not iterators and fields, halve its 7 ms.
    const count = ids.length;
    let size = 0;
    for (let i = 0; i < count; i++) {
      const id = ids[i]!;
      if (id < 0) throw new RangeError(`a vocabulary id is negative (${id})`);
      if (id >= size) size = id + 1;
    }
    const spans = new Int32Array(2 * size).fill(-1);
    const units = this.#units;
    const longer = this.#longer;
    const length = text.length;
    let entry = 0;
    // (No ids and no text: no entries, not one empty word.)
    for (let start = count === 0 && length === 0 ? 1 : 0; start <= length; entry++) {
      let end = text.indexOf(VOCABULARY_SEPARATOR, start);
      if (end < 0) end = length;
      if (entry < count) {
        const id = ids[entry]!;
        if (end - start === 1) units[text.charCodeAt(start)] = id;
        else longer.set(text.slice(start, end), id);
        spans[2 * id] = start;
        spans[2 * id + 1] = end;
      }
      start = end + 1;
    }
    if (entry !== count) throw new RangeError(`the vocabulary has ${entry} words for ${count} ids`);
    this.size = size;
    this.#ids = ids;
    this.#text = text;
    this.#spans = spans;
  }

  /**
   * A vocabulary of `[id, word]` entries.
   *
   * @example
   * LacVocabulary.from([[0, '我'], [1, 'OOV']]).get('OOV'); // 1
   */
  static from(entries: Iterable<readonly [number, string]>): LacVocabulary {
    const list = [...entries];
    return new LacVocabulary(Int32Array.from(list, ([id]) => id), list.map(([, word]) => word).join(VOCABULARY_SEPARATOR));
  }

  /**
   * The id of `word`, or undefined.
   *
   * @example
   * vocabulary.get('我'); // 0
   */
  get(word: string): number | undefined {
    if (word.length === 1) {
      const id = this.#units[word.charCodeAt(0)]!;
      return id >= 0 ? id : undefined;
    }
    return this.#longer.get(word);
  }

  /**
   * The id of the one-unit word `unit` (a UTF-16 code unit), or -1: what
   * {@link get} gives for a one-character string, without making one.
   *
   * @example
   * vocabulary.idOfUnit('我'.charCodeAt(0)); // 0
   */
  idOfUnit(unit: number): number {
    return this.#units[unit] ?? -1;
  }

  /**
   * The word of id `id`, or undefined.
   *
   * @example
   * vocabulary.wordOf(0); // '我'
   */
  wordOf(id: number): string | undefined {
    if (!(Number.isInteger(id) && id >= 0 && id < this.size)) return undefined;
    const start = this.#spans[2 * id]!;
    return start < 0 ? undefined : this.#text.slice(start, this.#spans[2 * id + 1]!);
  }

  /**
   * The entries `[id, word]`, in the order given.
   *
   * @example
   * [...LacVocabulary.from([[0, '我']]).entries()]; // [[0, '我']]
   */
  *entries(): IterableIterator<[number, string]> {
    const text = this.#text;
    let start = 0;
    for (const id of this.#ids) {
      let end = text.indexOf(VOCABULARY_SEPARATOR, start);
      if (end < 0) end = text.length;
      yield [id, text.slice(start, end)];
      start = end + 1;
    }
  }
}
