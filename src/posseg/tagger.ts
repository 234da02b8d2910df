/**
 * Part-of-speech tagging: `jieba.posseg`'s `POSTokenizer.cut`. It does not
 * reuse `cut`: it has its own text classes (no `%` or `-` with the Han
 * characters), its own treatment of unknown words (the POS HMM instead of
 * finalseg), and tags `m`, `eng` and `x` by rules.
 *
 * @module
 */

import type { SpanBuffer } from '../text/spans.js';
import type { Dictionary } from '../dictionary/dictionary.js';
import type { PrefixDictionary, WordTags } from '../dictionary/prefix-dictionary.js';
import { bestRoute, RouteScratch } from '../route/route.js';
import { charLengthAt, isAsciiAlnum, isDigitOrDot, isHanChar, isHanInternal, isPythonSpace } from '../text/char-classes.js';
import { POS_B, POS_E, POS_S, type PosModel } from './model.js';
import { RealPathViterbi } from './real-path-viterbi.js';
import { RUN_CACHE_LONGEST, RunCache } from './run-cache.js';
import { posViterbi, PosViterbiScratch } from './viterbi.js';
import { WasmRealPathViterbi } from './wasm-real-path.js';

/**
 * Words as spans, with one tag per span: `tags[i]` for `i < spans.length`.
 * `tags` is reused from call to call and may hold more entries, left from
 * an earlier text, past those (an array emptied for every text would grow
 * again, a new backing store each time, for every call).
 */
export interface TaggedSpans {
  readonly spans: SpanBuffer;
  readonly tags: string[];
  /**
   * When present, `nodes[i]` is written for every span: the base-trie node
   * of a word the route chose from a dictionary without added words, else
   * -1. TF-IDF with allowPOS counts words by node, as plain TF-IDF does,
   * instead of looking each one up in the trie again. Reused as `tags` is.
   */
  readonly nodes?: number[];
}

/**
 * The tag of a piece of a non-Han block by its first unit: `m` for digits
 * and dots, `eng` for ASCII letters, `x` for the rest. (A function of the
 * module, not a closure per call: the bundle keeps names, which costs a
 * property definition per closure made.)
 */
function detailTag(text: string, from: number): string {
  const cu = text.charCodeAt(from);
  return isDigitOrDot(cu) ? 'm' : isAsciiAlnum(cu) ? 'eng' : 'x';
}

/**
 * The tagger of one tokenizer: its dictionary's frequencies for the route,
 * the tags of a tag dictionary (posseg's `word_tag_tab`, usually the same
 * dictionary) overridden by tags given with added words, and the POS model.
 */
export class PosTagger {
  private readonly route = new RouteScratch();
  private readonly scratch = new PosViterbiScratch();
  /**
   * The decoder of runs whose best path is real, compiled, and the same in
   * JavaScript where WebAssembly is unavailable; `posViterbi` takes the
   * runs they decline.
   */
  private readonly compiledPath = new WasmRealPathViterbi();
  private readonly realPath = new RealPathViterbi();
  /** Paths of recent runs: the model is this tagger's for good, so a run's path never changes. */
  private readonly runs = new RunCache();

  /** Give back scratch memory a huge text made this tagger take. */
  shrink(): void {
    this.route.shrink();
    this.scratch.shrink();
  }

  constructor(
    private readonly dict: Dictionary,
    private readonly tagSource: PrefixDictionary,
    private readonly userTags: ReadonlyMap<string, string>,
    private readonly model: PosModel,
  ) {}

  /** `word_tag_tab.get(word, 'x')`. */
  private wordTag(text: string, start: number, end: number): string {
    if (this.userTags.size > 0) {
      const tag = this.userTags.get(text.slice(start, end));
      if (tag !== undefined) return tag;
    }
    return this.tagSource.tagOf(text, start, end) ?? 'x';
  }

  private emit(out: TaggedSpans, start: number, end: number, tag: string, node = -1): void {
    out.spans.push(start, end);
    out.tags[out.spans.length - 1] = tag;
    if (out.nodes !== undefined) out.nodes[out.spans.length - 1] = node;
  }

