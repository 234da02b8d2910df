/**
 * jieba-ts: Chinese word segmentation identical to Python jieba 0.42.1.
 *
 * @example
 * import { cut } from 'jieba-ts';
 * cut('我来到北京清华大学'); // ['我', '来到', '北京', '清华大学']
 *
 * @module
 */

import { Tokenizer } from './tokenizer.js';

export { Tokenizer } from './tokenizer.js';
export type { CutOptions, Token, TokenizeOptions, TokenizerOptions } from './tokenizer.js';
export { DictionaryError } from './dictionary/errors.js';

/** The instance behind the named exports; it loads the dictionary on first use. */
const defaultTokenizer = new Tokenizer();

/**
 * {@link Tokenizer.cut} of the default tokenizer: accurate mode, as
 * Python's `jieba.lcut`.
 *
 * @example
 * cut('他来到了网易杭研大厦'); // ['他', '来到', '了', '网易', '杭研', '大厦']
 */
export const cut: Tokenizer['cut'] = defaultTokenizer.cut.bind(defaultTokenizer);

/**
 * {@link Tokenizer.cutAll} of the default tokenizer: full mode, as Python's
 * `jieba.lcut(text, cut_all=True)`.
 *
 * @example
 * cutAll('我来到北京清华大学'); // ['我', '来到', '北京', '清华', '清华大学', '华大', '大学']
 */
export const cutAll: Tokenizer['cutAll'] = defaultTokenizer.cutAll.bind(defaultTokenizer);

/**
 * {@link Tokenizer.cutForSearch} of the default tokenizer, as Python's
 * `jieba.lcut_for_search`.
 *
 * @example
 * cutForSearch('中国科学院'); // ['中国', '科学', '学院', '科学院', '中国科学院']
 */
export const cutForSearch: Tokenizer['cutForSearch'] = defaultTokenizer.cutForSearch.bind(defaultTokenizer);

/**
 * {@link Tokenizer.tokenize} of the default tokenizer, as Python's
 * `jieba.tokenize`.
 *
 * @example
 * tokenize('永和服装'); // [{ word: '永和', start: 0, end: 2 }, { word: '服装', start: 2, end: 4 }]
 */
export const tokenize: Tokenizer['tokenize'] = defaultTokenizer.tokenize.bind(defaultTokenizer);
