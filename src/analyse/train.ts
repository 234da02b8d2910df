/**
 * A dictionary trained on the user's own segmented text (`jieba train`,
 * `DictionaryTrainer`): the words of the corpus with their counts, merged
 * into a base dictionary or alone, and finalseg's HMM re-estimated from
 * the corpus's runs of Han characters, so that the unchanged engine cuts
 * the user's domain the way the corpus does; with a tagged corpus, the POS
 * HMM too (`train-pos.ts`).
 *
 * Weighting, with a base: a corpus word's frequency becomes
 * `base frequency + weight × count`, the weight chosen so that the corpus's
 * words add up to `ratio` (4 by default) times the base's total: the
 * corpus's way of cutting wins where the two disagree, whatever its size;
 * base words the corpus lacks keep theirs, unless the corpus contradicts
 * them: a base word that the corpus's sentences cut apart (it spans two or
 * more of their words) and never write whole is left out, and one that
 * they write as words of their own (edge to edge: 就是 as `就 是`) more often
 * than whole gets the frequency Python's `suggest_freq` gives for that
 * cut, and is split by the HMM too; a base word they never show is cut
 * into two words of the base where they cut most words of its length and
 * tag apart (`cut-apart.ts`); all this when the base is known while counting
 * (`new DictionaryTrainer({ base })`). Words that sit
 * inside one of the corpus's words stay (清华 of 清华大学: search mode
 * needs them, and the longer word wins anyway). The HMM is told to split
 * the words left out (`HmmModel.split`, Python's `Force_Split_Words`), and,
 * after a second pass (`review`) that cuts the corpus with the trained
 * dictionary, the words it makes there across the corpus's words too.
 * Without a base, frequencies are the counts. The HMM's probabilities are the
 * average of the base's and the corpus's where both have one, so that
 * characters the corpus never shows keep the base's emissions.
 *
 * @module
 */

import { B, E, HAN_COUNT, M, MIN_FLOAT, S, type HmmModel } from '../hmm/model.js';
import { PrefixDictionary } from '../dictionary/prefix-dictionary.js';
import { Dictionary, PrefixMatches } from '../dictionary/dictionary.js';
import { HAN_FIRST, isPythonSpace } from '../text/char-classes.js';
import type { PosModel } from '../posseg/model.js';
import { CutApartCounts, type Lowered } from './cut-apart.js';
import { isHanWord, PosCounts } from './train-pos.js';

/** How words carry a POS tag in the corpus: not at all, `word/tag` or `word_tag`. */
export type CorpusTags = 'none' | 'slash' | 'underscore';

/** Options of {@link DictionaryTrainer}. */
export interface TrainOptions {
  /** How words carry tags (the tags then go into the dictionary). @defaultValue 'none' */
  tags?: CorpusTags;
  /**
   * The base dictionary that `build` will merge into, read while counting:
   * its words that a sentence of the corpus cuts apart (a word spanning two
   * or more of the sentence's words, as 个人 in `一 个 人`) and that the
   * corpus never writes whole are left out of the trained dictionary. None:
   * every base word is kept.
   */
  base?: PrefixDictionary;
}

/** Options of {@link DictionaryTrainer.build}. */
export interface BuildOptions {
  /** The dictionary to merge into, with its HMM and (read only for a tagged corpus) its POS model; none: the corpus alone. */
  base?: { dictionary: PrefixDictionary; hmm: HmmModel; pos?: () => PosModel };
  /** The corpus's words add up to this many times the base's total. @defaultValue 4 */
  ratio?: number;
  /** A corpus count weighs this many frequency units, instead of the weight `ratio` gives. */
  weight?: number;
}

/**
 * A line of the corpus that cannot be read: `source` and `line` say where,
 * and the message starts with both.
 *
 * @example
 * try { trainer.add('北京/ 大学', 'corpus.txt', 7); }
 * catch (error) { if (error instanceof CorpusError) console.error(error.message); } // corpus.txt: line 7: ...
 */
export class CorpusError extends Error {
  constructor(
    /** The file (or `<string>`, `<corpus>`) the line is in. */
    readonly source: string,
    /** The line's number, from 1. */
    readonly line: number,
    message: string,
  ) {
    super(`${source}: line ${line}: ${message}`);
    this.name = 'CorpusError';
  }
}

/** The tag after a word, when the corpus has them: letters only, as jieba's tags. */
const TAG = /^[A-Za-z]+$/;

/**
 * Counts of a segmented corpus, line by line (`add`), then a dictionary and
 * an HMM built from them (`build`).
 *
 * @example
 * const trainer = new DictionaryTrainer({ base: base.dictionary });
 * trainer.add('我 来到 北京 清华大学');
 * const { dictionary, hmm } = trainer.build({ base });
 */
