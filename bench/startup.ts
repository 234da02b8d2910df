/**
 * Start-up and memory: how long from `import` to the first cut, how much
 * memory a process holds once the dictionary is loaded, and how long a
 * whole `echo 你好 | jieba -q` takes, for jieba-ts and its peers, each in
 * fresh processes, in one run.
 *
 *   npm run bench:startup [-- --runs N]
 *
 * Peers come from bench/node_modules (npm run bench:install); missing ones
 * are reported as skipped. Python jieba is measured when /usr/bin/python3
 * has it. Prints a table and writes bench/results/startup.json.
 *
 * @module
 */

import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { benchArgs, countOr } from './args.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const benchModules = `${root}bench/node_modules/`;
const runs = countOr(benchArgs('npm run bench:startup [-- --runs N]', { runs: { type: 'string' } }), 'runs', 15);
const SENTENCE = '全国网络安全和信息化工作会议20日至21日在北京召开，中共中央总书记习近平出席会议并发表重要讲话。';

/**
 * Code run in a fresh Node process: time from before the import to the
 * first cut of a real sentence, and the process's RSS after it.
 */
const inProcess: Record<string, string> = {
  'jieba-ts': `
    const t0 = performance.now();
    const { cut } = await import('jieba-ts');
    const words = cut(${JSON.stringify(SENTENCE)});
    report(t0, words);`,
  "jieba-ts (require, CommonJS)": `
    const { createRequire } = await import('node:module');
    const require = createRequire(${JSON.stringify(root)} + 'package.json');
    const t0 = performance.now();
    const { cut } = require('jieba-ts');
    const words = cut(${JSON.stringify(SENTENCE)});
    report(t0, words);`,
  'jieba-ts/embedded (zlib)': `
    const t0 = performance.now();
    const { cut } = await import('jieba-ts/embedded');
    const words = cut(${JSON.stringify(SENTENCE)});
    report(t0, words);`,
  // What browsers, workers and edge runtimes run: no zlib to borrow, so jieba-ts inflates in JavaScript.
  'jieba-ts/embedded (JavaScript inflate)': `
    delete process.getBuiltinModule;
    const t0 = performance.now();
    const { cut } = await import('jieba-ts/embedded');
    const words = cut(${JSON.stringify(SENTENCE)});
    report(t0, words);`,
  '@node-rs/jieba': `
    const t0 = performance.now();
    const { Jieba } = await import('${benchModules}@node-rs/jieba/index.js');
    const { dict } = await import('${benchModules}@node-rs/jieba/dict.js');
    const words = Jieba.withDict(dict).cut(${JSON.stringify(SENTENCE)}, true);
    report(t0, words);`,
  'jieba-wasm': `
    const t0 = performance.now();
    const { cut } = await import('${benchModules}jieba-wasm/pkg/nodejs/jieba_rs_wasm.js');
    const words = cut(${JSON.stringify(SENTENCE)}, true);
    report(t0, words);`,
  nodejieba: `
    const t0 = performance.now();
    const { default: nodejieba } = await import('${benchModules}nodejieba/index.js');
    nodejieba.load();
    const words = nodejieba.cut(${JSON.stringify(SENTENCE)}, true);
    report(t0, words);`,
};

const REPORT = `function report(t0, words) {
  const ms = performance.now() - t0;
  console.log(JSON.stringify({ ms, rss: process.memoryUsage().rss, words: words.length }));
}`;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

interface Row {
  engine: string;
  firstCutMs?: number;
  rssMiB?: number;
  skipped?: string;
}

function measureInProcess(engine: string, code: string): Row {
  const samples: { ms: number; rss: number }[] = [];
  for (let i = 0; i < runs; i++) {
    const result = spawnSync(process.execPath, ['--input-type=module', '-e', `${REPORT}\n${code}`], { cwd: root, encoding: 'utf8' });
    if (result.status !== 0) return { engine, skipped: (result.stderr.split('\n').find((l) => /Error/.test(l)) ?? 'failed').slice(0, 100) };
    samples.push(JSON.parse(result.stdout.trim().split('\n').pop()!));
  }
  return { engine, firstCutMs: median(samples.map((s) => s.ms)), rssMiB: median(samples.map((s) => s.rss)) / 1048576 };
}

/** Median wall time of a whole command, in milliseconds. */
function wallTime(command: string, args: string[]): number | undefined {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    const result = spawnSync(command, args, { input: '你好\n', cwd: root });
    if (result.status !== 0) return undefined;
    times.push(performance.now() - started);
  }
  return median(times);
}

const rows = Object.entries(inProcess).map(([engine, code]) => measureInProcess(engine, code));
const ours = wallTime(process.execPath, [`${root}bin/jieba.js`, '-q']);
const python = existsSync('/usr/bin/python3') ? wallTime('/usr/bin/python3', ['-m', 'jieba', '-q']) : undefined;

console.log(`Start-up, median of ${runs} fresh processes (Node ${process.version}):`);
console.log('engine\timport to first cut (ms)\tRSS after (MiB)');
for (const row of rows) {
  if (row.skipped) console.log(`${row.engine}\tskipped: ${row.skipped}`);
  else console.log(`${row.engine}\t${row.firstCutMs!.toFixed(1)}\t${row.rssMiB!.toFixed(1)}`);
}
console.log(`\necho 你好 | jieba -q: jieba-ts ${ours?.toFixed(0)} ms` +
  (python ? `, python3 -m jieba -q ${python.toFixed(0)} ms (${(python / ours!).toFixed(1)}x)` : ', Python jieba skipped'));

mkdirSync(`${root}bench/results`, { recursive: true });
writeFileSync(
  `${root}bench/results/startup.json`,
  JSON.stringify({ date: new Date().toISOString(), node: process.version, runs, sentence: SENTENCE, rows, cli: { jiebaTsMs: ours, pythonMs: python } }, null, 2) + '\n',
);
