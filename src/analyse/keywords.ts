/**
 * Keyword extraction: `jieba.analyse`'s TF-IDF (`extract_tags`) and
 * TextRank (`textrank`), computed with the same floating-point operations in
 * the same order, so weights, and the order of ties, come out identical.
 *
 * @module
 */

import { booleanOption, describeValue, knownOptions, optionKeys } from '../options.js';
import { SCRATCH_KEEP } from '../scratch.js';
import type { TaggedWord } from '../tokenizer.js';
import { isHanChar, pythonSplitLines } from '../text/char-classes.js';
import { pythonLower } from '../text/python-lower.js';
import { comparePython, pythonLength, pythonStrip } from '../text/python-str.js';
import type { IdfTable } from '../dictionary/idf-table.js';
import { countSpans } from './span-counts.js';
import { WordNodeBuffer } from '../text/spans.js';
import type { StaticTrie } from '../dictionary/static-trie.js';
import { DROPPED, type Verdict, WordTally } from './word-tally.js';
import { UNKNOWN } from './verdict-memo.js';
import { pythonSortedIndices } from '../math/python-sort.js';

/** Every option of `extractTags` and `textRank`. */
const KEYWORD_KEYS = optionKeys<KeywordOptions>()(['topK', 'withWeight', 'allowPOS', 'withFlag']);

/** Options of TF-IDF and TextRank keyword extraction. */
export interface KeywordOptions {
  /**
   * How many keywords to return; `0` or `null` for all (Python's `if topK:`).
   * A negative number drops that many from the end, as a Python slice does.
   *
   * @defaultValue 20
   * @example
   * extractTags(text, { topK: 5 });
   */
  topK?: number | null;
  /**
   * Return `{ word, weight }` objects instead of words.
   *
   * @defaultValue false
   * @example
   * extractTags(text, { withWeight: true }); // [{ word: '网络安全', weight: 0.84 }, ...]
   */
  withWeight?: boolean;
  /**
   * Keep only words with these POS tags. For TF-IDF the default is none
   * (every word, without tagging); for TextRank `['ns', 'n', 'vn', 'v']`.
   *
   * @example
   * extractTags(text, { allowPOS: ['n', 'nr', 'ns'] });
   */
  allowPOS?: readonly string[];
  /**
   * Return the tag with each keyword (`{ word, tag }`), and count a word
   * with two tags as two keywords, as Python does with `withFlag=True`.
   * TF-IDF needs `allowPOS` for it.
   *
   * @defaultValue false
   * @example
   * extractTags(text, { allowPOS: ['n', 'v'], withFlag: true }); // [{ word: '会议', tag: 'n' }, ...]
   */
  withFlag?: boolean;
}

/** A keyword with its weight. */
export interface WeightedKeyword {
  word: string;
  weight: number;
}

/** A keyword with its POS tag. */
export interface TaggedKeyword {
  word: string;
  tag: string;
}

/** A keyword with its POS tag and weight. */
export interface WeightedTaggedKeyword extends TaggedKeyword {
  weight: number;
}

/** Any keyword result. */
export type Keyword = string | WeightedKeyword | TaggedKeyword | WeightedTaggedKeyword;


/** The word segmentation a keyword extractor runs on. */
export interface KeywordSource {
  cut(text: string): string[];
  tag(text: string): TaggedWord[];
  /** The words of `cut(text)` as offsets; used, when there, to count without a string per word. */
  tokenizeOffsets?(text: string): Int32Array;
  /**
   * The words of `cut(text)` two or more UTF-16 units long, with their
   * dictionary nodes, into `out`; returns the trie the nodes belong to, or
   * undefined (writing nothing) when it cannot.
   *
   * @internal
   */
  segmentLongWords?(text: string, out: WordNodeBuffer): StaticTrie | undefined;
  /**
   * The words of `tag(text)` two or more UTF-16 units long whose tag is in
   * `allow`, into `out`, with node -1; returns the trie to find nodes in.
   *
   * @internal
   */
  taggedLongWords?(text: string, allow: ReadonlySet<string>, out: WordNodeBuffer): StaticTrie;
}

/** Memory a TF-IDF extractor keeps between texts for {@link extractTfIdf}'s fast path. */
export class TfIdfScratch {
  readonly words = new WordNodeBuffer();
  readonly tally = new WordTally();
  weights = new Float64Array(256);

  ensure(size: number): void {
    if (this.weights.length < size) this.weights = new Float64Array(2 * size);
  }

