/**
 * A pool worker's side, whatever the runtime: make the tokenizer and the
 * keyword extractors from the setup, then answer calls one at a time.
 *
 * @module
 */

import { BIG_DICTIONARY, TextRank, TfIdf, Tokenizer } from '../index.js';
import type { PackableMethod } from '../tokenizer.js';
import { errorData, POOL_METHODS, type PoolCall, type PoolMethod, type PoolReply, type PoolSetup } from './protocol.js';

/** A tokenizer with the keyword extractors that share it. */
export interface PoolEngine {
  readonly tokenizer: Tokenizer;
  readonly tfidf: TfIdf;
  readonly textRank: TextRank;
}

/**
 * The engine `setup` describes, with every model loaded (so that no call
 * pays for a first use).
 *
 * @throws what `new Tokenizer`, `loadUserDict`, `setIdf` and `setStopWords` throw
 * @example
 * const engine = makeEngine({ userDict: 'userdict.txt' });
 */
export function makeEngine(setup: PoolSetup): PoolEngine {
  const tokenizer = new Tokenizer({ dict: setup.big ? BIG_DICTIONARY : setup.dict, eager: true });
  if (setup.userDict !== undefined) tokenizer.loadUserDict(setup.userDict);
  const tfidf = new TfIdf(tokenizer);
  const textRank = new TextRank(tokenizer);
  if (setup.idf !== undefined) tfidf.setIdf(setup.idf);
  if (setup.stopWords !== undefined) {
    tfidf.setStopWords(setup.stopWords);
    textRank.setStopWords(setup.stopWords);
  }
  tokenizer.tag('预热');
  tfidf.extractTags('预热');
  return { tokenizer, tfidf, textRank };
}

/**
 * Answer a call of the public API: its value (packed, for the methods
 * `Tokenizer.packed` packs), or the error the synchronous method threw, as
 * data.
 *
 * @example
 * answerCall(engine, { id: 1, method: 'cut', input: '我来到北京', options: undefined });
 * // { type: 'answer', id: 1, value: { kind: 'words', offsets: Int32Array [0, 1, 1, 3, 3, 5] } }
 */
export function answerCall(engine: PoolEngine, call: PoolCall): PoolReply {
  try {
    return { type: 'answer', id: call.id, value: run(engine, call) };
  } catch (error) {
    return { type: 'error', id: call.id, error: errorData(error) };
  }
}

function run({ tokenizer, tfidf, textRank }: PoolEngine, { method, input, options }: PoolCall): unknown {
  // The synchronous API checks the input and options, with its own messages.
  switch (method) {
    case 'extractTags':
      return tfidf.extractTags(input as string, options as never);
    case 'textRank':
      return textRank.textRank(input as string, options as never);
    case 'tokenizeOffsets':
      return tokenizer.tokenizeOffsets(input, options as never);
    default:
      if (!POOL_METHODS.includes(method as PoolMethod)) throw new TypeError(`jieba-ts: a pool has no method ${String(method)}`);
      // Offsets rather than a string (or an object) per word: far cheaper to copy to the caller's thread.
      return tokenizer.packed(method as PackableMethod, input, options as never);
  }
}