  /**
   * Append the tagged words of `text` to `out`, as
   * `jieba.posseg.lcut(text, HMM=hmm)` lists them.
   */
  tag(text: string, hmm: boolean, out: TaggedSpans): void {
    const length = text.length;
    let i = 0;
    while (i < length) {
      let j = i + 1;
      if (isHanInternal(text.charCodeAt(i))) {
        while (j < length && isHanInternal(text.charCodeAt(j))) j++;
        if (hmm) this.cutWithHmm(text, i, j, out);
        else this.cutWithoutHmm(text, i, j, out);
      } else {
        while (j < length && !isHanInternal(text.charCodeAt(j))) j++;
        this.tagOther(text, i, j, out);
      }
      i = j;
    }
  }

  /**
   * A block outside `re_han_internal`: split on `(\r\n|\s)`; separators are
   * `x`; every other character is `m` if it is a digit or a dot, else `eng`
   * if its piece starts with an ASCII letter or digit (Python tests the
   * piece there, not the character), else `x`.
   */
  private tagOther(text: string, start: number, end: number, out: TaggedSpans): void {
    let piece = start;
    for (let i = start; i < end; ) {
      const cu = text.charCodeAt(i);
      const separator = cu === 0x0d && i + 1 < end && text.charCodeAt(i + 1) === 0x0a ? 2 : isPythonSpace(cu) ? 1 : 0;
      if (separator > 0) {
        this.emit(out, i, i + separator, 'x');
        i += separator;
        piece = i;
        continue;
      }
      const step = charLengthAt(text, i);
      const tag = isDigitOrDot(cu) ? 'm' : isAsciiAlnum(text.charCodeAt(piece)) ? 'eng' : 'x';
      this.emit(out, i, i + step, tag);
      i += step;
    }
  }

  /** posseg's `__cut_DAG`: the route, with runs of single characters sent to {@link cutDetail}. */
  private cutWithHmm(text: string, start: number, end: number, out: TaggedSpans): void {
    bestRoute(this.dict, text, start, end, this.route);
    const routeEnd = this.route.routeEnd;
    const routeNode = this.route.routeNode;
    // The route knows each word's node in the base trie; when that trie is
    // also where tags come from (the usual case), the tag is read by node.
    const tags = this.dict.isPristine && this.tagSource === this.dict.base && this.userTags.size === 0 ? this.tagSource.tags : undefined;
    // Nodes are the base trie's only while no word was added (the route fills them only then).
    const pristine = this.dict.isPristine;
    let run = -1;
    for (let x = start; x < end; ) {
      const y = routeEnd[x - start]!;
      if (y - x === 1) {
        if (run < 0) run = x;
      } else {
        if (run >= 0) {
          this.flushRun(text, run, x, out, tags, routeNode, start);
          run = -1;
        }
        const node = pristine ? routeNode[x - start]! : -1;
        this.emit(out, x, y, tags ? tags.names[tags.nodes[node]!] || 'x' : this.wordTag(text, x, y), node);
      }
      x = y;
    }
    if (run >= 0) this.flushRun(text, run, end, out, tags, routeNode, start);
  }

  /**
   * A run of single characters of the route: one character is tagged alone
   * (by its node, when the route found it in the tag trie, as a word; a
   * character that is no word may still have a tag, a key of frequency 0
   * keeping its tag in Python's `word_tag_tab`, so it is looked up), a run
   * the dictionary holds whole is tagged character by character, and any
   * other goes to {@link cutDetail}.
   */
  private flushRun(
    text: string,
    start: number,
    end: number,
    out: TaggedSpans,
    tags: WordTags | undefined,
    routeNode: Int32Array,
    blockStart: number,
  ): void {
    if (end - start === 1) {
      const node = routeNode[start - blockStart]!;
      this.emit(out, start, end, tags && node >= 0 ? tags.names[tags.nodes[node]!] || 'x' : this.wordTag(text, start, end));
    } else if (this.dict.frequencyOf(text, start, end) <= 0) {
      this.cutDetail(text, start, end, out);
    } else {
      for (let i = start; i < end; i++) this.emit(out, i, i + 1, this.wordTag(text, i, i + 1));
    }
  }

