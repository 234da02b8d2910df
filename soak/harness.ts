/**
 * What the soak test runs on: a real `jieba` process, its memory as the
 * kernel counts it, and latency samples of `/health` taken while a case
 * puts load on the server.
 *
 * @module
 */

import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';

/** The repository root (this file runs from dist/soak/). */
export const root = fileURLToPath(new URL('../../', import.meta.url));
/** The `jieba` command as installed. */
export const JIEBA = `${root}bin/jieba.js`;

/** Resident memory of a process now and at its peak, in MiB, from /proc (Linux). */
export function memoryOf(pid: number): { rssMiB: number; peakMiB: number } | undefined {
  const path = `/proc/${pid}/status`;
  if (!existsSync(path)) return undefined;
  const status = readFileSync(path, 'utf8');
  const kib = (field: string): number => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN);
  return { rssMiB: kib('VmRSS') / 1024, peakMiB: kib('VmHWM') / 1024 };
}

/** A `jieba serve` process. */
export interface ServerProcess {
  readonly child: ChildProcess;
  readonly url: string;
  /** What it wrote to standard error so far. */
  stderr(): string;
  /** SIGTERM, and the exit status. */
  stop(): Promise<number | null>;
}

/** Start `jieba serve --port 0 ARGS` and wait until it listens. */
export function startServe(args: readonly string[] = []): Promise<ServerProcess> {
  const child = spawn(process.execPath, [JIEBA, 'serve', '--port', '0', ...args], { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return new Promise((resolve, reject) => {
    child.stderr!.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
      const found = /listening on (http:\/\/\S+)/.exec(stderr);
      if (found) {
        resolve({
          child,
          url: found[1]!,
          stderr: () => stderr,
          stop: () => {
            child.kill('SIGTERM');
            return exited;
          },
        });
      }
    });
    void exited.then((code) => reject(new Error(`jieba serve exited with ${code}: ${stderr}`)));
  });
}

/**
 * Latency samples of GET /health, one every `everyMs`, until stopped. The
 * sampler runs in a thread of its own, so that this process's work (reading
 * large answers) does not show up as the server's latency.
 */
export function sampleHealth(url: string, everyMs = 50): { stop(): Promise<number[]> } {
  const code = `
    const { parentPort, workerData } = require('node:worker_threads');
    let running = true;
    const samples = [];
    parentPort.on('message', () => { running = false; });
    (async () => {
      while (running) {
        const started = performance.now();
        try {
          await (await fetch(workerData.url + '/health', { signal: AbortSignal.timeout(60000) })).arrayBuffer();
          samples.push(performance.now() - started);
        } catch {
          samples.push(Infinity);
        }
        await new Promise((resolve) => setTimeout(resolve, workerData.everyMs));
      }
      parentPort.postMessage(samples);
    })();
  `;
  const worker = new Worker(code, { eval: true, workerData: { url, everyMs } });
  const done = new Promise<number[]>((resolve) => worker.once('message', resolve));
  return {
    async stop() {
      worker.postMessage('stop');
      const samples = await done;
      await worker.terminate();
      return samples;
    },
  };
}

/** The median and the largest of some samples. */
export function summary(samples: readonly number[]): { median: number; max: number; count: number } {
  const sorted = [...samples].sort((a, b) => a - b);
  return { median: sorted[Math.floor(sorted.length / 2)] ?? NaN, max: sorted.at(-1) ?? NaN, count: sorted.length };
}

/** Deterministic random Han characters, `length` of them. */
export function randomHan(length: number, seed = 7): string {
  let state = seed;
  const out: string[] = new Array(length);
  for (let i = 0; i < length; i++) {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0;
    out[i] = String.fromCharCode(0x4e00 + (state % 20902));
  }
  return out.join('');
}

/** A JSON body of about `bytes` bytes: `{ text, ...extra }` with text of `unit` repeated. */
export function bodyOf(unit: string, bytes: number, extra: Record<string, unknown> = {}): string {
  const unitBytes = Buffer.byteLength(unit);
  const frame = Buffer.byteLength(JSON.stringify({ text: '', ...extra }));
  return JSON.stringify({ text: unit.repeat(Math.floor((bytes - frame) / unitBytes)), ...extra });
}
