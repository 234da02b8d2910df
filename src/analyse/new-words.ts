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
  /** Occurrences of each string of 1 .. maxLength + 1 Han characters. */
  readonly #counts = new Map<string, number>();
  /** Occurrences at the start, and at the end, of a run (contexts of their own). */
  readonly #atStart = new Map<string, number>();
  readonly #atEnd = new Map<string, number>();
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
      this.#addRun(text.slice(i, j));
      i = j;
    }
    return this;
  }

  #addRun(run: string): void {
    const longest = this.#maxLength + 1;
    this.#characters += run.length;
    for (let i = 0; i < run.length; i++) {
      for (let n = 1; n <= longest && i + n <= run.length; n++) {
        const s = run.slice(i, i + n);
        this.#counts.set(s, (this.#counts.get(s) ?? 0) + 1);
        if (n > this.#maxLength) continue;
        if (i === 0) this.#atStart.set(s, (this.#atStart.get(s) ?? 0) + 1);
        if (i + n === run.length) this.#atEnd.set(s, (this.#atEnd.get(s) ?? 0) + 1);
      }
    }
    if (this.#counts.size > this.#maxEntries) this.#prune();
  }

  /** Drop the rarest strings until the table is at most half full. */
  #prune(): void {
    while (this.#counts.size > this.#maxEntries / 2) {
      this.#pruned++;
      for (const [s, count] of this.#counts) {
        if (count <= this.#pruned) {
          this.#counts.delete(s);
          this.#atStart.delete(s);
          this.#atEnd.delete(s);
        }
      }
    }
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
    // Contexts: for each candidate, the counts of the characters before and after it.
    const left = new Map<string, Map<string, number>>();
    const right = new Map<string, Map<string, number>>();
    const contextOf = (table: Map<string, Map<string, number>>, word: string, c: string, n: number): void => {
      let m = table.get(word);
      if (!m) table.set(word, (m = new Map()));
      m.set(c, (m.get(c) ?? 0) + n);
    };
    const minCount = Math.max(this.#minCount, this.#pruned + 1);
    for (const [s, count] of counts) {
      if (s.length < 3) continue;
      const suffix = s.slice(1);
      const prefix = s.slice(0, -1);
      if (suffix.length <= this.#maxLength && (counts.get(suffix) ?? 0) >= minCount) contextOf(left, suffix, s[0]!, count);
      if (prefix.length <= this.#maxLength && (counts.get(prefix) ?? 0) >= minCount) contextOf(right, prefix, s[s.length - 1]!, count);
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
    for (const [word, count] of counts) {
      if (word.length < 2 || word.length > this.#maxLength || count < minCount) continue;
      if (FUNCTION_CHARACTERS.has(word[0]!) || FUNCTION_CHARACTERS.has(word[word.length - 1]!)) continue;
      if ((this.#tokenizer.wordFrequency(word) ?? 0) > 0) continue;
      // Dictionary words side by side (领导 + 干部) are a phrase the
      // dictionary already cuts, not a new word.
      if (this.#tokenizer.cut(word, { hmm: false }).every((part) => part.length > 1)) continue;
      let cohesion = Infinity;
      for (let i = 1; i < word.length; i++) {
        const a = counts.get(word.slice(0, i));
        const b = counts.get(word.slice(i));
        if (a === undefined || b === undefined) {
          cohesion = -Infinity;
          break;
        }
        cohesion = Math.min(cohesion, Math.log((count * total) / (a * b)));
      }
      if (!(cohesion > 0)) continue;
      // A fragment of longer words: its first character mostly makes a
      // dictionary word with the character before it (企业 of 企业的发展
      // makes 业的发展 one), or its last with the character after it.
      if (this.#fragmentShare(left.get(word), word, 'left') > 0.5 || this.#fragmentShare(right.get(word), word, 'right') > 0.5) continue;
      const h = Math.min(entropy(left.get(word), this.#atStart.get(word) ?? 0, count), entropy(right.get(word), this.#atEnd.get(word) ?? 0, count));
      if (!(h > 0)) continue;
      found.push({ word, count, cohesion, entropy: h, score: count * cohesion * h });
    }
    found.sort((x, y) => y.score - x.score || y.count - x.count || (x.word < y.word ? -1 : x.word > y.word ? 1 : 0));
    return found.slice(0, this.#top);
  }
}
