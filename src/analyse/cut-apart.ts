/**
 * What a segmented corpus says against the base dictionary's words, for
 * `DictionaryTrainer`: the base words it writes as words of its own, edge to
 * edge (就是 in `就 是`), and what the trained dictionary should do about
 * them and about the base words it never shows.
 *
 * jieba's route takes a word whole whenever its probability beats the
 * product of its parts' probabilities, so a dictionary word is cut apart
 * only if its frequency is low enough. Two rules set it so:
 *
 * - A base word that the corpus cuts apart more often than it writes it
 *   whole gets the frequency Python's `suggest_freq(parts, tune=True)`
 *   gives it: at most the product of its parts' probabilities.
 * - A base word that the corpus never shows, whole or cut apart, is judged
 *   by the base words of its length and tag that it does show (or, where
 *   it shows too few of those, of its length): where the corpus cuts those
 *   apart more often than it writes them whole (segmentation standards
 *   that cut names of organisations and other compounds into their words
 *   do so for most nouns of four characters and more, and keep idioms
 *   whole), the word gets the frequency `suggest_freq` gives for its most
 *   probable cut into two words of the dictionary.
 *
 * A word whose frequency that makes 0 is left out of the dictionary.
 *
 * @module
 */

/** Lengths are counted up to this one; longer words count with it. */
export const LONGEST_LENGTH = 6;
/**
 * Times a group's words (of a length, or a length and a tag) must be seen,
 * whole or cut apart, before the corpus is trusted to speak for the words
 * of that group it never shows.
 */
export const GROUP_EVIDENCE = 20;

/** The base dictionary, as the rules read it. */
export interface BaseWords {
  /** Whether `word` is a word of the base (of a frequency above 0). */
  has(word: string): boolean;
  /** Its tag in the base, if it has one. */
  tagOf(word: string): string | undefined;
}

/**
 * What the corpus says of the base words of one length (up to
 * {@link LONGEST_LENGTH}, which stands for it and more), and of one tag
 * when `tag` is given, that it shows edge to edge, whole or cut apart.
 */
export interface Verdict {
  readonly length: number;
  readonly tag?: string;
  readonly whole: number;
  readonly apart: number;
  /** Cut apart more often than written whole: such words it never shows are cut. */
  readonly cut: boolean;
}

/** What {@link CutApartCounts.lower} did: words made rarer (or left out) by each rule, and the verdicts behind the second. */
export interface Lowered {
  /** Base words the corpus cuts apart more often than it writes whole. */
  readonly cutApart: number;
  /** Base words the corpus never shows, judged by the words of their length and tag. */
  readonly unseen: number;
  /** The groups of words shown often enough to judge by ({@link GROUP_EVIDENCE} times), by length, then tag. */
  readonly verdicts: readonly Verdict[];
}

/** The dictionary a trainer is building: word frequencies and tags, and the words its HMM must split. */
export interface TrainedWords {
  readonly frequencies: Map<string, number>;
  readonly tags: Map<string, string>;
  readonly split: Set<string>;
}

function lengthIndex(word: string): number {
  return Math.min(word.length, LONGEST_LENGTH);
}

/**
 * The base words a corpus writes as words of its own, with how often, and
 * the rules of the module comment.
 *
 * @example
 * const cutApart = new CutApartCounts();
 * cutApart.note('就是', '他就是我', 1, 3, wordEnds); // from `他 就 是 我`
 * const { cutApart: lowered } = cutApart.lower(words, counts, { has: (word) => base.frequencyOf(word, 0, word.length) > 0, tagOf: (word) => base.tagOf(word, 0, word.length) });
 */
export class CutApartCounts {
  /** Each such word: how many times, and the words of the first time. */
  readonly #words = new Map<string, { times: number; parts: string[] }>();

  /**
   * Note that `text.slice(start, end)`, a base word, is written there as
   * two or more words: `wordEnds[i]` is where the word holding unit `i`
   * ends, and `start` and `end` are word boundaries.
   */
  note(word: string, text: string, start: number, end: number, wordEnds: Int32Array): void {
    const seen = this.#words.get(word);
    if (seen) {
      seen.times++;
      return;
    }
    const parts: string[] = [];
    for (let at = start; at < end; at = wordEnds[at]!) parts.push(text.slice(at, wordEnds[at]));
    this.#words.set(word, { times: 1, parts });
  }

