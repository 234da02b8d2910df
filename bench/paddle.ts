/**
 * Paddle mode's speed: model load time, characters per second over the
 * seed news transcript, and the latency of one short sentence (median and
 * 99th percentile over many runs).
 *
 *   npm run bench:paddle
 *
 * Writes bench/results/paddle.json.
 *
 * @module
 */

import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Tokenizer } from '../src/index.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const SENTENCE = '李小福是创新办主任也是云计算方面的专家';

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]!;
}

function main(): void {
  const tokenizer = new Tokenizer();
  let started = performance.now();
  tokenizer.cut('你好', { paddle: true });
  const loadMs = performance.now() - started;

  const lines = readFileSync(`${root}test/fixtures/corpus/seed-news.txt`, 'utf8').split('\n').filter(Boolean);
  const chars = lines.reduce((n, line) => n + line.length, 0);
  for (const line of lines.slice(0, 5)) tokenizer.cut(line, { paddle: true }); // warm-up
  started = performance.now();
  for (const line of lines) tokenizer.cut(line, { paddle: true });
  const seconds = (performance.now() - started) / 1000;

  const latencies: number[] = [];
  for (let i = 0; i < 300; i++) {
    const t = performance.now();
    tokenizer.cut(SENTENCE, { paddle: true });
    latencies.push(performance.now() - t);
  }
  latencies.sort((a, b) => a - b);

  const result = {
    date: new Date().toISOString(),
    node: process.version,
    loadMs,
    charsPerSecond: chars / seconds,
    sentence: SENTENCE,
    latencyMedianMs: percentile(latencies, 0.5),
    latencyP99Ms: percentile(latencies, 0.99),
  };
  console.log(`paddle mode, Node ${process.version}:`);
  console.log(`  model load          ${loadMs.toFixed(0)} ms`);
  console.log(`  throughput          ${result.charsPerSecond.toFixed(0)} characters/s`);
  console.log(`  one sentence (${[...SENTENCE].length} chars)  median ${result.latencyMedianMs.toFixed(2)} ms, p99 ${result.latencyP99Ms.toFixed(2)} ms`);
  mkdirSync(`${root}bench/results`, { recursive: true });
  writeFileSync(`${root}bench/results/paddle.json`, JSON.stringify(result, null, 2));
}

main();