  /** Whether a huge document made this scratch larger than is kept between calls (see `SCRATCH_KEEP`). */
  get oversized(): boolean {
    return this.words.oversized || this.weights.length > SCRATCH_KEEP || this.tally.starts.length > SCRATCH_KEEP;
  }
}

/** `KeywordExtractor.STOP_WORDS` of jieba.analyse. */
export const DEFAULT_STOP_WORDS: readonly string[] = [
  'the', 'of', 'is', 'and', 'to', 'in', 'that', 'we', 'for', 'an', 'are', 'by', 'be', 'as', 'on', 'with', 'can', 'if',
  'from', 'which', 'you', 'it', 'this', 'then', 'at', 'have', 'all', 'not', 'one', 'has', 'or',
];

/** Python's `text.lower()` (see `pythonLower`), skipping the call for the usual word. */
function lower(text: string): string {
  // Most words are Han or plain ASCII without capitals, which have no
  // lower-case mapping.
  for (let i = 0; i < text.length; i++) {
    const cu = text.charCodeAt(i);
    if (cu < 0x80 ? cu >= 0x41 && cu <= 0x5a : cu < 0x3000 || cu >= 0xa000) return pythonLower(text);
  }
  return text;
}

/**
 * Stop words of one extractor: the default English ones, plus every line
 * of each file given to {@link StopWords.add} (Python adds, never removes).
 */
export class StopWords {
  readonly #words = new Set<string>(DEFAULT_STOP_WORDS);
  #version = 0;
  #hasHan = false;

  /**
   * Whether some stop word holds a Han character (`isHanChar`). While none
   * does, no word of Han characters alone is a stop word, and TF-IDF
   * decides such words without making their strings.
   */
  get hasHan(): boolean {
    return this.#hasHan;
  }

  /** Goes up each time words are added, so remembered verdicts can tell they are stale. */
  get version(): number {
    return this.#version;
  }

  /**
   * Add each line of `text` (split as Python's `splitlines()`, kept
   * as it is: not stripped).
   *
   * @example
   * stopWords.add('的\n了\n');
   */
  add(text: string): this {
    for (const line of pythonSplitLines(text)) {
      this.#words.add(line);
      if (!this.#hasHan && hasHanUnit(line, 0, line.length)) this.#hasHan = true;
    }
    this.#version++;
    return this;
  }

  /** Whether `word`, lower-cased, is a stop word. */
  has(word: string): boolean {
    return this.#words.has(lower(word));
  }
}

/** Whether `text.slice(start, end)` holds a Han character (`isHanChar`). */
function hasHanUnit(text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) if (isHanChar(text.charCodeAt(i))) return true;
  return false;
}

/**
 * TF-IDF's verdict on `text.slice(start, end)` where it needs no string:
 * a word of two or more Han characters (`isHanChar`), while no stop word
 * holds one. Python's test then passes (`strip()` and `lower()` leave the
 * word as it is, its length is its length in code points, and it is no
 * stop word), and the IDF index is read from the span. {@link UNKNOWN} for
 * any other word (the caller judges its string).
 */
function plainHanVerdict(idf: IdfTable, stopWords: StopWords, text: string, start: number, end: number): Verdict {
  if (end - start < 2 || stopWords.hasHan) return UNKNOWN;
  for (let i = start; i < end; i++) if (!isHanChar(text.charCodeAt(i))) return UNKNOWN;
  return idf.indexAt(text, start, end);
}

/** The part of a word list keyword filters look at: Python's `len(w.strip()) < 2 or w.lower() in stop_words`. */
function rejected(word: string, stopWords: StopWords): boolean {
  return pythonLength(pythonStrip(word)) < 2 || stopWords.has(word);
}

/**
 * The options of a keyword method, checked: `topK` an integer or null (as
 * Python slices with it, a negative one drops words from the end),
 * `allowPOS` a list of tags, `withWeight` and `withFlag` booleans.
 */
