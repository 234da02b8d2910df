/**
 * `npm run bench:pool`: throughput of `jieba-ts/pool` against the
 * synchronous API in one thread, on a batch of documents of about 1,300
 * characters cut from the bench corpora, in one run: each mode's time for
 * the whole batch, single-threaded and through pools of 1 and N workers
 * (N: the available cores), with the ratio to single-threaded. Best of
 * `--rounds` (3) rounds, taking turns. `tokenizeOffsets` shows the pool
 * without the strings (or objects) per word that the caller's thread must
 * make for `cut` and `tag` whichever thread cut the text.
 *
 * @module
 */

import { readFileSync } from 'node:fs';
import { benchArgs, countOr } from './args.js';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { TfIdf, Tokenizer } from '../src/index.js';
import { createPool, type TokenizerPool } from '../src/pool/index.js';
import { corpusPath } from './corpus.js';
import { realCorpusPath } from './real-corpora.js';

const DOCUMENT_CHARS = 1300;
const root = fileURLToPath(new URL('../../', import.meta.url));

function documentsOf(text: string, count: number): string[] {
  const documents: string[] = [];
  let current = '';
  for (const line of text.split('\n')) {
    current += `${line}\n`;
    if (current.length >= DOCUMENT_CHARS) {
      documents.push(current);
      current = '';
      if (documents.length === count) break;
    }
  }
  return documents;
}

type Mode = 'cut' | 'tokenizeOffsets' | 'tag' | 'extractTags';
const MODES: Mode[] = ['cut', 'tokenizeOffsets', 'tag', 'extractTags'];

async function main(): Promise<void> {
  const rounds = countOr(benchArgs('npm run bench:pool [-- --rounds N]', { rounds: { type: 'string' } }), 'rounds', 3);
  const cores = availableParallelism();
  const sources = [corpusPath('news'), realCorpusPath('technical-cn')].filter((p): p is string => p !== undefined);
  const documents = sources.flatMap((path) => documentsOf(readFileSync(path, 'utf8'), 1000));
  const chars = documents.reduce((n, d) => n + d.length, 0);
  console.log(`${documents.length} documents, ${(chars / 1e6).toFixed(2)} M characters, from ${sources.map((p) => p.replace(root, '')).join(', ')}; ${cores} cores`);
  const tokenizer = new Tokenizer({ eager: true });
  tokenizer.tag('预热');
  const tfidf = new TfIdf(tokenizer);
  tfidf.extractTags('预热');
  const pools: [string, TokenizerPool][] = [
    ['pool of 1', await createPool({ size: 1 })],
    [`pool of ${cores}`, await createPool({ size: cores })],
  ];
  const best = new Map<string, number>();
  const note = (key: string, ms: number): void => void best.set(key, Math.min(best.get(key) ?? Infinity, ms));
  for (let round = 0; round < rounds; round++) {
    for (const mode of MODES) {
      // Both sides keep every result until the batch is done, as
      // `Promise.all(documents.map(...))` does: the same garbage to collect.
      let started = performance.now();
      const results = documents.map((document) => (mode === 'extractTags' ? tfidf.extractTags(document) : tokenizer[mode](document)));
      note(`${mode}\tsingle thread`, performance.now() - started);
      results.length = 0;
      for (const [name, pool] of pools) {
        started = performance.now();
        await Promise.all(documents.map((document) => pool[mode](document)));
        note(`${mode}\t${name}`, performance.now() - started);
      }
    }
  }
  for (const [, pool] of pools) pool.close();
  console.log('mode\tengine\tms\tM chars/s\tvs single thread');
  for (const mode of MODES) {
    const single = best.get(`${mode}\tsingle thread`)!;
    for (const name of ['single thread', ...pools.map(([n]) => n)]) {
      const ms = best.get(`${mode}\t${name}`)!;
      console.log(`${mode}\t${name}\t${ms.toFixed(0)}\t${(chars / ms / 1000).toFixed(2)}\t${(single / ms).toFixed(2)}x`);
    }
  }
}

await main();