  /**
   * Apply the two rules to `words`: `counts` are the corpus's words (as
   * written whole). Words of the first rule join `words.split` (the HMM
   * must not make them either, where it cuts a run of single characters);
   * those of the second, which the corpus never shows, do not.
   */
  lower(words: TrainedWords, counts: ReadonlyMap<string, number>, base: BaseWords): Lowered {
    const { frequencies } = words;
    let total = 0;
    for (const frequency of frequencies.values()) total += frequency;
    let cutApart = 0;
    for (const [word, { times, parts }] of this.#words) {
      const frequency = frequencies.get(word);
      if (frequency === undefined || times <= (counts.get(word) ?? 0)) continue;
      // As suggest_freq: a part missing from the dictionary counts 1.
      let product = 1;
      for (const part of parts) product *= (frequencies.get(part) ?? 1) / total;
      if (setFrequency(words, word, Math.floor(product * total))) {
        cutApart++;
        words.split.add(word);
      }
    }
    const verdicts = this.#verdicts(counts, base);
    const byGroup = new Map(verdicts.map((verdict) => [groupKey(verdict.length, verdict.tag), verdict.cut]));
    // Every cut is weighed first, then applied: a word lowered here does not
    // change another's cut, whatever the order of the words.
    const suggestions: [string, number][] = [];
    if (verdicts.some((verdict) => verdict.cut)) {
      for (const word of frequencies.keys()) {
        if (word.length < 2 || counts.has(word) || this.#words.has(word) || !base.has(word)) continue;
        const length = lengthIndex(word);
        const tag = base.tagOf(word);
        if (!(byGroup.get(groupKey(length, tag)) ?? byGroup.get(groupKey(length)) ?? false)) continue;
        const best = bestTwoWordProduct(word, frequencies, total);
        if (best > 0) suggestions.push([word, Math.floor(best * total)]);
      }
    }
    let unseen = 0;
    for (const [word, suggested] of suggestions) if (setFrequency(words, word, suggested)) unseen++;
    return { cutApart, unseen, verdicts };
  }

  /** The groups of base words (by length, and by length and tag) the corpus shows often enough, and what it does with them. */
  #verdicts(counts: ReadonlyMap<string, number>, base: BaseWords): Verdict[] {
    const groups = new Map<string, { length: number; tag?: string; whole: number; apart: number }>();
    const bump = (length: number, tag: string | undefined, whole: number, apart: number): void => {
      const key = groupKey(length, tag);
      const group = groups.get(key) ?? { length, ...(tag === undefined ? {} : { tag }), whole: 0, apart: 0 };
      group.whole += whole;
      group.apart += apart;
      groups.set(key, group);
    };
    // Each word counts for its length, and for its length and tag.
    const add = (word: string, whole: number, apart: number): void => {
      const tag = base.tagOf(word);
      bump(lengthIndex(word), undefined, whole, apart);
      if (tag !== undefined) bump(lengthIndex(word), tag, whole, apart);
    };
    for (const [word, count] of counts) if (word.length > 1 && base.has(word)) add(word, count, 0);
    for (const [word, { times }] of this.#words) add(word, 0, times);
    // Keys order a length's groups after it: `4` < `4/i` < `4/n` (lengths are single digits).
    return [...groups.entries()]
      .filter(([, group]) => group.whole + group.apart >= GROUP_EVIDENCE)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([, group]) => ({ ...group, cut: group.apart > group.whole }));
  }
}

/** A group's key: its length, and its tag after a slash. */
function groupKey(length: number, tag?: string): string {
  return tag === undefined ? String(length) : `${length}/${tag}`;
}

/**
 * The largest product of two probabilities of words of `frequencies` that
 * make up `word` (0 when it cuts into no two such words). A word of
 * frequency 0 is no word.
 */
function bestTwoWordProduct(word: string, frequencies: ReadonlyMap<string, number>, total: number): number {
  let best = 0;
  for (let cut = 1; cut < word.length; cut++) {
    const first = frequencies.get(word.slice(0, cut)) ?? 0;
    const second = first > 0 ? (frequencies.get(word.slice(cut)) ?? 0) : 0;
    if (second > 0) best = Math.max(best, (first / total) * (second / total));
  }
  return best;
}

/** Lower `word`'s frequency to `suggested` if that is lower, leaving it out at 0; whether it changed. */
function setFrequency(words: TrainedWords, word: string, suggested: number): boolean {
  const frequency = words.frequencies.get(word)!;
  if (suggested >= frequency) return false;
  if (suggested > 0) {
    words.frequencies.set(word, suggested);
  } else {
    words.frequencies.delete(word);
    words.tags.delete(word);
  }
  return true;
}
