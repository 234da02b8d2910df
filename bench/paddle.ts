/**
 * Paddle mode's speed: model load time (the first paddle-mode cut in fresh
 * processes that import the bundle, median); characters per second on one core
 * with the WebAssembly SIMD network and with the plain JavaScript one (the
 * fallback where WebAssembly SIMD is missing); the latency of one short
 * sentence (median and 99th percentile over many runs); and the CLI's
 * characters per second with `-j 1` and with one worker per core, start-up
 * included. The text is the repository's corpus fixtures (news, mixed web
 * text, jieba's examples, classical poems).
 *
 * `cut` goes over the text four times: the first pass also computes the
 * first layer's results of each new character (kept for the first 4,096),
 * and is reported alone; the one-core figure is the median of the other
 * three. Where `taskset` (util-linux) is at hand, the one-core measurements
 * run pinned to one CPU (another process's turn on a CPU costs an unpinned
 * one its caches), and the CLI's with every CPU again.
 *
 *   npm run bench:paddle [-- --agreement]
 *
 * With `--agreement` and the SIGHAN 2005 test sets in ../shared/sighan2005,
 * it also counts the characters whose label the two networks agree on (the
 * JavaScript network takes minutes over them).
 *
 * Writes bench/results/paddle.json.
 *
 * @module
 */

import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Tokenizer } from '../src/index.js';
import { sharedModels } from '../src/node-platform.js';
import { lacLabels, type LacEngine } from '../src/paddle/lac.js';
import { benchArgs } from './args.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const SENTENCE = '李小福是创新办主任也是云计算方面的专家';
const args = benchArgs('npm run bench:paddle [-- --agreement]', { agreement: { type: 'boolean' } });
const CORPORA = ['seed-news.txt', 'modern-mixed.txt', 'jieba-examples.txt', 'chinese-poetry.txt'];

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]!;
}

/** The CPUs this process may run on, as `taskset -cp` lists them ('0,1' or '0-3'), or undefined without `taskset`. */
function affinity(): string | undefined {
  const probe = spawnSync('taskset', ['-cp', String(process.pid)], { encoding: 'utf8' });
  return probe.status === 0 ? /:\s*(\S+)\s*$/.exec(probe.stdout)?.[1] : undefined;
}

/** Run this process (and threads it starts from now on) on the CPUs `list`; false when `taskset` cannot. */
function runOn(list: string): boolean {
  return spawnSync('taskset', ['-acp', list, String(process.pid)], { encoding: 'utf8' }).status === 0;
}

/** The last CPU of a `taskset` list ('0,1' gives '1', '0-3' gives '3'). */
function lastCpu(list: string): string {
  return list.split(',').pop()!.split('-').pop()!;
}

/** Characters per second of the network alone (ids in, labels out) over `lines`. */
function networkSpeed(lines: string[], engine: LacEngine): number {
  const model = sharedModels.paddle();
  const inputs = lines.map((line) => Int32Array.from(Array.from(line), (c) => model.vocabulary.get(c) ?? model.oov));
  for (const ids of inputs.slice(0, 5)) lacLabels(model, ids, engine); // warm-up
  const started = performance.now();
  let characters = 0;
  for (const ids of inputs) {
    lacLabels(model, ids, engine);
    characters += ids.length;
  }
  return characters / ((performance.now() - started) / 1000);
}

/** The CLI's characters per second over `file` (`characters` of them) with `-j jobs`, start-up included. */
function cliSpeed(file: string, characters: number, jobs: number): number {
  const started = performance.now();
  const run = spawnSync(process.execPath, [join(root, 'bin/jieba.js'), '-q', '--paddle', '-j', String(jobs), file], { encoding: 'utf8', maxBuffer: 1 << 30 });
  if (run.status !== 0) throw new Error(`jieba --paddle -j ${jobs} failed: ${run.stderr}`);
  return characters / ((performance.now() - started) / 1000);
}

/** Share of the SIGHAN 2005 test characters labelled alike by both networks, or undefined without the data. */
function agreement(): { characters: number; same: number } | undefined {
  const dir = join(root, '..', 'shared', 'sighan2005');
  if (!existsSync(dir)) return undefined;
  const model = sharedModels.paddle();
  let characters = 0;
  let same = 0;
  for (const name of ['pku_test.utf8', 'msr_test.utf8']) {
    for (const line of readFileSync(join(dir, name), 'utf8').split('\n')) {
      const text = line.trim();
      if (text === '') continue;
      const ids = Int32Array.from(Array.from(text), (c) => model.vocabulary.get(c) ?? model.oov);
      const wasm = lacLabels(model, ids, 'wasm');
      const js = lacLabels(model, ids, 'js');
      for (let i = 0; i < ids.length; i++) if (wasm[i] === js[i]) same++;
      characters += ids.length;
    }
  }
  return { characters, same };
}

/** Fresh processes timed for the model's load. */
const LOAD_RUNS = 9;

/**
 * The model's load as a user meets it: the first paddle-mode cut of a fresh
 * process that imported the package's bundle, unpinned (a pinned process
 * shares its CPU with V8's compile and garbage-collection threads), in
 * {@link LOAD_RUNS} processes; sorted milliseconds.
 */
