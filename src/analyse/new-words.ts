/**
 * New-word discovery from raw text (`jieba discover`, `discoverWords`):
 * strings of Han characters that occur often, hold together, and sit in
 * varied contexts, and that the dictionary lacks. The signals:
 *
 * - frequency: how often the string occurs;
 * - cohesion: the smallest pointwise mutual information over the ways of
 *   splitting it in two, `log(p(w) / (p(a) p(b)))` (a word's halves occur
 *   together far more often than chance);
 * - branching entropy: the smaller of the entropies of the characters
 *   before and after it (a word is followed and preceded by many different
 *   characters; a fragment of a longer word by few). The start or end of a
 *   run of Han characters counts as a context of its own each time.
 *
 * The score is frequency × cohesion × branching entropy. A string that
 * starts or ends with a function character (的, 了, 是, 在...) is left out:
 * such edges are the commonest false words. Counting is over runs of Han
 * characters, every substring of up to `maxLength + 1` characters; memory
 * is bounded by pruning the rarest strings whenever the table grows past a
 * limit (lossy counting: a string pruned early may be counted low), which
 * touches only strings too rare to be reported.
 *
 * @module
 */

import { describeValue, optionsOf } from '../options.js';
import { isHanChar } from '../text/char-classes.js';
import type { TokenizerCore } from '../tokenizer.js';
import { NgramTable } from './ngram-table.js';

/** Options of {@link NewWordFinder}. */
export interface DiscoverOptions {
  /**
   * How many words to report, best first.
   *
   * @defaultValue 100
   */
  top?: number;
  /**
   * Report only strings seen at least this many times.
   *
   * @defaultValue 5
   */
  minCount?: number;
  /**
   * The longest word, in characters.
   *
   * @defaultValue 4
   */
  maxLength?: number;
  /**
   * Prune the table of counts when it holds more strings than this.
   *
   * @defaultValue 4,000,000
   */
  maxEntries?: number;
}

/** A discovered word. */
export interface NewWord {
  word: string;
  /** Occurrences in the text. */
  count: number;
  /** Smallest PMI over its two-part splits (natural log). */
  cohesion: number;
  /** Smaller of its left and right branching entropies (natural log). */
  entropy: number;
  /** count × cohesion × entropy. */
  score: number;
}

/** Characters that rarely begin or end a word: a candidate with one at an edge is left out. */
const FUNCTION_CHARACTERS = new Set(Array.from('的了是在和有我他她它们这那也就都而及与或被把从对为以于之其中上下不没很个着过吗呢吧啊据将已又并等位次说要会能可还向到给让使由所日月年'));

function positiveInteger(value: unknown, name: string, fallback: number): number {
  const n = value ?? fallback;
  if (!Number.isSafeInteger(n) || (n as number) < 1) throw new TypeError(`jieba-ts: discoverWords() option ${name} must be a positive integer, got ${describeValue(n)}`);
  return n as number;
}

/**
 * Counts strings over texts given one by one (`add`), then reports the new
 * words (`words`).
 *
 * @example
 * const finder = new NewWordFinder(tokenizer, { minCount: 3 });
 * for (const line of lines) finder.add(line);
 * finder.words(); // [{ word: '...', count: 12, cohesion: 5.1, entropy: 2.3, score: 141 }, ...]
 */
export class NewWordFinder {
  readonly #tokenizer: TokenizerCore;
  readonly #top: number;
  readonly #minCount: number;
  readonly #maxLength: number;
  readonly #maxEntries: number;
  /** Occurrences of each string of 1 .. maxLength + 1 Han characters, and at the start and end of a run (contexts of their own). */
  readonly #counts = new NgramTable();
  /** Han characters seen. */
  #characters = 0;
  /** Counts at or below this were pruned at some point. */
  #pruned = 0;