function keywordOptions(options: KeywordOptions | null | undefined, method: string): {
  topK: number | null;
  allowPOS: readonly string[] | undefined;
  withWeight: boolean;
  withFlag: boolean;
} {
  const checked = knownOptions(options, method, KEYWORD_KEYS);
  const topK = checked.topK;
  if (topK !== undefined && topK !== null && !Number.isInteger(topK)) {
    throw new TypeError(`jieba-ts: ${method}() option topK must be an integer or null, got ${describeValue(topK)}`);
  }
  const allowPOS = checked.allowPOS;
  if (allowPOS !== undefined && !(Array.isArray(allowPOS) && allowPOS.every((tag) => typeof tag === 'string'))) {
    throw new TypeError(`jieba-ts: ${method}() option allowPOS must be an array of tags such as ['ns', 'n'], got ${describeValue(allowPOS)}`);
  }
  return {
    topK: topK === undefined ? 20 : topK,
    allowPOS,
    withWeight: booleanOption(checked.withWeight, 'withWeight', method, false),
    withFlag: booleanOption(checked.withFlag, 'withFlag', method, false),
  };
}

/** Python's `tags[:topK] if topK else tags`. */
function top<T>(items: T[], topK: number | null): T[] {
  return topK ? items.slice(0, topK) : items;
}

/**
 * The order Python's `sorted(..., key=weight, reverse=True)[:topK]` gives
 * the first `n` of `weights`, as indices: descending and stable, so ties
 * keep their order. With a positive `topK` below `n`, a bounded min-heap
 * keeps the best `topK` (the worst at its root, "worse" meaning a lower
 * weight, or an equal weight and a later index) and only those are sorted.
 */
function rankByWeight(weights: ArrayLike<number>, n: number, topK: number | null): number[] {
  let hasNaN = false;
  for (let i = 0; i < n && !hasNaN; i++) hasNaN = Number.isNaN(weights[i]);
  if (hasNaN) {
    // NaN weights (from an IDF file that says "nan") make `<` no order at
    // all: the order is whatever CPython's sort makes of them, so sort as it does.
    return top(pythonSortedIndices(Array.from({ length: n }, (_, i) => weights[i]!), true), topK);
  }
  if (!topK || topK < 0 || n <= topK) {
    const all = Array.from({ length: n }, (_, i) => i);
    all.sort((a, b) => (weights[a]! < weights[b]! ? 1 : weights[a]! > weights[b]! ? -1 : 0));
    return top(all, topK);
  }
  const heap: number[] = [];
  for (let index = 0; index < n; index++) {
    if (heap.length < topK) {
      heap.push(index);
      for (let i = heap.length - 1; i > 0; ) {
        const parent = (i - 1) >> 1;
        if (!worse(weights, heap[i]!, heap[parent]!)) break;
        [heap[i], heap[parent]] = [heap[parent]!, heap[i]!];
        i = parent;
      }
    } else if (worse(weights, heap[0]!, index)) {
      heap[0] = index;
      siftDown(weights, heap);
    }
  }
  return heap.sort((a, b) => (worse(weights, a, b) ? 1 : worse(weights, b, a) ? -1 : 0));
}

// (Functions of the module, not closures per call: the bundle keeps names,
// which costs a property definition per closure made, per keyword call.)

/** Whether index `a` ranks after index `b`: a lower weight, or an equal weight and a later index. */
function worse(weights: ArrayLike<number>, a: number, b: number): boolean {
  return weights[a]! < weights[b]! || (weights[a] === weights[b] && a > b);
}

/** Restore the min-heap (by {@link worse}) after its root was replaced. */
function siftDown(weights: ArrayLike<number>, heap: number[]): void {
  for (let i = 0; ; ) {
    const l = 2 * i + 1;
    const r = l + 1;
    let m = i;
    if (l < heap.length && worse(weights, heap[l]!, heap[m]!)) m = l;
    if (r < heap.length && worse(weights, heap[r]!, heap[m]!)) m = r;
    if (m === i) return;
    [heap[i], heap[m]] = [heap[m]!, heap[i]!];
    i = m;
  }
}

/** `sorted(items, key=weight, reverse=True)[:topK]`, by {@link rankByWeight}. */
function topByWeight<T extends { weight: number }>(items: T[], topK: number | null): T[] {
  const weights = Float64Array.from(items, (item) => item.weight);
  return rankByWeight(weights, items.length, topK).map((index) => items[index]!);
}

interface Candidate {
  word: string;
  tag: string;
  weight: number;
}

function shape(items: Candidate[], withWeight: boolean, withFlag: boolean): Keyword[] {
  return items.map(({ word, tag, weight }) =>
    withFlag ? (withWeight ? { word, tag, weight } : { word, tag }) : withWeight ? { word, weight } : word,
  );
}

