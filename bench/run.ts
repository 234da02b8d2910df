/**
 * `npm run bench`: jieba-ts and its peers, one after another in one run,
 * on the same corpora, every mode, with throughput (MB/s of UTF-8 input),
 * the ratio to @node-rs/jieba, start-up and peak memory.
 *
 *   npm run bench [-- --corpus NAME|PATH ...] [--engines a,b] [--rounds N] [--no-python]
 *
 * Corpora: `novel` and `news`, generated from jieba's dictionary
 * (corpus.ts), and `technical-tw`, `technical-cn`, `classical-tw` and
 * `classical-cn`, real text built from installed packages (real-corpora.ts;
 * one whose packages are missing is skipped); all of them by default.
 *
 * This VM's neighbours make any one measurement swing by 20% or more, so
 * each corpus is measured in rounds (5 by default), every engine once per
 * round in turn, and each engine's best round per mode is reported: a burst
 * of outside load then costs a round, not the result, and hits every engine
 * alike. (With 3 rounds, an engine's best still moved by 20-40% from one
 * run to the next.) Peak RSS is the largest of the rounds. Python jieba, 20 to 100
 * times slower, is measured once.
 *
 * Where `taskset` (util-linux) is at hand, every engine of a round runs
 * pinned to the same CPU, the CPU changing from round to round: at times
 * one of this VM's two vCPUs runs 15-55% slower than the other (neighbours
 * on the host, not this machine's own load), and an unpinned process stays
 * on whichever it started on, so two engines measured on different CPUs
 * gave ratios off by as much. The CPU is named in the progress lines.
 *
 * Peers come from bench/node_modules (`npm run bench:install`); a peer that
 * is missing or fails is reported as skipped. Python jieba is measured when
 * /usr/bin/python3 has it. Results go to bench/results/latest.json and a
 * Markdown table to standard output.
 *
 * @module
 */

import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { basename } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CORPORA, corpusPath, type CorpusName } from './corpus.js';
import { REAL_CORPORA, realCorpusPath } from './real-corpora.js';
import { ENGINES } from './engines.js';
import { MODES, type Measurement } from './modes.js';
import { benchArgs, countOr, refuse } from './args.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const PYTHON = '/usr/bin/python3';

interface Options {
  corpora: string[];
  engines: string[];
  rounds: number;
  python: boolean;
}

const USAGE = 'npm run bench [-- --corpus NAME|PATH ...] [--engines a,b] [--rounds N] [--no-python]';

function parse(): Options {
  const args = benchArgs(USAGE, {
    corpus: { type: 'string', multiple: true },
    engines: { type: 'string' },
    rounds: { type: 'string' },
    'no-python': { type: 'boolean' },
  });
  const names = ENGINES.map((e) => e.name);
  const engines = args.string('engines', names.join(',')).split(',');
  const unknown = engines.filter((name) => !names.includes(name));
  if (unknown.length > 0) refuse(`no engine named ${unknown.join(', ')} (engines: ${names.join(', ')})`);
  const corpora = args.strings('corpus');
  for (const corpus of corpora) {
    if (!(corpus in CORPORA) && !(corpus in REAL_CORPORA) && !existsSync(corpus)) {
      refuse(`--corpus ${corpus}: no such corpus or file (corpora: ${[...Object.keys(CORPORA), ...Object.keys(REAL_CORPORA)].join(', ')})`);
    }
  }
  return {
    corpora: corpora.length > 0 ? corpora : [...Object.keys(CORPORA), ...Object.keys(REAL_CORPORA)],
    engines,
    rounds: countOr(args, 'rounds', 5),
    python: !args.flag('no-python'),
  };
}

type Row = Measurement | { engine: string; skipped: string };

/** The best of two rounds of one engine: the higher MB/s per mode, the larger peak RSS. */
function bestOf(a: Row | undefined, b: Row): Row {
  if (!a || 'skipped' in a) return b;
  if ('skipped' in b) return a;
  const mbps = { ...a.mbps };
  const tokens = { ...a.tokens };
  for (const mode of MODES) {
    const value = b.mbps[mode];
    if (value !== undefined && (mbps[mode] === undefined || value > mbps[mode]!)) {
      mbps[mode] = value;
      tokens[mode] = b.tokens[mode]!;
    }
  }
  return { ...a, mbps, tokens, loadMs: Math.min(a.loadMs, b.loadMs), peakRssMiB: Math.max(a.peakRssMiB, b.peakRssMiB) };
}

/** The CPUs this process may run on (`taskset -cp`), or none when `taskset` is missing. */
function allowedCpus(): number[] {
  const probe = spawnSync('taskset', ['-cp', String(process.pid)], { encoding: 'utf8' });
  const list = probe.status === 0 ? /:\s*([\d,\s-]+)$/.exec(probe.stdout.trim())?.[1] : undefined;
  if (!list) return [];
  return list.split(',').flatMap((part) => {
    const [from, to] = part.trim().split('-').map(Number);
    return Array.from({ length: (to ?? from!) - from! + 1 }, (_, i) => from! + i);
  });
}

const CPUS = allowedCpus();

