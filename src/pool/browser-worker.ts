/**
 * A pool worker in a browser (a module Web Worker). Bundled as
 * `dist/bundle/browser-worker.js` against the browser build of the library
 * (`browser.js`) and the modules naming the POS and IDF images: it fetches
 * the dictionary, the POS model and the IDF table when the pool starts (the
 * browser's cache serves the later workers), then answers calls one at a
 * time. Its setup comes as the first message, URLs already absolute.
 *
 * @module
 */

import { IDF_TABLE } from '../idf-image.js';
import { TextRank, TfIdf, Tokenizer } from '../index.js';
import { POS_MODEL } from '../posseg-image.js';
import { errorData, type PoolBatch, type PoolReply, type PoolSetup } from './protocol.js';
import { answerCalls, type PoolEngine } from './worker-core.js';

/** The worker's global scope, typed locally (the project's lib has no DOM). */
const scope = globalThis as unknown as {
  postMessage(message: PoolReply): void;
  onmessage: ((event: { data: { type: 'setup'; setup: PoolSetup } | PoolBatch }) => void) | null;
};

async function bytesOf(url: string): Promise<Uint8Array> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`cannot fetch ${url}: HTTP ${response.status}`);
  return new Uint8Array(await response.arrayBuffer());
}

async function loadEngine(setup: PoolSetup): Promise<PoolEngine> {
  if (setup.big) throw new TypeError("jieba-ts: createPool() option big is for Node.js; in a browser, give dict the URL of jieba-ts-big's big.img.gz");
  const tokenizer = await Tokenizer.load({ ...(setup.dict === undefined ? {} : { dict: setup.dict }), pos: POS_MODEL, keywords: IDF_TABLE });
  if (setup.userDict !== undefined) tokenizer.loadUserDict(await bytesOf(setup.userDict));
  const tfidf = new TfIdf(tokenizer);
  const textRank = new TextRank(tokenizer);
  if (setup.idf !== undefined) tfidf.setIdf(await bytesOf(setup.idf));
  if (setup.stopWords !== undefined) {
    const words = await bytesOf(setup.stopWords);
    tfidf.setStopWords(words);
    textRank.setStopWords(words);
  }
  tokenizer.tag('预热');
  tfidf.extractTags('预热');
  return { tokenizer, tfidf, textRank };
}

let engine: PoolEngine | undefined;
scope.onmessage = (event) => {
  const message = event.data;
  if ('type' in message) {
    loadEngine(message.setup).then(
      (loaded) => {
        engine = loaded;
        scope.postMessage({ type: 'ready' });
      },
      (error: unknown) => scope.postMessage({ type: 'failed', error: errorData(error) }),
    );
    return;
  }
  // The pool sends calls only to a worker that said it was ready.
  scope.postMessage({ type: 'answers', replies: answerCalls(engine!, message.calls) });
};