  /**
   * posseg's `__cut_detail`: Han runs through the POS HMM; the rest split by
   * `([\.0-9]+|[a-zA-Z0-9]+)`, each piece `m` if it starts with a digit or
   * dot, `eng` if with a letter, else `x`.
   */
  private cutDetail(text: string, start: number, end: number, out: TaggedSpans): void {
    let i = start;
    while (i < end) {
      let j = i;
      if (isHanChar(text.charCodeAt(i))) {
        while (j < end && isHanChar(text.charCodeAt(j))) j++;
        this.cutHan(text, i, j, out);
      } else {
        while (j < end && !isHanChar(text.charCodeAt(j))) j++;
        this.splitDetail(text, i, j, out);
      }
      i = j;
    }
  }

  private splitDetail(text: string, start: number, end: number, out: TaggedSpans): void {
    let piece = start;
    for (let i = start; i < end; ) {
      const cu = text.charCodeAt(i);
      let j = i;
      // The first alternative wins where both could match: at a digit, [\.0-9]+.
      if (isDigitOrDot(cu)) while (j < end && isDigitOrDot(text.charCodeAt(j))) j++;
      else if (isAsciiAlnum(cu)) while (j < end && isAsciiAlnum(text.charCodeAt(j))) j++;
      if (j === i) {
        i += charLengthAt(text, i);
        continue;
      }
      if (piece < i) this.emit(out, piece, i, detailTag(text, piece));
      this.emit(out, i, j, detailTag(text, i));
      piece = i = j;
    }
    if (piece < end) this.emit(out, piece, end, detailTag(text, piece));
  }

  /** posseg's `__cut`: the Viterbi path turned into tagged words. */
  private cutHan(text: string, start: number, end: number, out: TaggedSpans): void {
    const model = this.model;
    const length = end - start;
    const runs = this.runs;
    const slot = runs.slotOf(text, start, end);
    let path: Uint8Array;
    let at = 0;
    if (slot >= 0 && runs.holds(slot, text, start, end)) {
      path = runs.paths;
      at = slot * RUN_CACHE_LONGEST;
    } else {
      const decided = this.compiledPath.decode(model, text, start, end);
      if (decided === true) {
        path = this.compiledPath.path;
      } else if (decided === undefined && this.realPath.decode(model, text, start, end)) {
        path = this.realPath.path;
      } else {
        posViterbi(model, text, start, end, this.scratch);
        path = this.scratch.path;
      }
      if (slot >= 0) runs.store(slot, text, start, end, path);
    }
    let begin = 0;
    let next = 0;
    for (let t = 0; t < length; t++) {
      const state = path[at + t]!;
      const position = model.position[state];
      if (position === POS_B) {
        begin = t;
      } else if (position === POS_E) {
        this.emit(out, start + begin, start + t + 1, model.tags[state]!);
        next = t + 1;
      } else if (position === POS_S) {
        this.emit(out, start + t, start + t + 1, model.tags[state]!);
        next = t + 1;
      }
    }
    if (next < length) this.emit(out, start + next, end, model.tags[path[at + next]!]!);
  }

  /** posseg's `__cut_DAG_NO_HMM`: routed words, single ASCII letters and digits glued as `eng`. */
  private cutWithoutHmm(text: string, start: number, end: number, out: TaggedSpans): void {
    bestRoute(this.dict, text, start, end, this.route);
    const routeEnd = this.route.routeEnd;
    const routeNode = this.route.routeNode;
    // The route knows each word's node in the base trie; when that trie is
    // also where tags come from (the usual case), the tag is read by node.
    const tags = this.dict.isPristine && this.tagSource === this.dict.base && this.userTags.size === 0 ? this.tagSource.tags : undefined;
    let run = -1;
    for (let x = start; x < end; ) {
      const y = routeEnd[x - start]!;
      if (y - x === 1 && isAsciiAlnum(text.charCodeAt(x))) {
        if (run < 0) run = x;
      } else {
        if (run >= 0) {
          this.emit(out, run, x, 'eng');
          run = -1;
        }
        // A character alone that is no word (-1) may still have a tag: a key of frequency 0 keeps its tag in Python's word_tag_tab.
        const node = routeNode[x - start]!;
        this.emit(out, x, y, tags && node >= 0 ? tags.names[tags.nodes[node]!] || 'x' : this.wordTag(text, x, y));
      }
      x = y;
    }
    if (run >= 0) this.emit(out, run, end, 'eng');
  }
}
