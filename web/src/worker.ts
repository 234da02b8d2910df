/**
 * The segmentation worker: loads jieba-ts once, then answers segment
 * requests, so that the page never blocks while typing.
 *
 * @module
 */

import { countWords, discoverWords, TextRank, TfIdf, Tokenizer, wordCloudSvg } from 'jieba-ts/browser';
import { IDF_TABLE } from 'jieba-ts/images/idf';
import { POS_MODEL } from 'jieba-ts/images/posseg';
import { PADDLE_MODEL } from 'jieba-ts-paddle';
import type { CountRequest, SegmentRequest, WorkerReply, WorkerRequest } from './protocol.js';

let tokenizer: Tokenizer | undefined;
let tfidf: TfIdf | undefined;
let textRank: TextRank | undefined;
/** The tokenizer of the base dictionary, and the user-dictionary text applied on top of it. */
let base: Tokenizer | undefined;
let userDictText = '';
let userDict: { words: number } | { error: string } = { words: 0 };

/**
 * Use `text` as the user dictionary: a fresh tokenizer (the dictionary and
 * models are shared, so it is cheap) with its words, or the base one when
 * the text is refused (the reply says why).
 */
function applyUserDict(text: string): void {
  if (text === userDictText) return;
  userDictText = text;
  if (text.trim() === '') {
    tokenizer = base;
    userDict = { words: 0 };
  } else {
    try {
      const fresh = new Tokenizer();
      fresh.loadUserDict({ text, name: 'user dictionary' });
      tokenizer = fresh;
      userDict = { words: text.split('\n').filter((line) => line.trim() !== '').length };
    } catch (error) {
      tokenizer = base;
      userDict = { error: error instanceof Error ? error.message : String(error) };
    }
  }
  tfidf = new TfIdf(tokenizer!);
  textRank = new TextRank(tokenizer!);
}

/** Fetched the first time paddle mode is asked for. */
let paddle: Promise<Tokenizer> | undefined;

const reply = (message: WorkerReply): void => postMessage(message);

/** Byte counts of what was fetched, for the timings line. */
function countingFetch(counter: { bytes: number }): typeof fetch {
  return async (input, init) => {
    const response = await fetch(input, init);
    const bytes = await response.arrayBuffer();
    counter.bytes += bytes.byteLength;
    return new Response(bytes, { status: response.status, statusText: response.statusText, headers: response.headers });
  };
}

/** Each token's tag: from tagging the text (posseg splits its own way), else from tagging the word alone. */
function tagsFor(tokens: string[], text: string, hmm: boolean): string[] {
  const known = new Map<string, string>();
  for (const { word, tag } of tokenizer!.tag(text, { hmm })) if (!known.has(word)) known.set(word, tag);
  return tokens.map((word) => {
    let tag = known.get(word);
    if (tag === undefined) {
      const alone = tokenizer!.tag(word, { hmm });
      tag = alone.length === 1 ? alone[0]!.tag : 'x';
      known.set(word, tag);
    }
    return tag;
  });
}

async function segment(request: SegmentRequest): Promise<void> {
  const { text, mode, hmm } = request;
  applyUserDict(request.userDict);
  let tokens: string[];
  let tags: string[];
  let started = performance.now();
  if (mode === 'paddle') {
    if (!paddle) {
      reply({ type: 'loading', what: 'the paddle-mode model (5.4 MiB)' });
      paddle = Tokenizer.load({ paddle: PADDLE_MODEL });
    }
    const lac = await paddle;
    started = performance.now();
    const tagged = lac.tag(text, { paddle: request.normalize ? { normalize: true } : true });
    tokens = tagged.map((t) => t.word);
    tags = tagged.map((t) => t.tag);
  } else {
    tokens = mode === 'all' ? tokenizer!.cutAll(text) : mode === 'search' ? tokenizer!.cutForSearch(text, { hmm }) : tokenizer!.cut(text, { hmm });
    tags = tagsFor(tokens, text, hmm);
  }
  const keywords =
    request.keywords === 'textrank'
      ? textRank!.textRank(text, { topK: 10, withWeight: true })
      : tfidf!.extractTags(text, { topK: 10, withWeight: true });
  const counts = new Map<string, number>();
  tokens.forEach((word, i) => {
    if (tags[i] === 'x' || word.trim() === '') return;
    counts.set(word, (counts.get(word) ?? 0) + 1);
  });
  const frequencies = [...counts].sort((a, b) => b[1] - a[1]).slice(0, 12);
  reply({ type: 'result', id: request.id, tokens, tags, keywords, frequencies, segmentMs: performance.now() - started, userDict });
}

/** Words a dropped file must hold at least this often to be offered as new (fewer than `jieba discover`'s 5: a file here is small). */
const NEW_WORD_MIN_COUNT = 3;

/**
 * Count a dropped file's words with the tokenizer in use (the user
 * dictionary's words included), and find the words it lacks.
 */
function count(request: CountRequest): void {
  const started = performance.now();
  const lines = request.text.split(/\r\n|\r|\n/);
  const counts = countWords(lines, { tokenizer: tokenizer! });
  const sorted = counts.sorted();
  const counted = performance.now();
  const found = discoverWords(lines, { tokenizer: tokenizer!, top: 30, minCount: NEW_WORD_MIN_COUNT });
  const newWords = found.map(({ word, count }) => ({ word, count, freq: tokenizer!.suggestFreq(word) }));
  reply({
    type: 'counts',
    id: request.id,
    name: request.name,
    total: counts.total,
    distinct: counts.size,
    top: sorted.slice(0, 30),
    cloud: wordCloudSvg(sorted.slice(0, 150), 720, 420),
    tsv: counts.toTSV(),
    countMs: counted - started,
    newWords,
    discoverMs: performance.now() - counted,
  });
}

onmessage = async (event: MessageEvent<WorkerRequest>) => {
  const request = event.data;
  try {
    if (request.type === 'init') {
      const started = performance.now();
      const counter = { bytes: 0 };
      tokenizer = await Tokenizer.load({ pos: POS_MODEL, keywords: IDF_TABLE, fetch: countingFetch(counter) });
      base = tokenizer;
      tfidf = new TfIdf(tokenizer);
      textRank = new TextRank(tokenizer);
      // Warm the tagger, so the first keystroke does not pay for it.
      tokenizer.tag('我来到北京清华大学');
      reply({ type: 'ready', loadMs: performance.now() - started, bytes: counter.bytes });
    } else if (tokenizer && request.type === 'count') {
      count(request);
    } else if (tokenizer && request.type === 'segment') {
      await segment(request);
    }
  } catch (error) {
    reply({ type: 'error', message: error instanceof Error ? error.message : String(error) });
  }
};