/**
 * TF-IDF keywords, as `jieba.analyse.TFIDF.extract_tags`: each word's count
 * times its IDF (the median IDF for unknown words) over the number of
 * counted words, skipping words shorter than two characters and stop words.
 */
export function extractTfIdf(
  source: KeywordSource,
  idf: IdfTable,
  stopWords: StopWords,
  text: string,
  options: KeywordOptions,
  scratch?: TfIdfScratch,
): Keyword[] {
  const { topK, allowPOS, withWeight, withFlag } = keywordOptions(options, 'extractTags');
  const allow = new Set(allowPOS ?? []);
  const tagged = allow.size > 0;
  if (withFlag && !tagged) {
    throw new RangeError('jieba-ts: extractTags() withFlag needs allowPOS (Python ignores withFlag without it)');
  }
  // Count first, then judge each distinct word once: rejection depends on
  // the word alone, and dropping rejected words afterwards keeps the
  // first-occurrence order of the rest (Python's dict order).
  if (!tagged && scratch && source.segmentLongWords) {
    scratch.words.clear();
    const trie = source.segmentLongWords(text, scratch.words);
    if (trie) return tfIdfByNode(text, trie, idf, stopWords, scratch, topK, withWeight);
  }
  if (tagged && !withFlag && scratch && source.taggedLongWords) {
    // Keyed by the word alone, as without allowPOS: the same counting.
    scratch.words.clear();
    const trie = source.taggedLongWords(text, allow, scratch.words);
    return tfIdfByNode(text, trie, idf, stopWords, scratch, topK, withWeight);
  }
  let distinct: Iterable<Candidate>;
  if (tagged) {
    const freq = new Map<string, Candidate>();
    for (const { word, tag } of source.tag(text)) {
      if (!allow.has(tag)) continue;
      const key = withFlag ? JSON.stringify([word, tag]) : word;
      const entry = freq.get(key);
      if (entry) entry.weight += 1;
      else freq.set(key, { word, tag, weight: 1 });
    }
    distinct = freq.values();
  } else if (source.tokenizeOffsets) {
    distinct = spanCandidates(text, source.tokenizeOffsets(text));
  } else {
    const freq = new Map<string, Candidate>();
    for (const word of source.cut(text)) {
      const entry = freq.get(word);
      if (entry) entry.weight += 1;
      else freq.set(word, { word, tag: '', weight: 1 });
    }
    distinct = freq.values();
  }
  const kept: Candidate[] = [];
  let total = 0;
  for (const entry of distinct) {
    if (rejected(entry.word, stopWords)) continue;
    kept.push(entry);
    total += entry.weight;
  }
  for (const entry of kept) entry.weight *= idf.idf(entry.word) / total;
  return shape(topByWeight(kept, topK), withWeight, withFlag);
}

/** The distinct words at `offsets` in `text` with their counts, in order of first occurrence. */
function spanCandidates(text: string, offsets: Int32Array): Candidate[] {
  const { starts, ends, counts, size } = countSpans(text, offsets);
  const list: Candidate[] = new Array(size);
  for (let i = 0; i < size; i++) list[i] = { word: text.slice(starts[i]!, ends[i]!), tag: '', weight: counts[i]! };
  return list;
}

/**
 * {@link extractTfIdf} without POS filters, on words keyed by dictionary
 * node (see {@link WordTally}): the same words, counts, weights and order,
 * with strings made only for the keywords returned and for words met for
 * the first time.
 */
function tfIdfByNode(
  text: string,
  trie: StaticTrie,
  idf: IdfTable,
  stopWords: StopWords,
  scratch: TfIdfScratch,
  topK: number | null,
  withWeight: boolean,
): Keyword[] {
  const tally = scratch.tally;
  tally.count(
    text,
    scratch.words,
    trie,
    idf,
    stopWords.version,
    (word) => (rejected(word, stopWords) ? DROPPED : idf.indexOf(word)),
    (span, start, end) => plainHanVerdict(idf, stopWords, span, start, end),
  );
  scratch.ensure(tally.size);
  const { starts, ends, counts, idfIndices, size, total } = tally;
  const weights = scratch.weights;
  // Python: freq[k] *= idf_freq.get(k, median_idf) / total
  for (let i = 0; i < size; i++) weights[i] = counts[i]! * (idf.valueAt(idfIndices[i]!) / total);
  return rankByWeight(weights, size, topK).map((i) => {
    const word = text.slice(starts[i]!, ends[i]!);
    return withWeight ? { word, weight: weights[i]! } : word;
  });
}

