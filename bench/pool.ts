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
 * A second table uses each result as it comes and drops it, as an indexer
 * would: one thread, the pool of N with every call made at once
 * (`Promise.all`), and the pool of N through `pool.each`.
 *
 * On Linux it first times the single-threaded batch in a process pinned to
 * each core in turn (`bench/core-speeds.ts`; `--no-cores` skips that), and
 * prints the most the pool could gain on these cores, and the pool's
 * speed-up against one thread on the fastest core: the cores of a VM need
 * not be equal. `--single-only` prints the single-threaded times as JSON and
 * stops (what the pinned processes run).
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
import { allowedCpus, runPinned, speedUpCeiling } from './core-speeds.js';

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

const USAGE = 'npm run bench:pool [-- --rounds N] [--no-cores] [--single-only]';

/**
 * A timer of one single-threaded pass over the batch in a mode, each result
 * kept until the pass is done (as `Promise.all(documents.map(...))` keeps a
 * pool's: the same garbage to collect).
 */
function singleThreadPass(documents: readonly string[]): (mode: Mode, use?: (result: { length: number }) => void) => number {
  const tokenizer = new Tokenizer({ eager: true });
  tokenizer.tag('预热');
  const tfidf = new TfIdf(tokenizer);
  tfidf.extractTags('预热');
  const run = (mode: Mode, document: string): { length: number } => (mode === 'extractTags' ? tfidf.extractTags(document) : tokenizer[mode](document));
  return (mode, use) => {
    const started = performance.now();
    if (use) {
      for (const document of documents) use(run(mode, document));
      return performance.now() - started;
    }
    const results = documents.map((document) => run(mode, document));
    const ms = performance.now() - started;
    results.length = 0;
    return ms;
  };
}

/** What an indexer does with a result: read it and let it go. */
let wordsSeen = 0;
const useResult = (result: { length: number }): void => void (wordsSeen += result.length);

/** Each allowed CPU's single-threaded times, from a process pinned to it (none with fewer than two CPUs, or where pinning fails). */
function coreTimes(rounds: number): Map<number, Map<Mode, number>> {
  const times = new Map<number, Map<Mode, number>>();
  const cpus = allowedCpus();
  if (!cpus || cpus.length < 2) return times;
  for (const cpu of cpus) {
    const printed = runPinned(cpu, fileURLToPath(import.meta.url), ['--single-only', '--rounds', String(rounds)]) as Record<string, number> | undefined;
    if (!printed) return new Map();
    times.set(cpu, new Map(MODES.map((mode) => [mode, printed[mode]!])));
  }
  return times;
}

async function main(): Promise<void> {
  const args = benchArgs(USAGE, { rounds: { type: 'string' }, 'no-cores': { type: 'boolean' }, 'single-only': { type: 'boolean' } });
  const rounds = countOr(args, 'rounds', 3);
  const cores = availableParallelism();
  const sources = [corpusPath('news'), realCorpusPath('technical-cn')].filter((p): p is string => p !== undefined);
  const documents = sources.flatMap((path) => documentsOf(readFileSync(path, 'utf8'), 1000));
  if (args.flag('single-only')) {
    const pass = singleThreadPass(documents);
    const best: Partial<Record<Mode, number>> = {};
    for (let round = 0; round < rounds; round++) for (const mode of MODES) best[mode] = Math.min(best[mode] ?? Infinity, pass(mode));
    console.log(JSON.stringify(best));
    return;
  }
  const chars = documents.reduce((n, d) => n + d.length, 0);
  console.log(`${documents.length} documents, ${(chars / 1e6).toFixed(2)} M characters, from ${sources.map((p) => p.replace(root, '')).join(', ')}; ${cores} cores`);
  // Before any pool starts, so that each pinned process has its core to itself.
  const perCore = args.flag('no-cores') ? new Map<number, Map<Mode, number>>() : coreTimes(rounds);
  const single = singleThreadPass(documents);
  const pools: [string, TokenizerPool][] = [
    ['pool of 1', await createPool({ size: 1 })],
    [`pool of ${cores}`, await createPool({ size: cores })],
  ];
  const best = new Map<string, number>();
  const note = (key: string, ms: number): void => void best.set(key, Math.min(best.get(key) ?? Infinity, ms));
  for (let round = 0; round < rounds; round++) {
    for (const mode of MODES) {
      note(`${mode}\tsingle thread`, single(mode));
      for (const [name, pool] of pools) {
        const started = performance.now();
        await Promise.all(documents.map((document) => pool[mode](document)));
        note(`${mode}\t${name}`, performance.now() - started);
      }
    }
  }
  // Apart from the rounds above, whose kept results leave the next pass a
  // full collection to pay for. Here one thread follows `each`, which
  // leaves little; what "all at once" leaves falls on the next `each`.
  const [name, pool] = pools.at(-1)!;
  for (let round = 0; round < rounds; round++) {
    for (const mode of MODES) {
      let started = performance.now();
      for await (const result of pool.each(mode, documents)) useResult(result);
      note(`${mode}\t${name}, each`, performance.now() - started);
      note(`${mode}\tsingle thread, used as they come`, single(mode, useResult));
      started = performance.now();
      await Promise.all(documents.map((document) => pool[mode](document).then(useResult)));
      note(`${mode}\t${name}, all at once`, performance.now() - started);
    }
  }
  for (const [, pool] of pools) pool.close();
  console.log('mode\tengine\tms\tM chars/s\tvs single thread');
  for (const mode of MODES) {
    const alone = best.get(`${mode}\tsingle thread`)!;
    for (const name of ['single thread', ...pools.map(([n]) => n)]) {
      const ms = best.get(`${mode}\t${name}`)!;
      console.log(`${mode}\t${name}\t${ms.toFixed(0)}\t${(chars / ms / 1000).toFixed(2)}\t${(alone / ms).toFixed(2)}x`);
    }
  }
  console.log(`\neach result used as it comes and dropped: one thread; the pool of ${cores} with every call made at once (Promise.all), and through pool.each; ${wordsSeen} words and keywords seen`);
  console.log('mode\tengine\tms\tM chars/s\tvs single thread');
  for (const mode of MODES) {
    const alone = best.get(`${mode}\tsingle thread, used as they come`)!;
    console.log(`${mode}\tsingle thread\t${alone.toFixed(0)}\t${(chars / alone / 1000).toFixed(2)}\t1.00x`);
    for (const how of ['all at once', 'each']) {
      const ms = best.get(`${mode}\tpool of ${cores}, ${how}`)!;
      console.log(`${mode}\tpool of ${cores}, ${how}\t${ms.toFixed(0)}\t${(chars / ms / 1000).toFixed(2)}\t${(alone / ms).toFixed(2)}x`);
    }
  }
  if (perCore.size === 0) return;
  const cpus = [...perCore.keys()];
  const poolName = `pool of ${cores}`;
  console.log(`\neach core alone (one thread, in a process pinned to it), and the ${poolName} against the fastest`);
  console.log(`mode\t${cpus.map((cpu) => `CPU ${cpu} ms`).join('\t')}\tat most\t${poolName}\tof the most`);
  for (const mode of MODES) {
    const times = cpus.map((cpu) => perCore.get(cpu)!.get(mode)!);
    const most = speedUpCeiling(times);
    const gained = Math.min(...times) / best.get(`${mode}\t${poolName}`)!;
    console.log(`${mode}\t${times.map((ms) => ms.toFixed(0)).join('\t')}\t${most.toFixed(2)}x\t${gained.toFixed(2)}x\t${((100 * gained) / most).toFixed(0)}%`);
  }
}

await main();
