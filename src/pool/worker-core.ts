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

/**
 * Answer a batch of calls, each as {@link answerCall} answers it (or as
 * `extra` does, for a call it handles), with paddle mode's `cut` and `tag`
 * calls on strings taken together: the network runs their texts two at a
 * time (`Tokenizer.paddleMany`), which gives the same words and tags.
 *
 * @example
 * answerCalls(engine, [
 *   { id: 1, method: 'cut', input: '我爱北京天安门', options: { paddle: true } },
 *   { id: 2, method: 'cut', input: '你好', options: { paddle: true } },
 * ]); // two answers, as answerCall gives them
 */
export function answerCalls(engine: PoolEngine, calls: readonly PoolCall[], extra?: (call: PoolCall) => PoolReply | undefined): PoolReply[] {
  const paddled = paddleAnswers(engine, calls);
  return calls.map((call, i) => extra?.(call) ?? paddled[i] ?? answerCall(engine, call));
}

/**
 * The answers of the batch's paddle-mode `cut` and `tag` calls on strings,
 * by index, when there are two or more: each call's options are first
 * checked by the method itself on an empty text, so a call it would refuse
 * is left to {@link answerCall}, which refuses it with the same error.
 */
function paddleAnswers({ tokenizer }: PoolEngine, calls: readonly PoolCall[]): (PoolReply | undefined)[] {
  const answers: (PoolReply | undefined)[] = [];
  const groups: [number[], number[]] = [[], []];
  calls.forEach((call, i) => {
    if ((call.method !== 'cut' && call.method !== 'tag') || typeof call.input !== 'string') return;
    const paddle = (call.options as { paddle?: unknown } | null | undefined)?.paddle;
    if (paddle === undefined || paddle === false) return;
    try {
      if (call.method === 'cut') tokenizer.cut('', call.options as never);
      else tokenizer.tag('', call.options as never);
    } catch {
      return;
    }
    groups[typeof paddle === 'object' && (paddle as { normalize?: unknown }).normalize === true ? 1 : 0].push(i);
  });
  groups.forEach((indices, normalize) => {
    if (indices.length < 2) return;
    const results = tokenizer.paddleMany(
      indices.map((i) => calls[i]!.input as string),
      normalize === 1,
    );
    indices.forEach((i, k) => {
      const { words, tags } = results[k]!;
      const value = calls[i]!.method === 'cut' ? words : words.map((word, w) => ({ word, tag: tags[w]! }));
      answers[i] = { type: 'answer', id: calls[i]!.id, value: { kind: 'value', value } };
    });
  });
  return answers;
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