function loadTimes(): number[] {
  const bundle = JSON.stringify(`${root}dist/bundle/index.js`);
  const code = `const { Tokenizer } = await import(${bundle}); const tokenizer = new Tokenizer(); const t = performance.now(); tokenizer.cut('你好', { paddle: true }); console.log(performance.now() - t);`;
  const times: number[] = [];
  for (let run = 0; run < LOAD_RUNS; run++) {
    const child = spawnSync(process.execPath, ['--input-type=module', '-e', code], { encoding: 'utf8' });
    if (child.status !== 0) throw new Error(`the load's process failed: ${child.stderr.trim()}`);
    times.push(Number(child.stdout.trim()));
  }
  return times.sort((a, b) => a - b);
}

function main(): void {
  const loads = loadTimes();
  const loadMs = loads[Math.floor(loads.length / 2)]!;
  const cpus = affinity();
  const pinned = cpus !== undefined && runOn(lastCpu(cpus));
  const tokenizer = new Tokenizer();
  tokenizer.cut('你好', { paddle: true });
  let started = 0;

  const lines = CORPORA.flatMap((name) => readFileSync(`${root}test/fixtures/corpus/${name}`, 'utf8').split('\n'))
    .map((line) => line.trim())
    .filter(Boolean);
  const characters = lines.reduce((n, line) => n + line.length, 0);
  const passes: number[] = [];
  for (let pass = 0; pass < 4; pass++) {
    started = performance.now();
    for (const line of lines) tokenizer.cut(line, { paddle: true });
    passes.push(characters / ((performance.now() - started) / 1000));
  }
  const firstPass = passes[0]!;
  const charsPerSecond = passes.slice(1).sort((a, b) => a - b)[1]!;
  const wasmNetwork = networkSpeed(lines, 'wasm');
  // The JavaScript network on a tenth of the lines: it is ten times slower.
  const jsNetwork = networkSpeed(lines.filter((_, i) => i % 10 === 0), 'js');

  const latencies: number[] = [];
  for (let i = 0; i < 300; i++) {
    const t = performance.now();
    tokenizer.cut(SENTENCE, { paddle: true });
    latencies.push(performance.now() - t);
  }
  latencies.sort((a, b) => a - b);
  if (pinned) runOn(cpus!);

  // The CLI over the corpora three times (about 200,000 characters).
  const dir = mkdtempSync(join(tmpdir(), 'jieba-paddle-'));
  const file = join(dir, 'corpus.txt');
  writeFileSync(file, `${[...lines, ...lines, ...lines].join('\n')}\n`);
  const jobs = availableParallelism();
  const cliOne = cliSpeed(file, 3 * characters, 1);
  const cliAll = cliSpeed(file, 3 * characters, jobs);
  rmSync(dir, { recursive: true, force: true });

  const agreed = args.flag('agreement') ? agreement() : undefined;
  const result = {
    date: new Date().toISOString(),
    node: process.version,
    loadMs,
    loadRangeMs: [loads[0], loads[loads.length - 1]],
    characters,
    charsPerSecond,
    firstPassCharsPerSecond: firstPass,
    pinned: pinned ? lastCpu(cpus!) : undefined,
    networkCharsPerSecond: { wasm: wasmNetwork, js: jsNetwork },
    cli: { jobs, one: cliOne, all: cliAll },
    sentence: SENTENCE,
    latencyMedianMs: percentile(latencies, 0.5),
    latencyP99Ms: percentile(latencies, 0.99),
    agreement: agreed,
  };
  const rate = (n: number): string => `${Math.round(n).toLocaleString('en-US')} characters/s`;
  console.log(`paddle mode, Node ${process.version}, ${characters.toLocaleString('en-US')} characters of the corpus fixtures:`);
  console.log(`  model load               ${loadMs.toFixed(0)} ms (the first paddle-mode cut; median of ${LOAD_RUNS} fresh processes, ${loads[0]!.toFixed(0)}-${loads[loads.length - 1]!.toFixed(0)} ms)`);
  console.log(`  cut, one core            ${rate(charsPerSecond)} (median of three passes${pinned ? `, pinned to CPU ${lastCpu(cpus!)}` : ''}; the first pass ${rate(firstPass)})`);
  console.log(`  network: WebAssembly     ${rate(wasmNetwork)}`);
  console.log(`  network: JavaScript      ${rate(jsNetwork)} (the fallback)`);
  console.log(`  CLI -j 1                 ${rate(cliOne)} (start-up included)`);
  console.log(`  CLI -j ${String(jobs).padEnd(18)}${rate(cliAll)}`);
  console.log(`  one sentence (${[...SENTENCE].length} chars)    median ${result.latencyMedianMs.toFixed(2)} ms, p99 ${result.latencyP99Ms.toFixed(2)} ms`);
  if (agreed) console.log(`  SIGHAN 2005 test sets    ${agreed.same} of ${agreed.characters} labels the same in both networks (${((100 * agreed.same) / agreed.characters).toFixed(3)}%)`);
  mkdirSync(`${root}bench/results`, { recursive: true });
  writeFileSync(`${root}bench/results/paddle.json`, JSON.stringify(result, null, 2));
}

main();