const DAMPING = 0.85;
/** Python's `sys.float_info[0]` (max) and `sys.float_info[3]` (min_exp, an int: jieba's quirk). */
const FLOAT_MAX = 1.7976931348623157e308;
const MIN_EXP = -1021;

/**
 * TextRank keywords, as `jieba.analyse.TextRank.textrank`: words whose tag
 * is allowed, two characters or more and not stop words, linked when they
 * occur within 5 words of each other, ranked by 10 rounds of weighted
 * PageRank (in sorted word order, updating in place), then scaled.
 */
export function extractTextRank(source: KeywordSource, stopWords: StopWords, text: string, options: KeywordOptions): Keyword[] {
  const checked = keywordOptions(options, 'textRank');
  const topK = checked.topK;
  const allow = new Set(checked.allowPOS ?? ['ns', 'n', 'vn', 'v']);
  const withFlag = checked.withFlag && allow.size > 0;
  const span = 5;
  const words = source.tag(text);
  const accepted = words.map(({ word, tag }) => allow.has(tag) && !rejected(word, stopWords));
  const keyOf = (i: number): string => (withFlag ? JSON.stringify([words[i]!.word, words[i]!.tag]) : words[i]!.word);

  // Each accepted word's key as a number (distinct keys numbered in order),
  // so that a pair's key is a number too, not a string made per pair.
  const ids = new Int32Array(words.length);
  const idOfKey = new Map<string, number>();
  for (let i = 0; i < words.length; i++) {
    if (!accepted[i]) continue;
    const key = keyOf(i);
    let id = idOfKey.get(key);
    if (id === undefined) idOfKey.set(key, (id = idOfKey.size));
    ids[i] = id;
  }
  const distinct = idOfKey.size;
  // Co-occurrence counts, in first-occurrence order (Python's defaultdict;
  // a Map keeps numbers in insertion order as it does strings).
  const counts = new Map<number, { from: number; to: number; count: number }>();
  for (let i = 0; i < words.length; i++) {
    if (!accepted[i]) continue;
    for (let j = i + 1; j < i + span && j < words.length; j++) {
      if (!accepted[j]) continue;
      // (Exact: fewer than 2^26 distinct words, so the key stays below 2^53.)
      const key = ids[i]! * distinct + ids[j]!;
      const entry = counts.get(key);
      if (entry) entry.count++;
      else counts.set(key, { from: i, to: j, count: 1 });
    }
  }

  // The graph: each edge listed under both ends, nodes in first-insertion
  // order (by key number; edges point at their nodes, so that the rounds
  // below look nothing up).
  interface Node {
    word: string;
    tag: string;
    edges: { to: Node; weight: number }[];
    out: number;
    rank: number;
  }
  const byId: (Node | undefined)[] = new Array(distinct);
  const graph: Node[] = [];
  const node = (i: number): Node => {
    let n = byId[ids[i]!];
    if (!n) graph.push((byId[ids[i]!] = n = { word: words[i]!.word, tag: words[i]!.tag, edges: [], out: 0, rank: 0 }));
    return n;
  };
  for (const { from, to, count } of counts.values()) {
    const a = node(from);
    const b = node(to);
    a.edges.push({ to: b, weight: count });
    b.edges.push({ to: a, weight: count });
  }

  const initial = 1 / (graph.length || 1);
  for (const n of graph) {
    n.rank = initial;
    let sum = 0;
    for (const e of n.edges) sum += e.weight;
    n.out = sum;
  }
  // Python sorts the keys: words by code point; (word, tag) pairs by word only, stably.
  const order = [...graph].sort((a, b) => comparePython(a.word, b.word));
  for (let round = 0; round < 10; round++) {
    for (const n of order) {
      let s = 0;
      for (const e of n.edges) s += (e.weight / e.to.out) * e.to.rank;
      n.rank = 1 - DAMPING + DAMPING * s;
    }
  }
  let minRank = FLOAT_MAX;
  let maxRank = MIN_EXP;
  for (const n of graph) {
    if (n.rank < minRank) minRank = n.rank;
    if (n.rank > maxRank) maxRank = n.rank;
  }
  const ranked = graph.map((n) => ({
    word: n.word,
    tag: n.tag,
    weight: (n.rank - minRank / 10) / (maxRank - minRank / 10),
  }));
  return shape(topByWeight(ranked, topK), checked.withWeight, withFlag);
}
