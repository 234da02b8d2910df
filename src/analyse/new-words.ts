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
 *   run of Han characters counts as a context of its own each time;
 * - inner entropy: over the splits of the string in two, the most open
 *   one (the entropy after the first part and before the second), which is
 *   as high as the edges' for words put side by side (记者 + 王, 更 + 大) and
 *   low inside a word.
 *
 * Strings that start or end with a function character (的, 了, 是, 在...),
 * end with a localizer or a particle (内, 里, 地, 得), or hold 的 or 了
 * anywhere, the commonest false words, are left out; so are pieces of known
 * words (strings that, in most of their occurrences, have an edge inside a
 * word of the dictionary's own cut of the text: 化建设 of 现代化建设),
 * strings whose context never varies on one side, and strings that hold a
 * dictionary word and are as open inside as at their edges (记者 + 王).
 * The rest are ranked by `wordLikeness` (`word-likeness.ts`), which weighs
 * these signals with what the dictionary knows of the string's characters,
 * and reported down to `minScore` (`LEAST_LIKENESS` unless given).
 *
 * Counting is over runs of Han characters, every substring of up to
 * `maxLength + 1` characters; memory is bounded by pruning the rarest
 * strings whenever the table grows past a limit (lossy counting: a string
 * pruned early may be counted low), which touches only strings too rare to
 * be reported.
 *
 * @module
 */

import { describeValue, knownOptions, optionKeys } from '../options.js';
import { isHanChar } from '../text/char-classes.js';
import type { TokenizerCore } from '../tokenizer.js';
import { NgramTable, type NgramCounts } from './ngram-table.js';
import { LEAST_LIKENESS, wordLikeness, type WordEvidence } from './word-likeness.js';

/** Every option of `discoverWords`. */
const DISCOVER_KEYS = optionKeys<DiscoverOptions & { tokenizer?: unknown }>()(['top', 'minCount', 'minScore', 'maxLength', 'maxEntries', 'tokenizer']);

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
   * Report only strings whose `score` (their `wordLikeness`, a log-odds)
   * is at least this: lower for more words and more false ones, higher for
   * fewer. 0 is even odds on the texts the weights were fitted on.
   *
   * @defaultValue -1.4 (`LEAST_LIKENESS`)
   */
  minScore?: number;
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

/** A string that passed the filters of {@link NewWordFinder.candidates}, with its evidence. */
export interface NewWordCandidate extends WordEvidence {
  word: string;
}

/** A discovered word. */
export interface NewWord extends NewWordCandidate {
  /** Its {@link wordLikeness}: the log-odds that it is a word, at least `minScore`. */
  score: number;
}

/**
 * What a {@link NewWordFinder} has counted, as plain data (typed arrays
 * whose buffers can be transferred): how `jieba discover -j` brings each
 * worker thread's counts together.
 */
export interface DiscoveryCounts {
  /** The strings' counts. */
  readonly table: NgramCounts;
  /** Han characters seen. */
  readonly characters: number;
  /** Counts at or below this were pruned at some point. */
  readonly pruned: number;
}

/** Characters that rarely begin or end a word: a candidate with one at an edge is left out. */
const FUNCTION_CHARACTERS = new Set(Array.from('的了是在和有我他她它们这那也就都而及与或被把从对为以于之其中上下不没很个着过吗呢吧啊据将已又并等位次说要会能可还向到给让使由所日月年'));

/**
 * Characters that rarely end a word: localizers (范围内, 世纪里) and the
 * particles of adverbs and complements (更好地, 做得).
 */
const FINAL_FUNCTION_CHARACTERS = new Set(Array.from('内里外地得'));

/** Particles that a new word does not hold anywhere: with one inside, it is a phrase (新的世纪, 讲了话). */
const PARTICLES = /[\u7684\u4e86]/; // 的, 了: escaped, so that the bundles stay ASCII (see test/bundles.test.ts)

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
 * finder.words(); // [{ word: '...', count: 12, cohesion: 5.1, entropy: 2.3, innerEntropy: 0.5, ..., score: 2.9 }, ...]
 */
export class NewWordFinder {
  readonly #tokenizer: TokenizerCore;
  readonly #top: number;
  readonly #minCount: number;
  readonly #minScore: number;
  readonly #maxLength: number;
  readonly #maxEntries: number;
  /** Occurrences of each string of 1 .. maxLength + 1 Han characters, and at the start and end of a run (contexts of their own). */
  readonly #counts = new NgramTable();
  /** Han characters seen. */
  #characters = 0;
  /** Counts at or below this were pruned at some point. */
  #pruned = 0;

  constructor(tokenizer: TokenizerCore, options?: DiscoverOptions | null) {
    const checked = knownOptions(options, 'discoverWords', DISCOVER_KEYS);
    this.#tokenizer = tokenizer;
    this.#top = positiveInteger(checked.top, 'top', 100);
    this.#minCount = positiveInteger(checked.minCount, 'minCount', 5);
    this.#minScore = checked.minScore ?? LEAST_LIKENESS;
    if (typeof this.#minScore !== 'number' || !Number.isFinite(this.#minScore)) throw new TypeError(`jieba-ts: discoverWords() option minScore must be a finite number, got ${describeValue(checked.minScore)}`);
    this.#maxLength = positiveInteger(checked.maxLength, 'maxLength', 4);
    this.#maxEntries = positiveInteger(checked.maxEntries, 'maxEntries', 4_000_000);
    if (this.#maxLength < 2) throw new TypeError('jieba-ts: discoverWords() option maxLength must be at least 2');
  }

  /**
   * Count the strings of `text`'s runs of Han characters.
   *
   * @example
   * for (const line of lines) finder.add(line);
   */
  add(text: string): this {
    if (typeof text !== 'string') throw new TypeError(`jieba-ts: discoverWords() expects strings, got ${text === null ? 'null' : typeof text}`);
    const inside = this.#insideWords(text);
    for (let i = 0; i < text.length; ) {
      if (!isHanChar(text.charCodeAt(i))) {
        i++;
        continue;
      }
      let j = i;
      while (j < text.length && isHanChar(text.charCodeAt(j))) j++;
      this.#addRun(text, i, j, inside);
      i = j;
    }
    return this;
  }

  /**
   * Marks the positions of `text` that fall inside a word of two or more
   * units as the dictionary alone (no HMM) cuts it: an occurrence with an
   * edge there is part of a known word more than a word of its own.
   */
  #insideWords(text: string): Uint8Array {
    const offsets = this.#tokenizer.cutOffsets(text, 'default', false);
    const inside = new Uint8Array(text.length + 1);
    for (let k = 0; k < offsets.length; k += 2) for (let p = offsets[k]! + 1; p < offsets[k + 1]!; p++) inside[p] = 1;
    return inside;
  }

  #addRun(text: string, start: number, end: number, inside: Uint8Array): void {
    const longest = this.#maxLength + 1;
    const counts = this.#counts;
    this.#characters += end - start;
    // Run edges are counted for candidates' lengths only.
    for (let i = start; i < end; i++) counts.addPrefixes(text, i, Math.min(longest, end - i), this.#maxLength, i === start, end, inside);
    if (counts.size > this.#maxEntries) this.#prune();
  }

  /**
   * What this finder has counted, to {@link merge} into another. The finder
   * is not to be used afterwards (the arrays may be transferred).
   *
   * @example
   * // in a worker thread, over its part of the text:
   * const counts = finder.counts();
   * parentPort.postMessage(counts, Object.values(counts.table).map((array) => array.buffer));
   */
  counts(): DiscoveryCounts {
    return { table: this.#counts.contents(), characters: this.#characters, pruned: this.#pruned };
  }

  /**
   * Add another finder's {@link counts}, as if this finder had gone on to
   * `add` that finder's texts. Without pruning in either, the words are
   * exactly those of one finder given all the texts in that order; a
   * finder that pruned makes the others' counts of its rare strings
   * uncertain by as much, which raises the least count reported.
   *
   * @example
   * const total = new NewWordFinder(tokenizer);
   * for (const counts of countsOfEachPart) total.merge(counts);
   * total.words();
   */
  merge(counts: DiscoveryCounts): this {
    this.#counts.merge(counts.table);
    this.#characters += counts.characters;
    this.#pruned += counts.pruned;
    if (this.#counts.size > this.#maxEntries) this.#prune();
    return this;
  }

  /** Drop the rarest strings until the table is at most half full. */
  #prune(): void {
    while (this.#counts.size > this.#maxEntries / 2) this.#counts.prune(++this.#pruned);
  }

  /**
   * The new words, best first (ties: more frequent, then code-point order):
   * the {@link candidates} whose {@link wordLikeness} is at least
   * `minScore`, at most `top` of them.
   *
   * @example
   * finder.words().slice(0, 3); // [{ word: '魅族', count: 12, cohesion: ..., entropy: ..., score: 3.1, ... }, ...]
   */
  words(): NewWord[] {
    const found: NewWord[] = [];
    for (const candidate of this.candidates()) {
      const score = wordLikeness(candidate);
      if (score >= this.#minScore) found.push({ ...candidate, score });
    }
    found.sort((x, y) => y.score - x.score || y.count - x.count || (x.word < y.word ? -1 : x.word > y.word ? 1 : 0));
    return found.slice(0, this.#top);
  }

  /**
   * Every string that passes the filters, with its evidence, unranked: what
   * {@link words} scores. The filters: at least `minCount` occurrences and
   * 2 to `maxLength` characters; not a piece of known words (in most of its
   * occurrences a word of the dictionary's own cut spans its start or its
   * end: 化建设 of 现代化建设, 部部长 of 外交部部长); no function character at
   * an edge, no localizer or particle at the end, no 的 or 了 inside; not in
   * the dictionary, nor dictionary words side by side (领导 + 干部: a phrase
   * the dictionary already cuts); a positive cohesion; contexts that vary
   * on both sides (a string always followed by the same character is a
   * piece of a longer one: 袁乙 of 袁乙钧); and, for a string that holds a
   * dictionary word, edges more open than any split inside it (记者 + 王).
   *
   * @example
   * finder.candidates().filter((c) => c.allSingle).length;
   */
  candidates(): NewWordCandidate[] {
    const counts = this.#counts;
    const total = this.#characters;
    if (total === 0) return [];
    const minCount = Math.max(this.#minCount, this.#pruned + 1);
    const maxLength = this.#maxLength;
    const tokenizer = this.#tokenizer;
    // First the candidates, by what their own characters say (0: none).
    const candidate = new Uint8Array(counts.size);
    for (let entry = 0; entry < counts.size; entry++) {
      const length = counts.keyLength(entry);
      const count = counts.count(entry);
      if (length < 2 || length > maxLength || count < minCount || 2 * counts.countCrossed(entry) > count) continue;
      const word = counts.key(entry);
      const final = word[word.length - 1]!;
      if (FUNCTION_CHARACTERS.has(word[0]!) || FUNCTION_CHARACTERS.has(final) || FINAL_FUNCTION_CHARACTERS.has(final) || PARTICLES.test(word)) continue;
      if ((tokenizer.wordFrequency(word) ?? 0) > 0) continue;
      const parts = tokenizer.cut(word, { hmm: false });
      if (parts.every((part) => part.length > 1)) continue;
      // 2: the dictionary leaves every character single.
      candidate[entry] = parts.length === length ? 2 : 1;
    }
    // Branching entropies of every string up to maxLength: each string one
    // character longer is one context of its prefix (on the right) and of
    // its suffix (on the left), as its key is unique.
    const leftEntropy = new Float64Array(counts.size);
    const rightEntropy = new Float64Array(counts.size);
    for (let entry = 0; entry < counts.size; entry++) {
      const length = counts.keyLength(entry);
      if (length < 2 || length - 1 > maxLength) continue;
      const n = counts.count(entry);
      const suffix = counts.suffixOf(entry);
      if (suffix >= 0) leftEntropy[suffix] -= (n / counts.count(suffix)) * Math.log(n / counts.count(suffix));
      const prefix = counts.prefixOf(entry);
      if (prefix >= 0) rightEntropy[prefix] -= (n / counts.count(prefix)) * Math.log(n / counts.count(prefix));
    }
    // Each occurrence at the start (end) of a run is a left (right) context
    // of its own. (Counts pruned or cut at run edges can leave a count above
    // its contexts' sum; what is missing adds nothing.)
    const withEdges = (h: number, edges: number, count: number): number => (edges > 0 ? h - edges * (1 / count) * Math.log(1 / count) : h);
    const leftOf = (entry: number): number => withEdges(leftEntropy[entry]!, counts.countAtStart(entry), counts.count(entry));
    const rightOf = (entry: number): number => withEdges(rightEntropy[entry]!, counts.countAtEnd(entry), counts.count(entry));
    const found: NewWordCandidate[] = [];
    for (let entry = 0; entry < counts.size; entry++) {
      if (candidate[entry] === 0) continue;
      const entropy = Math.min(leftOf(entry), rightOf(entry));
      if (!(entropy > 0)) continue;
      const length = counts.keyLength(entry);
      const count = counts.count(entry);
      let cohesion = Infinity;
      // Words put together (记者 + 王, 更 + 大): some split inside is as
      // open as the edges, what comes after the first part and before the
      // second varying as much as what surrounds the whole.
      let innerEntropy = 0;
      for (let i = 1; i < length; i++) {
        const a = counts.findPart(entry, 0, i);
        const b = counts.findPart(entry, i, length - i);
        if (a < 0 || b < 0) {
          cohesion = -Infinity;
          break;
        }
        cohesion = Math.min(cohesion, Math.log((count * total) / (counts.count(a) * counts.count(b))));
        innerEntropy = Math.max(innerEntropy, Math.min(rightOf(a), leftOf(b)));
      }
      if (!(cohesion > 0)) continue;
      // A dictionary word and more, as open inside as at its edges: words
      // side by side (记者 + 王). Strings of single characters (names,
      // whose given names recur elsewhere) are only scored lower for it.
      if (candidate[entry] === 1 && !(entropy > innerEntropy)) continue;
      const word = counts.key(entry);
      found.push({
        word,
        count,
        cohesion,
        entropy,
        innerEntropy,
        crossedShare: counts.countCrossed(entry) / count,
        allSingle: candidate[entry] === 2,
        firstFrequency: tokenizer.wordFrequency(word[0]!) ?? 0,
        lastFrequency: tokenizer.wordFrequency(word[length - 1]!) ?? 0,
        length,
      });
    }
    return found;
  }
}