export class DictionaryTrainer {
  readonly #tags: CorpusTags;
  readonly #counts = new Map<string, number>();
  readonly #wordTags = new Map<string, Map<string, number>>();
  /** HMM counts: starts by state, transitions (4 * from + to), emissions (4 * char + state). */
  readonly #start = new Float64Array(4);
  readonly #trans = new Float64Array(16);
  readonly #emit = new Float64Array(4 * HAN_COUNT);
  /** POS HMM counts, from a tagged corpus. */
  readonly #pos = new PosCounts();
  #words = 0;
  /** The base dictionary whose words the corpus can contradict, and those it did (spanning two of a sentence's words). */
  readonly #base: Dictionary | undefined;
  readonly #matches = new PrefixMatches();
  readonly #contradicted = new Set<string>();
  /** Base words that a sentence writes as two or more of its words, edge to edge (就是 as `就 是`). */
  readonly #cutApart = new CutApartCounts();
  /** Words a tokenizer of the trained dictionary made in the corpus that the corpus cuts apart (see `review`). */
  readonly #madeByHmm = new Set<string>();
  /** Per code unit of the sentence being counted: where its word ends. */
  #wordEnds = new Int32Array(256);

  constructor(options: TrainOptions = {}) {
    this.#tags = options.tags ?? 'none';
    this.#base = options.base && new Dictionary(options.base);
  }

  /** Words counted so far. */
  get words(): number {
    return this.#words;
  }

