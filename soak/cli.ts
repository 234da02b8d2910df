/**
 * Soak cases for the `jieba` command: single lines of any length, huge
 * keyword documents, and a user word of 100,000 characters, each in a real
 * process with its time and peak memory.
 *
 * @module
 */

import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { closeSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { JIEBA, memoryOf, root } from './harness.js';
import type { Outcome } from './server.js';

/** What a `jieba` run did: status, time, peak memory, and a hash of its output. */
interface Ran {
  status: number | null;
  seconds: number;
  peakMiB: number;
  stderr: string;
  sha256: string;
  bytes: number;
}

/** Run `jieba ARGS`, hashing its output as it streams (the output may be gigabytes). */
function jieba(args: readonly string[]): Promise<Ran> {
  const started = performance.now();
  const child = spawn(process.execPath, [JIEBA, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  const hash = createHash('sha256');
  let bytes = 0;
  let stderr = '';
  let peakMiB = 0;
  const sampler = setInterval(() => {
    const memory = memoryOf(child.pid!);
    // A process on its way out has no memory lines left.
    if (memory && Number.isFinite(memory.peakMiB)) peakMiB = Math.max(peakMiB, memory.peakMiB);
  }, 50);
  child.stdout.on('data', (chunk: Buffer) => {
    hash.update(chunk);
    bytes += chunk.length;
  });
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolve) => {
    child.on('close', (status) => {
      clearInterval(sampler);
      resolve({ status, seconds: (performance.now() - started) / 1000, peakMiB, stderr, sha256: hash.digest('hex'), bytes });
    });
  });
}

const news = (): string => readFileSync(`${root}test/fixtures/corpus/seed-news.txt`, 'utf8').replaceAll('\n', '');

/** Write a file of one line of news, `bytes` long, a piece at a time. */
function writeLine(path: string, bytes: number): void {
  const piece = Buffer.from(news().repeat(40));
  const fd = openSync(path, 'w');
  try {
    for (let written = 0; written < bytes; written += piece.length) writeSync(fd, piece);
    writeSync(fd, '\n');
  } finally {
    closeSync(fd);
  }
}

function scratch(): string {
  return mkdtempSync(join(tmpdir(), 'jieba-soak-'));
}

/** A 10 MB single line: the default -j against -j 1, same output. */
export async function longLineParallel(): Promise<Outcome> {
  const dir = scratch();
  try {
    const path = join(dir, 'line10.txt');
    writeLine(path, 10_000_000);
    // Best of three each, taking turns.
    const one: Ran[] = [];
    const many: Ran[] = [];
    for (let round = 0; round < 3; round++) {
      one.push(await jieba(['-q', '-j', '1', path]));
      many.push(await jieba(['-q', path]));
    }
    const best = (runs: Ran[]): number => Math.min(...runs.map((r) => r.seconds));
    const ratio = best(many) / best(one);
    const same = [...one, ...many].every((r) => r.status === 0 && r.sha256 === one[0]!.sha256);
    return {
      name: '10 MB single line: default -j against -j 1',
      measured: `${best(many).toFixed(2)} s against ${best(one).toFixed(2)} s (${ratio.toFixed(2)}x), peak ${Math.max(...many.map((r) => r.peakMiB)).toFixed(0)} MiB; output ${same ? 'identical' : 'DIFFERS'}`,
      target: '≤ 1.3x, identical output',
      pass: ratio <= 1.3 && same,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** A 600 MB single line, and --keywords over it. */
export async function hugeLine(): Promise<Outcome[]> {
  const dir = scratch();
  try {
    const path = join(dir, 'line600.txt');
    writeLine(path, 600_000_000);
    const cut = await jieba(['-q', path]);
    const keywords = await jieba(['-q', '--keywords', 'tfidf', path]);
    return [
      {
        name: '600 MB single line (default -j)',
        measured: `status ${cut.status}, ${cut.seconds.toFixed(1)} s, peak ${cut.peakMiB.toFixed(0)} MiB, ${(cut.bytes / 1e6).toFixed(0)} MB out${cut.stderr ? `; stderr: ${cut.stderr.trim().slice(0, 120)}` : ''}`,
        target: 'completes, memory bounded',
        pass: cut.status === 0 && cut.stderr === '' && cut.peakMiB < 1024,
      },
      {
        name: '--keywords over a 600 MB line',
        measured: `status ${keywords.status} in ${keywords.seconds.toFixed(1)} s, peak ${keywords.peakMiB.toFixed(0)} MiB: ${keywords.stderr.trim().slice(0, 160)}`,
        target: 'one clear message, status 1',
        pass: keywords.status === 1 && /more than --keywords holds as one document/.test(keywords.stderr) && !/internal error/.test(keywords.stderr),
      },
    ];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** A user word of 100,000 characters, saved as an image. */
export async function longUserWord(): Promise<Outcome> {
  const dir = scratch();
  try {
    const dict = join(dir, 'user.txt');
    writeFileSync(dict, `${'中华人民共和国'.repeat(14_286).slice(0, 100_000)} 5 nz\n`);
    const image = join(dir, 'mine.img');
    const saved = await jieba(['-q', '-u', dict, '--save-image', image]);
    return {
      name: '--save-image with a user word of 100,000 characters',
      measured: `status ${saved.status} in ${saved.seconds.toFixed(2)} s, peak ${saved.peakMiB.toFixed(0)} MiB`,
      target: '≤ 1 s (bar 10 s)',
      pass: saved.status === 0 && saved.seconds <= 10,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
