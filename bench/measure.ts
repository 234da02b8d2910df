/**
 * One engine on one corpus, in a process of its own (so its memory is its
 * own): each mode runs over the lines of the corpus (keywords: over
 * documents of 20 lines) for half a second to warm up, then in whole passes
 * until at least a second has passed, and reports MB/s of UTF-8 input.
 * Before each timed pass the engine may forget what it remembers of the
 * last (`EngineApi.beforePass`).
 * Prints one JSON line.
 *
 *   node dist/bench/measure.js ENGINE CORPUS_PATH
 *
 * @module
 */

import { readFileSync } from 'node:fs';
import { ENGINES, type EngineApi } from './engines.js';
import { MODES, type Measurement } from './modes.js';

/** How long each mode runs before it is timed, so that every engine is timed at its steady state. */
const WARM_UP_MS = 500;
/** How long each mode is timed, at least (whole passes over the inputs). */
const TIMED_MS = 1000;

function run(fn: (text: string) => unknown[], inputs: readonly string[], bytes: number, beforePass?: () => void): { mbps: number; tokens: number } {
  let tokens = 0;
  // Warm-up by time, not by count: a JIT-compiled engine reaches its steady
  // speed only after its hot functions are optimised (TF-IDF on the novel
  // takes about four passes), and a native one loses nothing by waiting.
  const warming = performance.now();
  for (let i = 0; performance.now() - warming < WARM_UP_MS; i = (i + 1) % inputs.length) fn(inputs[i]!);
  // Only the passes are timed: what beforePass sets up (a fresh tokenizer)
  // is not the work measured, and on a small corpus it would weigh as much
  // as a pass. What the engine does lazily on first use stays in the pass.
  let timed = 0;
  let passes = 0;
  do {
    beforePass?.();
    const started = performance.now();
    tokens = 0;
    for (const text of inputs) tokens += fn(text).length;
    timed += performance.now() - started;
    passes++;
  } while (timed < TIMED_MS);
  return { mbps: (bytes * passes) / (timed / 1000) / 1e6, tokens };
}

async function main(): Promise<void> {
  const [name, corpus] = process.argv.slice(2);
  const engine = ENGINES.find((e) => e.name === name);
  if (!engine || !corpus) throw new Error('usage: measure ENGINE CORPUS_PATH');
  const text = readFileSync(corpus, 'utf8');
  const lines = text.split('\n').filter(Boolean);
  const documents: string[] = [];
  for (let i = 0; i < lines.length; i += 20) documents.push(lines.slice(i, i + 20).join('\n'));
  const bytes = lines.reduce((n, l) => n + Buffer.byteLength(l), 0);

  const started = performance.now();
  const api: EngineApi = await engine.load();
  const loadMs = performance.now() - started;
  const result: Measurement = { engine: engine.name, version: engine.version(), loadMs, mbps: {}, tokens: {}, peakRssMiB: 0 };
  for (const mode of MODES) {
    const fn = api[mode];
    if (!fn) continue;
    const { mbps, tokens } = run(fn, mode === 'keywords' || mode === 'keywordsPos' ? documents : lines, bytes, api.beforePass);
    result.mbps[mode] = mbps;
    result.tokens[mode] = tokens;
  }
  result.peakRssMiB = process.resourceUsage().maxRSS / 1024;
  process.stdout.write(JSON.stringify(result) + '\n');
}

main().catch((error: Error) => {
  process.stderr.write(`${error.message}\n`);
  process.exitCode = 1;
});
