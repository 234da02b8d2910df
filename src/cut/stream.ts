/**
 * Cutting text that arrives in pieces, with the same result as cutting it
 * whole.
 *
 * jieba decides each word inside one block (a run of `re_han_default`
 * characters, or a run of the others), so the text can be cut up to any
 * block boundary without changing anything. Accurate and search modes also
 * treat every character outside the Han blocks on its own, so they can cut
 * between any two such characters (never inside `\r\n` or a surrogate
 * pair); full mode keeps each such block whole (it emits whitespace-separated
 * pieces whole, with empty strings at the block's ends). A piece with no safe
 * point at all (one huge run) waits for more text, as Python would hold it
 * whole.
 *
 * @module
 */

import { isHanDefault, isHanInternal } from '../text/char-classes.js';
import type { CutMode } from './modes.js';

/** What the stream produces: the words of `cut`, `cutAll` or `cutForSearch` (the cut modes' names; kept under this name too). */
export type StreamMode = CutMode;

function isHighSurrogate(cu: number): boolean {
  return cu >= 0xd800 && cu <= 0xdbff;
}

/**
 * Whether `text` may be cut just before index `p` (0 < p < text.length)
 * without changing the result in `mode`.
 */
export function isSafeSplit(text: string, p: number, mode: StreamMode): boolean {
  const before = text.charCodeAt(p - 1);
  const after = text.charCodeAt(p);
  const hanBefore = isHanDefault(before);
  const hanAfter = isHanDefault(after);
  if (hanBefore !== hanAfter) return true; // a block boundary
  if (hanBefore) return false; // inside a run of Han-class characters
  if (isHighSurrogate(before) || (before === 0x0d && after === 0x0a)) return false;
  // Inside a block of other characters: each is a word of its own, except in full mode.
  return mode !== 'all';
}

/**
 * Where a line may be split into parts that are segmented apart, with the
 * same words as the whole line: a rule over the two characters (code
 * points) around the place. Never after `\r`, which a line's end may strip.
 */
export type SplitRule = (before: number, after: number) => boolean;

const CR = 0x0d;

/**
 * The split rule of a way of segmenting: `cut` and `cutForSearch` decide
 * words inside blocks of `re_han_default` characters and treat every other
 * character alone; `cutAll` keeps blocks of other characters whole; POS
 * tagging decides inside blocks of `re_han_internal` characters and treats
 * blocks of others whole; paddle mode reads the whole line, so never.
 *
 * @example
 * splitRuleFor('default')('，'.codePointAt(0)!, '我'.codePointAt(0)!); // true: a block boundary
 * splitRuleFor('tag')('，'.codePointAt(0)!, ' '.codePointAt(0)!); // false: inside one block
 */
export function splitRuleFor(mode: StreamMode | 'tag' | 'whole'): SplitRule {
  switch (mode) {
    case 'default':
    case 'search':
      return (before, after) => before !== CR && (isHanDefault(before) ? !isHanDefault(after) : true);
    case 'all':
      return (before, after) => before !== CR && isHanDefault(before) !== isHanDefault(after);
    case 'tag':
      return (before, after) => before !== CR && isHanInternal(before) !== isHanInternal(after);
    case 'whole':
      return () => false;
  }
}

/**
 * The last place in `text[from, text.length)` where `rule` allows a split
 * (never inside a surrogate pair), or -1.
 *
 * @example
 * lastSplit('我来到北京。他', splitRuleFor('default'), 1); // 6 (before 他)
 */
export function lastSplit(text: string, rule: SplitRule, from: number): number {
  for (let p = text.length - 1; p >= Math.max(from, 1); p--) {
    const before = text.charCodeAt(p - 1);
    if (before >= 0xd800 && before <= 0xdbff) continue;
    const after = text.codePointAt(p)!;
    const start = before >= 0xdc00 && before <= 0xdfff && p >= 2 ? text.codePointAt(p - 2)! : before;
    if (rule(start > 0xffff ? start : before, after)) return p;
  }
  return -1;
}

/**
 * Buffers pieces of text and hands out the longest prefix that can be cut
 * on its own.
 *
 * @example
 * const buffer = new StreamBuffer('default');
 * buffer.push('我来到北'); // '' (the Han run may go on)
 * buffer.push('京。你'); // '我来到北京。'
 * buffer.end(); // '你'
 */
export class StreamBuffer {
  private text = '';
  /** Positions before this one were already found unsafe. */
  private checked = 1;

  constructor(private readonly mode: StreamMode) {}

  /** Add `chunk`; return the text that can be cut now (possibly empty). */
  push(chunk: string): string {
    this.text += chunk;
    let split = -1;
    for (let p = this.text.length - 1; p >= this.checked; p--) {
      if (isSafeSplit(this.text, p, this.mode)) {
        split = p;
        break;
      }
    }
    if (split < 0) {
      // A split point depends only on the two characters around it, so these stay unsafe.
      this.checked = Math.max(1, this.text.length);
      return '';
    }
    const ready = this.text.slice(0, split);
    this.text = this.text.slice(split);
    this.checked = 1;
    return ready;
  }

  /** The rest, at the end of the input. */
  end(): string {
    const rest = this.text;
    this.text = '';
    this.checked = 1;
    return rest;
  }
}