/** `command args` pinned to `cpu` by `taskset`, or as they are without it. */
function pinned(cpu: number | undefined, command: string, args: string[]): [string, string[]] {
  return cpu === undefined ? [command, args] : ['taskset', ['-c', String(cpu), command, ...args]];
}

function measure(engine: string, corpus: string, cpu: number | undefined): Row {
  const child = spawnSync(...pinned(cpu, process.execPath, [`${root}dist/bench/measure.js`, engine, corpus]), { encoding: 'utf8', cwd: root });
  if (child.status !== 0) return { engine, skipped: (child.stderr.trim().split('\n')[0] ?? 'failed').slice(0, 120) };
  return JSON.parse(child.stdout.trim().split('\n').pop()!) as Measurement;
}

function measurePython(corpus: string, cpu: number | undefined): Row {
  const engine = 'Python jieba';
  if (!existsSync(PYTHON)) return { engine, skipped: `${PYTHON} not found` };
  const child = spawnSync(...pinned(cpu, PYTHON, [`${root}bench/python_engine.py`, corpus]), { encoding: 'utf8' });
  if (child.status !== 0) return { engine, skipped: (child.stderr.trim().split('\n').pop() ?? 'failed').slice(0, 120) };
  return JSON.parse(child.stdout.trim()) as Measurement;
}

const MODE_NAMES: Record<(typeof MODES)[number], string> = {
  cut: 'cut (HMM)',
  cutNoHmm: 'cut (no HMM)',
  cutAll: 'full',
  cutForSearch: 'search',
  tag: 'POS tag',
  keywords: 'TF-IDF',
  keywordsPos: 'TF-IDF (allowPOS)',
};

function table(rows: Row[]): string {
  const reference = rows.find((r): r is Measurement => r.engine === '@node-rs/jieba' && !('skipped' in r));
  const lines = [
    `| engine | ${MODES.map((m) => MODE_NAMES[m]).join(' | ')} | load | peak RSS |`,
    `|---|${MODES.map(() => '---:').join('|')}|---:|---:|`,
  ];
  for (const row of rows) {
    if ('skipped' in row) {
      lines.push(`| ${row.engine} | skipped: ${row.skipped} |`);
      continue;
    }
    const cells = MODES.map((mode) => {
      const value = row.mbps[mode];
      if (value === undefined) return '-';
      const base = reference?.mbps[mode];
      return base ? `${value.toFixed(2)} (${(value / base).toFixed(2)}x)` : value.toFixed(2);
    });
    lines.push(`| ${row.engine} ${row.version} | ${cells.join(' | ')} | ${row.loadMs.toFixed(0)} ms | ${row.peakRssMiB.toFixed(0)} MiB |`);
  }
  return lines.join('\n');
}

function main(): void {
  const options = parse();
  const results: { corpus: string; bytes: number; rows: Row[] }[] = [];
  for (const corpus of options.corpora) {
    const path = corpus in CORPORA ? corpusPath(corpus as CorpusName) : corpus in REAL_CORPORA ? realCorpusPath(corpus) : corpus;
    if (path === undefined) continue;
    const best = new Map<string, Row>();
    for (let round = 1; round <= options.rounds; round++) {
      const cpu = CPUS.length > 0 ? CPUS[(round - 1) % CPUS.length] : undefined;
      for (const engine of options.engines) {
        process.stderr.write(`bench: ${engine} on ${basename(path)}, round ${round} of ${options.rounds}${cpu === undefined ? '' : `, CPU ${cpu}`}\n`);
        best.set(engine, bestOf(best.get(engine), measure(engine, path, cpu)));
      }
    }
    const rows: Row[] = options.engines.map((engine) => best.get(engine)!);
    if (options.python) {
      process.stderr.write(`bench: Python jieba on ${basename(path)}\n`);
      rows.push(measurePython(path, CPUS.at(-1)));
    }
    results.push({ corpus: basename(path), bytes: readFileSync(path).length, rows });
    console.log(`\n### ${basename(path)} (${(readFileSync(path).length / 1e6).toFixed(2)} MB), MB/s (best of ${options.rounds} rounds) and ratio to @node-rs/jieba\n`);
    console.log(table(rows));
  }

  process.stderr.write('bench: start-up\n');
  spawnSync(process.execPath, [`${root}dist/bench/startup.js`, '--runs', '11'], { cwd: root, stdio: ['ignore', 'inherit', 'inherit'] });
  const startup = JSON.parse(readFileSync(`${root}bench/results/startup.json`, 'utf8')) as unknown;

  const machine = { cpu: cpus()[0]?.model ?? 'unknown', cores: cpus().length, memoryGiB: Math.round(totalmem() / 2 ** 30), node: process.version };
  mkdirSync(`${root}bench/results`, { recursive: true });
  writeFileSync(
    `${root}bench/results/latest.json`,
    JSON.stringify({ date: new Date().toISOString(), machine, rounds: options.rounds, results, startup }, null, 2) + '\n',
  );
  console.log(`\nMachine: ${machine.cpu}, ${machine.cores} cores, ${machine.memoryGiB} GiB, Node ${machine.node}. Results: bench/results/latest.json`);
}

main();
