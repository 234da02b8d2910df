/**
 * Terms for JavaScript search libraries (MiniSearch, FlexSearch, Orama,
 * Lunr): the words of a text as a search index wants them, cut the way
 * jieba advises, search mode (`cut_for_search`: long words and the words
 * inside them) when indexing and accurate mode when querying, so that a
 * query for 大学 finds 清华大学 and a query for 清华大学 finds only it.
 *
 * Whitespace and punctuation are dropped (a term must hold a letter or a
 * digit of some script). Folding is opt-in, so that the default terms are
 * exactly jieba's words: `foldCase` lowercases each term (after cutting,
 * since jieba's dictionary has words such as T恤 and B超),
 * `foldWidth` reads full-width ASCII (ＡＢＣ１２３) as half-width (before
 * cutting, so that ｉＰｈｏｎｅ is one word, as iPhone is), and `stopWords`
 * drops terms (compared after folding).
 *
 * @module
 */

import { booleanOption, describeValue, knownOptions, optionKeys, stringSetOption } from '../options.js';
import type { TokenizerCore } from '../tokenizer.js';
import { hasLetterOrDigit } from '../text/char-classes.js';
import { pythonLower } from '../text/python-lower.js';

/** Every option of `searchTokenizer` and `queryTokenizer`. */
const SEARCH_TERMS_KEYS = optionKeys<SearchTermsOptions>()(['foldCase', 'foldWidth', 'stopWords', 'hmm', 'tokenizer']);

/** Options of {@link createSearchTerms}. */
export interface SearchTermsOptions {
  /**
   * Lowercase every term.
   *
   * @defaultValue false
   */
  foldCase?: boolean;
  /**
   * Read full-width ASCII forms (U+FF01-U+FF5E) and the ideographic space
   * as their half-width characters before cutting.
   *
   * @defaultValue false
   */
  foldWidth?: boolean;
  /**
   * Terms to drop, compared after folding; none by default.
   *
   * @example
   * searchTokenizer({ stopWords: ['的', '了', '和'] });
   */
  stopWords?: Iterable<string> | null;
  /**
   * Find words missing from the dictionary with the HMM.
   *
   * @defaultValue true
   */
  hmm?: boolean;
  /**
   * The tokenizer whose dictionary cuts the text.
   *
   * @defaultValue the default tokenizer
   */
  tokenizer?: TokenizerCore;
}

/** How the terms are cut: for the index (search mode) or for a query (accurate mode). */
export type TermsFor = 'index' | 'query';

/**
 * A function from text to terms (see the module comment), cut for `use`.
 *
 * @throws TypeError for an option of the wrong type
 * @example
 * const terms = createSearchTerms(tokenizer, 'index', { foldCase: true });
 * terms('我在清华大学学习 iPhone'); // ['我', '在', '清华', '华大', '大学', '清华大学', '学习', 'iphone']
 */
export function createSearchTerms(fallback: TokenizerCore, use: TermsFor, options?: SearchTermsOptions | null): (text: string) => string[] {
  const method = use === 'index' ? 'searchTokenizer' : 'queryTokenizer';
  const checked = knownOptions(options, method, SEARCH_TERMS_KEYS);
  const tokenizer = checked.tokenizer ?? fallback;
  if (typeof tokenizer?.tokenizeOffsets !== 'function') {
    throw new TypeError(`jieba-ts: ${method}() option tokenizer must be a Tokenizer, got ${describeValue(tokenizer)}`);
  }
  const foldCase = booleanOption(checked.foldCase, 'foldCase', method, false);
  const foldWidth = booleanOption(checked.foldWidth, 'foldWidth', method, false);
  const hmm = booleanOption(checked.hmm, 'hmm', method, true);
  const stopWords = stringSetOption(checked.stopWords, 'stopWords', method);
  const cutOptions = { mode: use === 'index' ? ('search' as const) : ('default' as const), hmm };
  return (text: string): string[] => {
    if (typeof text !== 'string') throw new TypeError(`jieba-ts: ${method}() expects a string, got ${text === null ? 'null' : typeof text}`);
    const source = foldWidth ? halfWidth(text) : text;
    const offsets = tokenizer.tokenizeOffsets(source, cutOptions);
    const terms: string[] = [];
    for (let i = 0; i < offsets.length; i += 2) {
      let term = source.slice(offsets[i]!, offsets[i + 1]!);
      if (!hasLetterOrDigit(term)) continue;
      if (foldCase) term = pythonLower(term);
      if (stopWords.size > 0 && stopWords.has(term)) continue;
      terms.push(term);
    }
    return terms;
  };
}

/** `text` with full-width ASCII forms and U+3000 read as half-width (one UTF-16 unit for one). */
export function halfWidth(text: string): string {
  let out = '';
  let from = 0;
  for (let i = 0; i < text.length; i++) {
    const cu = text.charCodeAt(i);
    let narrow = -1;
    if (cu >= 0xff01 && cu <= 0xff5e) narrow = cu - 0xfee0;
    else if (cu === 0x3000) narrow = 0x20;
    if (narrow < 0) continue;
    out += text.slice(from, i) + String.fromCharCode(narrow);
    from = i + 1;
  }
  return from === 0 ? text : out + text.slice(from);
}
