/**
 * What a pool and its workers say to each other: calls of the public API
 * by name, answers, and errors as plain data that the caller's side turns
 * back into the error classes the synchronous API throws.
 *
 * @module
 */

/**
 * The methods a pool runs in its workers, named as on `Tokenizer`, `TfIdf` and `TextRank`.
 *
 * @example
 * POOL_METHODS.includes('tag'); // true: `await pool.tag(text)`
 */
export const POOL_METHODS = ['cut', 'cutAll', 'cutForSearch', 'tokenize', 'tokenizeOffsets', 'tag', 'extractTags', 'textRank'] as const;

/** One of {@link POOL_METHODS}. */
export type PoolMethod = (typeof POOL_METHODS)[number];

/**
 * How each worker makes its tokenizer: plain data, sent to every worker.
 * Paths (in Node.js) or URLs, as `new Tokenizer({ dict })` and
 * `loadUserDict` take them.
 */
export interface PoolSetup {
  /** Main dictionary: `dict.txt` text or a compiled image. */
  dict?: string;
  /** jieba's big dictionary (the package jieba-ts-big) instead. */
  big?: boolean;
  /** A user dictionary loaded at start. */
  userDict?: string;
  /** IDF file for `extractTags` (`setIdf`). */
  idf?: string;
  /** More stop words for `extractTags` and `textRank` (`setStopWords`). */
  stopWords?: string;
}

/** A call: `method(input, options)` in a worker (a {@link PoolMethod}, or one a worker adds, such as the HTTP server's). */
export interface PoolCall {
  readonly id: number;
  readonly method: string;
  readonly input: string | Uint8Array;
  readonly options: object | undefined;
}

/** What a pool sends a worker: calls to answer in order, in one message (one event and one copy for many small calls). */
export interface PoolBatch {
  readonly calls: readonly PoolCall[];
}

/** An error, as data. */
export interface PoolErrorData {
  readonly name: string;
  readonly message: string;
  /** `InvalidUtf8Error`'s offset. */
  readonly byteOffset?: number;
  /** `DictionaryError`'s source and line. */
  readonly source?: string;
  readonly line?: number;
}

/** What a worker says. */
export type PoolReply =
  | { readonly type: 'ready' }
  | { readonly type: 'failed'; readonly error: PoolErrorData }
  | { readonly type: 'answer'; readonly id: number; readonly value: unknown }
  | { readonly type: 'error'; readonly id: number; readonly error: PoolErrorData }
  | { readonly type: 'warning'; readonly message: string }
  | { readonly type: 'answers'; readonly replies: readonly PoolReply[] };

/**
 * `error` as data.
 *
 * @example
 * errorData(new TypeError('bad')); // { name: 'TypeError', message: 'bad' }
 */
export function errorData(error: unknown): PoolErrorData {
  if (!(error instanceof Error)) return { name: 'Error', message: String(error) };
  const { byteOffset, source, line } = error as { byteOffset?: unknown; source?: unknown; line?: unknown };
  return {
    name: error.name,
    message: error.message,
    ...(typeof byteOffset === 'number' ? { byteOffset } : {}),
    ...(typeof source === 'string' ? { source } : {}),
    ...(typeof line === 'number' ? { line } : {}),
  };
}