  constructor(tokenizer: TokenizerCore, options?: DiscoverOptions | null) {
    const checked = optionsOf(options, 'discoverWords');
    this.#tokenizer = tokenizer;
    this.#top = positiveInteger(checked.top, 'top', 100);
    this.#minCount = positiveInteger(checked.minCount, 'minCount', 5);
    this.#maxLength = positiveInteger(checked.maxLength, 'maxLength', 4);
    this.#maxEntries = positiveInteger(checked.maxEntries, 'maxEntries', 4_000_000);
    if (this.#maxLength < 2) throw new TypeError('jieba-ts: discoverWords() option maxLength must be at least 2');
  }

  /** Count the strings of `text`'s runs of Han characters. */
  add(text: string): this {
    if (typeof text !== 'string') throw new TypeError(`jieba-ts: discoverWords() expects strings, got ${text === null ? 'null' : typeof text}`);
    for (let i = 0; i < text.length; ) {
      if (!isHanChar(text.charCodeAt(i))) {
        i++;
        continue;
      }
      let j = i;
      while (j < text.length && isHanChar(text.charCodeAt(j))) j++;
      this.#addRun(text, i, j);
      i = j;
    }
    return this;
  }

  #addRun(text: string, start: number, end: number): void {
    const longest = this.#maxLength + 1;
    const counts = this.#counts;
    this.#characters += end - start;
    // Run edges are counted for candidates' lengths only.
    for (let i = start; i < end; i++) counts.addPrefixes(text, i, Math.min(longest, end - i), this.#maxLength, i === start, end);
    if (counts.size > this.#maxEntries) this.#prune();
  }

  /** Drop the rarest strings until the table is at most half full. */
  #prune(): void {
    while (this.#counts.size > this.#maxEntries / 2) this.#counts.prune(++this.#pruned);
  }

  /**
   * The share of `word`'s occurrences (counted in `contexts`) where the
   * neighbouring character joins its edge into a dictionary word, as the
   * dictionary alone cuts the neighbour and the word together.
   */
  #fragmentShare(contexts: Map<string, number> | undefined, word: string, side: 'left' | 'right'): number {
    if (!contexts) return 0;
    let joined = 0;
    let all = 0;
    for (const [c, n] of contexts) {
      all += n;
      const words = this.#tokenizer.cut(side === 'left' ? c + word : word + c, { hmm: false });
      const edge = side === 'left' ? words[0]! : words[words.length - 1]!;
      if (edge.length > 1) joined += n;
    }
    return all === 0 ? 0 : joined / all;
  }

  /** The new words, best first (ties: more frequent, then code-point order). */
  words(): NewWord[] {
    const counts = this.#counts;
    const total = this.#characters;
    if (total === 0) return [];
    // Contexts: for each candidate (by entry), the counts of the characters before and after it.
    const left = new Map<number, Map<string, number>>();
    const right = new Map<number, Map<string, number>>();
    const contextOf = (table: Map<number, Map<string, number>>, entry: number, c: string, n: number): void => {
      let m = table.get(entry);
      if (!m) table.set(entry, (m = new Map()));
      m.set(c, (m.get(c) ?? 0) + n);
    };
    const minCount = Math.max(this.#minCount, this.#pruned + 1);
    const maxLength = this.#maxLength;
    // First the candidates, by what their own characters say: frequent
    // enough, no function character at an edge, not in the dictionary, not
    // dictionary words side by side (领导 + 干部: a phrase the dictionary
    // already cuts). Contexts are gathered for them alone.
    const candidate = new Uint8Array(counts.size);
    for (let entry = 0; entry < counts.size; entry++) {
      const length = counts.keyLength(entry);
      if (length < 2 || length > maxLength || counts.count(entry) < minCount) continue;
      const word = counts.key(entry);
      if (FUNCTION_CHARACTERS.has(word[0]!) || FUNCTION_CHARACTERS.has(word[word.length - 1]!)) continue;
      if ((this.#tokenizer.wordFrequency(word) ?? 0) > 0) continue;
      if (this.#tokenizer.cut(word, { hmm: false }).every((part) => part.length > 1)) continue;
      candidate[entry] = 1;
    }
    for (let entry = 0; entry < counts.size; entry++) {
      const length = counts.keyLength(entry);
      if (length < 3 || length - 1 > maxLength) continue;
      const count = counts.count(entry);
      const suffix = counts.findPart(entry, 1, length - 1);
      if (suffix >= 0 && candidate[suffix] === 1) contextOf(left, suffix, String.fromCharCode(counts.unit(entry, 0)), count);
      const prefix = counts.findPart(entry, 0, length - 1);
      if (prefix >= 0 && candidate[prefix] === 1) contextOf(right, prefix, String.fromCharCode(counts.unit(entry, length - 1)), count);
    }
    const entropy = (contexts: Map<string, number> | undefined, boundary: number, count: number): number => {
      let h = 0;
      if (contexts) for (const n of contexts.values()) h -= (n / count) * Math.log(n / count);
      // (Counts pruned or cut at run edges can leave count above the contexts' sum; what is missing adds nothing.)
      // Each boundary occurrence is a context of its own.
      if (boundary > 0) h -= boundary * (1 / count) * Math.log(1 / count);
      return h;
    };
    const found: NewWord[] = [];
    for (let entry = 0; entry < counts.size; entry++) {
      if (candidate[entry] !== 1) continue;
      const length = counts.keyLength(entry);
      const count = counts.count(entry);
      const word = counts.key(entry);
      let cohesion = Infinity;
      for (let i = 1; i < length; i++) {
        const a = counts.findPart(entry, 0, i);
        const b = counts.findPart(entry, i, length - i);
        if (a < 0 || b < 0) {
          cohesion = -Infinity;
          break;
        }
        cohesion = Math.min(cohesion, Math.log((count * total) / (counts.count(a) * counts.count(b))));
      }
      if (!(cohesion > 0)) continue;
      // A fragment of longer words: its first character mostly makes a
      // dictionary word with the character before it (企业 of 企业的发展
      // makes 业的发展 one), or its last with the character after it.
      if (this.#fragmentShare(left.get(entry), word, 'left') > 0.5 || this.#fragmentShare(right.get(entry), word, 'right') > 0.5) continue;
      const h = Math.min(entropy(left.get(entry), counts.countAtStart(entry), count), entropy(right.get(entry), counts.countAtEnd(entry), count));
      if (!(h > 0)) continue;
      found.push({ word, count, cohesion, entropy: h, score: count * cohesion * h });
    }
    found.sort((x, y) => y.score - x.score || y.count - x.count || (x.word < y.word ? -1 : x.word > y.word ? 1 : 0));
    return found.slice(0, this.#top);
  }
}