  /**
   * Count one line of segmented text: words separated by whitespace.
   *
   * @example
   * trainer.add('我 来到 北京 清华大学', 'corpus.txt', 1);
   * @throws {@link CorpusError} for a tagged word without its tag, naming `source` and `line`
   */
  add(text: string, source = '<string>', line = 1): this {
    let run = -1; // the previous Han character's state, or -1 at the start of a run
    const { words, tags: wordTags } = this.#tokens(text, source, line);
    for (let w = 0; w < words.length; w++) {
      const word = words[w]!;
      const tag = wordTags[w];
      this.#counts.set(word, (this.#counts.get(word) ?? 0) + 1);
      this.#words++;
      if (tag !== undefined) {
        let tags = this.#wordTags.get(word);
        if (!tags) this.#wordTags.set(word, (tags = new Map()));
        tags.set(tag, (tags.get(tag) ?? 0) + 1);
        if (isHanWord(word)) this.#pos.addWord(word, tag);
        else this.#pos.endRun();
      }
      // The HMM learns from words of Han characters; any other word ends a run.
      if (!isHanWord(word)) {
        run = -1;
        continue;
      }
      for (let i = 0; i < word.length; i++) {
        const state = word.length === 1 ? S : i === 0 ? B : i === word.length - 1 ? E : M;
        if (run < 0) this.#start[state]!++;
        else this.#trans[4 * run + state]!++;
        this.#emit[4 * (word.charCodeAt(i) - HAN_FIRST) + state]!++;
        run = state;
      }
    }
    this.#pos.endRun();
    if (this.#base && words.length > 1) this.#findContradicted(words, this.#base);
    return this;
  }

  /**
   * Second pass over the corpus, after `build`: `cut` (a tokenizer of the
   * trained dictionary) cuts the line's words put together, and the words
   * it makes there that span two or more of the line's words and that the
   * corpus never writes whole are noted. They are the HMM's (the
   * dictionary's such words are gone already, when the trainer had the
   * base); {@link reviewedHmm} tells the HMM to split them.
   *
   * @throws {@link CorpusError} as {@link add} does
   * @example
   * const tokenizer = new Tokenizer({ dict: encodeDictionaryImage(dictionary, hmm) });
   * for (const line of corpus) trainer.review(line, (text) => tokenizer.cut(text));
   * const image = encodeDictionaryImage(dictionary, trainer.reviewedHmm(hmm));
   */
  review(text: string, cut: (sentence: string) => readonly string[], source = '<string>', line = 1): this {
    const { words } = this.#tokens(text, source, line);
    if (words.length < 2) return this;
    const sentence = words.join('');
    const wordEnds = this.#markWordEnds(words, sentence.length);
    let start = 0;
    for (const word of cut(sentence)) {
      const end = start + word.length;
      if (end > wordEnds[start]! && !this.#counts.has(word) && isHanWord(word)) this.#madeByHmm.add(word);
      start = end;
    }
    return this;
  }

  /** Words {@link review} found so far. */
  get reviewed(): number {
    return this.#madeByHmm.size;
  }

  /**
   * `hmm` (of `build`'s result) told to split the words {@link review} found too.
   *
   * @example
   * const image = encodeDictionaryImage(dictionary, trainer.reviewedHmm(hmm));
   */
  reviewedHmm(hmm: HmmModel): HmmModel {
    if (this.#madeByHmm.size === 0) return hmm;
    return { ...hmm, split: new Set([...(hmm.split ?? []), ...this.#madeByHmm]) };
  }

  /** The words of a line (and their tags, when the corpus has them). */
  #tokens(text: string, source: string, line: number): { words: string[]; tags: (string | undefined)[] } {
    const separator = this.#tags === 'slash' ? '/' : this.#tags === 'underscore' ? '_' : '';
    const words: string[] = [];
    const tags: (string | undefined)[] = [];
    for (const token of splitWhitespace(text)) {
      if (!separator) {
        words.push(token);
        tags.push(undefined);
        continue;
      }
      const at = token.lastIndexOf(separator);
      const tag = at > 0 ? token.slice(at + 1) : '';
      if (!TAG.test(tag)) throw new CorpusError(source, line, `${JSON.stringify(token)} has no ${separator}tag`);
      words.push(token.slice(0, at));
      tags.push(tag);
    }
    return { words, tags };
  }

  /** Per code unit of the words put together: where the word holding it ends. */
  #markWordEnds(words: readonly string[], length: number): Int32Array {
    if (this.#wordEnds.length < length) this.#wordEnds = new Int32Array(2 * length);
    const wordEnds = this.#wordEnds;
    let at = 0;
    for (const word of words) {
      const end = at + word.length;
      wordEnds.fill(end, at, end);
      at = end;
    }
    return wordEnds;
  }

  /**
   * Note the words of `base` that span two or more of `words` in their
   * sentence (the words put together, as the raw text reads): the corpus
   * cuts them apart there.
   */
  #findContradicted(words: readonly string[], base: Dictionary): void {
    const text = words.join('');
    const wordEnds = this.#markWordEnds(words, text.length);
    const matches = this.#matches;
    for (let start = 0; start < text.length; start++) {
      base.matchPrefixes(text, start, text.length, matches);
      for (let m = 0; m < matches.count; m++) {
        const end = matches.ends[m]! + 1;
        if (end > wordEnds[start]!) {
          const word = text.slice(start, end);
          this.#contradicted.add(word);
          // Both edges on the sentence's word boundaries: the corpus writes it as words of its own.
          if ((start === 0 || wordEnds[start - 1] === start) && wordEnds[end - 1] === end) this.#cutApart.note(word, text, start, end, wordEnds);
        }
      }
    }
  }

  /**
   * The trained dictionary (merged into `base` if given) and HMM, its
   * `dict.txt` lines, the weight of a corpus count, `dropped`: how many
   * base words were left out because the corpus cut them apart and never
   * wrote them whole (see {@link TrainOptions.base}), and `lowered`: how
   * many base words were made rare enough for the route to cut them (or,
   * where no frequency does that, left out too), because the corpus cuts
   * them apart more often than it writes them whole, or never shows them
   * and cuts apart most words of their length and tag (`cut-apart.ts`).
   *
   * @example
   * const { dictionary, hmm, lines, dropped, lowered } = trainer.build({ base, ratio: 4 });
   * console.log(lowered.cutApart, lowered.unseen);
   * @throws RangeError for a weight that is not a positive safe integer
   */
  build(options: BuildOptions = {}): {
    dictionary: PrefixDictionary;
    hmm: HmmModel;
    pos?: PosModel;
    unknownPosStates?: string[];
    lines: string[];
    weight: number;
    dropped: number;
    lowered: Lowered;
  } {
    const ratio = options.ratio ?? 4;
    if (!(ratio > 0 && Number.isFinite(ratio))) throw new RangeError(`jieba-ts: train ratio must be a positive number, got ${ratio}`);
    const weight = options.weight ?? (options.base && this.#words > 0 ? Math.max(1, Math.round((ratio * options.base.dictionary.total) / this.#words)) : 1);
    if (!Number.isSafeInteger(weight) || weight < 1) throw new RangeError(`jieba-ts: train weight must be a positive integer, got ${weight}`);
    if (this.#words === 0 && !options.base) throw new RangeError('jieba-ts: the corpus has no words, and there is no base dictionary');
    const frequencies = new Map<string, number>();
    const tags = new Map<string, string>();
    if (options.base) {
      for (const [word, frequency, tag] of options.base.dictionary.words()) {
        frequencies.set(word, frequency);
        if (tag !== undefined) tags.set(word, tag);
      }
    }
    for (const [word, count] of this.#counts) frequencies.set(word, (frequencies.get(word) ?? 0) + weight * count);
    // Base words the corpus cut apart and never wrote whole go.
    const split = new Set<string>();
    for (const word of this.#contradicted) {
      if (this.#counts.has(word) || !frequencies.delete(word)) continue;
      tags.delete(word);
      split.add(word);
    }
    const dropped = split.size;
    const base = this.#base;
    const lowered = base
      ? this.#cutApart.lower({ frequencies, tags, split }, this.#counts, {
          has: (word) => base.frequencyOf(word, 0, word.length) > 0,
          tagOf: (word) => base.base.tagOf(word, 0, word.length),
        })
      : { cutApart: 0, unseen: 0, verdicts: [] };
    // The HMM must not make them either (as Python's del_word sees to); a
    // trained base's own such words stay split unless this corpus has them.
    for (const word of options.base?.hmm.split ?? []) if (!this.#counts.has(word)) split.add(word);
    for (const [word, counts] of this.#wordTags) tags.set(word, mostFrequent(counts));
    // dict.txt lines, sorted (code units: all words are of one script mostly; the order only makes the output deterministic).
    const words = [...frequencies.keys()].sort();
    const lines = words.map((word) => (tags.has(word) ? `${word} ${frequencies.get(word)} ${tags.get(word)}` : `${word} ${frequencies.get(word)}`));
    const dictionary = PrefixDictionary.fromText(`${lines.join('\n')}\n`, 'trained dictionary');
    const trained = this.#hmm(options.base?.hmm);
    const hmm = split.size > 0 ? { ...trained, split } : trained;
    if (this.#pos.characters === 0) return { dictionary, hmm, lines, weight, dropped, lowered };
    // A tagged corpus: the POS HMM too, merged into the base's.
    const { model: pos, unknownStates } = this.#pos.build(options.base?.pos?.());
    return { dictionary, hmm, pos, unknownPosStates: unknownStates, lines, weight, dropped, lowered };
  }

  #hmm(base: HmmModel | undefined): HmmModel {
    const start = logProbabilities(this.#start, 0, 4, base?.start, 0);
    const trans = new Float64Array(16);
    for (const from of [B, E, M, S]) trans.set(logProbabilities(this.#trans, 4 * from, 4, base?.trans, 4 * from), 4 * from);
    // Emissions: P(char | state), over the characters.
    const emit = new Float64Array(4 * HAN_COUNT).fill(MIN_FLOAT);
    for (const state of [B, E, M, S]) {
      let total = 0;
      for (let c = 0; c < HAN_COUNT; c++) total += this.#emit[4 * c + state]!;
      for (let c = 0; c < HAN_COUNT; c++) {
        const corpus = total > 0 ? this.#emit[4 * c + state]! / total : 0;
        const baseLog = base?.emit[4 * c + state];
        const probability = mix(corpus, baseLog, total > 0);
        emit[4 * c + state] = probability > 0 ? Math.log(probability) : MIN_FLOAT;
      }
    }
    return { start, trans, emit };
  }
}

/** Python's `str.split()`: runs of Python whitespace separate tokens. */
function splitWhitespace(text: string): string[] {
  const tokens: string[] = [];
  let from = -1;
  for (let i = 0; i <= text.length; i++) {
    const space = i === text.length || isPythonSpace(text.charCodeAt(i));
    if (space && from >= 0) {
      tokens.push(text.slice(from, i));
      from = -1;
    } else if (!space && from < 0) from = i;
  }
  return tokens;
}

function mostFrequent(counts: Map<string, number>): string {
  let best = '';
  let most = -1;
  for (const [tag, n] of counts) if (n > most || (n === most && tag < best)) [best, most] = [tag, n];
  return best;
}

/** The corpus's probability averaged with the base's (a log, MIN_FLOAT for none), where there is a base. */
function mix(corpus: number, baseLog: number | undefined, haveCorpus: boolean): number {
  const base = baseLog === undefined || baseLog <= MIN_FLOAT ? 0 : Math.exp(baseLog);
  if (baseLog === undefined) return corpus;
  return haveCorpus ? (corpus + base) / 2 : base;
}

/** Log-probabilities of `counts[at .. at + n)` (mixed with `base[baseAt ..]`), MIN_FLOAT for none. */
function logProbabilities(counts: Float64Array, at: number, n: number, base: Float64Array | undefined, baseAt: number): Float64Array {
  let total = 0;
  for (let i = 0; i < n; i++) total += counts[at + i]!;
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const probability = mix(total > 0 ? counts[at + i]! / total : 0, base?.[baseAt + i], total > 0);
    out[i] = probability > 0 ? Math.log(probability) : MIN_FLOAT;
  }
  return out;
}
