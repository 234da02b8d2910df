/**
 * The names of the cut modes, one vocabulary for the API, the command line,
 * the HTTP API (and its OpenAPI document) and the playground.
 *
 * @module
 */

/**
 * The cut modes, as jieba's functions: `'default'` (accurate mode, `cut`),
 * `'all'` (full mode, `cut(cut_all=True)`) and `'search'` (search-engine
 * mode, `cut_for_search`).
 *
 * @example
 * CUT_MODES.includes('search'); // true
 */
export const CUT_MODES = ['default', 'all', 'search'] as const;

/**
 * One of {@link CUT_MODES}.
 *
 * @example
 * const mode: CutMode = 'search';
 */
export type CutMode = (typeof CUT_MODES)[number];

/**
 * The modes of `tokenize`, as Python's `tokenize(text, mode=...)`: the
 * accurate-mode words, or those of search mode with their offsets.
 *
 * @example
 * TOKENIZE_MODES; // ['default', 'search']
 */
export const TOKENIZE_MODES = ['default', 'search'] as const;

/**
 * One of {@link TOKENIZE_MODES}.
 *
 * @example
 * const mode: TokenizeMode = 'default';
 */
export type TokenizeMode = (typeof TOKENIZE_MODES)[number];
