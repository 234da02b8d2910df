/**
 * Running Python jieba (compat/oracle.py) over many texts at once.
 *
 * @module
 */

import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { ModeResults } from './modes.js';

/** The interpreter that has Debian's python3-jieba; override with `JIEBA_PYTHON`. */
export const PYTHON = process.env.JIEBA_PYTHON ?? '/usr/bin/python3';

const ORACLE = fileURLToPath(new URL('../../compat/oracle.py', import.meta.url));

/** Fail early, with the fix, when the reference is not installed. */
export function requirePython(): void {
  if (!existsSync(PYTHON)) {
    throw new Error(`${PYTHON} not found; install Debian's python3-jieba or set JIEBA_PYTHON`);
  }
}

function runOne(texts: readonly string[], dict: string | undefined, modes: string): Promise<ModeResults[]> {
  return new Promise((resolve, reject) => {
    const child = spawn(PYTHON, [ORACLE, ...(dict ? [dict] : [])], {
      stdio: ['pipe', 'pipe', 'inherit'],
      env: { ...process.env, PYTHONIOENCODING: 'utf-8', PYTHONHASHSEED: '0', JIEBA_MODES: modes },
    });
    const chunks: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => chunks.push(chunk));
    child.on('error', reject);
    child.on('close', (code) => {
      if (code !== 0) return reject(new Error(`oracle exited with status ${code}`));
      const lines = Buffer.concat(chunks).toString('utf8').split('\n');
      lines.pop();
      if (lines.length !== texts.length) return reject(new Error(`oracle answered ${lines.length} of ${texts.length}`));
      resolve(lines.map((line) => JSON.parse(line) as ModeResults));
    });
    child.stdin.end(texts.map((text) => JSON.stringify({ text })).join('\n') + (texts.length ? '\n' : ''));
  });
}

/**
 * Python jieba's results for each text, in order, using `workers` Python
 * processes side by side; with `dict` (a path), from `jieba.Tokenizer(dict)`;
 * with `modes` `['tag', 'tag_no_hmm']`, only those.
 */
export async function runOracle(texts: readonly string[], workers = 2, dict?: string, modes: readonly string[] = []): Promise<ModeResults[]> {
  requirePython();
  const size = Math.ceil(texts.length / workers) || 1;
  const parts: string[][] = [];
  for (let i = 0; i < texts.length; i += size) parts.push(texts.slice(i, i + size));
  const results = await Promise.all(parts.map((part) => runOne(part, dict, modes.join(','))));
  return results.flat();
}

/**
 * Run a Python oracle script (under compat/, from the repository root) that
 * reads one JSON record per line and answers one JSON line per record, in
 * order.
 *
 * @example
 * const results = await runJsonLinesOracle('keyword_oracle.py', texts.map((text) => ({ text })));
 */
export function runJsonLinesOracle<T>(script: string, records: readonly unknown[], args: readonly string[] = []): Promise<T[]> {
  requirePython();
  const root = fileURLToPath(new URL('../../', import.meta.url));
  return new Promise((resolve, reject) => {
    const child = spawn(PYTHON, [`${root}compat/${script}`, ...args], {
      cwd: root,
      stdio: ['pipe', 'pipe', 'inherit'],
      env: { ...process.env, PYTHONIOENCODING: 'utf-8' },
    });
    const chunks: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => chunks.push(chunk));
    child.on('error', reject);
    child.on('close', (code) => {
      if (code !== 0) return reject(new Error(`${script} exited with status ${code}`));
      resolve(Buffer.concat(chunks).toString('utf8').split('\n').filter(Boolean).map((line) => JSON.parse(line) as T));
    });
    child.stdin.end(records.map((record) => JSON.stringify(record)).join('\n') + '\n');
  });
}
