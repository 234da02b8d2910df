/**
 * How fast each core of this machine runs a single-threaded job, for
 * reading a pool's speed-up. A pool of N workers can gain N times one thread
 * only if the cores are equal, and a VM's need not be: on the 2-core VM of
 * 2026-12-02 the second core took 1.3-1.7 times as long as the first to tag
 * for a while (it is memory-bound; a loop of arithmetic ran at the same
 * speed on both), so two workers could give at most 1.6-1.8x of one thread
 * on the first core; later the first was the slower one.
 *
 * Linux only: a child process is pinned to one CPU with `taskset`
 * (util-linux); elsewhere, or without `taskset`, nothing is measured.
 *
 * @module
 */

import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

/**
 * The CPU numbers a list such as `/proc/self/status`'s `Cpus_allowed_list`
 * names (`0-3,6`).
 *
 * @throws {RangeError} for a list that is not ranges and numbers separated by commas
 * @example
 * parseCpuList('0-2,5'); // [0, 1, 2, 5]
 */
export function parseCpuList(list: string): number[] {
  const cpus: number[] = [];
  for (const part of list.trim().split(',')) {
    const match = /^(\d+)(?:-(\d+))?$/.exec(part);
    if (!match) throw new RangeError(`not a CPU list: ${JSON.stringify(list)}`);
    const first = Number(match[1]);
    const last = match[2] === undefined ? first : Number(match[2]);
    if (last < first) throw new RangeError(`not a CPU list: ${JSON.stringify(list)}`);
    for (let cpu = first; cpu <= last; cpu++) cpus.push(cpu);
  }
  return cpus;
}

/**
 * The CPUs this process may run on (Linux), or undefined where that cannot
 * be read.
 *
 * @example
 * allowedCpus(); // [0, 1] on a 2-core VM
 */
export function allowedCpus(): number[] | undefined {
  try {
    const line = /^Cpus_allowed_list:\s*(.+)$/m.exec(readFileSync('/proc/self/status', 'utf8'));
    return line ? parseCpuList(line[1]!) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The most N workers can give against one thread on the fastest core, N
 * being the number of cores timed: the sum of every core's speed over the
 * fastest's, from each core's time for the same job.
 *
 * @throws {RangeError} when a time is not a positive number, or none is given
 * @example
 * speedUpCeiling([300, 450]); // 1 + 300 / 450 = 1.67
 */
export function speedUpCeiling(times: readonly number[]): number {
  if (times.length === 0 || times.some((ms) => !(ms > 0) || !Number.isFinite(ms))) {
    throw new RangeError(`core times must be positive numbers: ${JSON.stringify(times)}`);
  }
  const fastest = Math.min(...times);
  return times.reduce((sum, ms) => sum + fastest / ms, 0);
}

/**
 * What `script` prints as JSON when run with `args` by this Node.js, pinned
 * to `cpu` by `taskset`; undefined when `taskset` is missing or the run
 * fails (the reason on standard error).
 *
 * @example
 * runPinned(1, 'dist/bench/pool.js', ['--single-only']); // { cut: 155.2, ... }
 */
export function runPinned(cpu: number, script: string, args: readonly string[]): unknown {
  const run = spawnSync('taskset', ['-c', String(cpu), process.execPath, script, ...args], { encoding: 'utf8', maxBuffer: 1 << 24 });
  if (run.error || run.status !== 0) {
    const why = run.error ? run.error.message : `status ${run.status}: ${run.stderr.trim().split('\n').at(-1) ?? ''}`;
    process.stderr.write(`bench: no run pinned to CPU ${cpu} (${why})\n`);
    return undefined;
  }
  try {
    return JSON.parse(run.stdout.trim().split('\n').at(-1) ?? '') as unknown;
  } catch {
    process.stderr.write(`bench: the run pinned to CPU ${cpu} printed no JSON\n`);
    return undefined;
  }
}
