/**
 * `npm run bench:instructions`: count the machine instructions and L1 data
 * cache misses of one fixed workload under Valgrind's cachegrind, with V8
 * in `--predictable` mode (no concurrent compilation or GC threads).
 *
 *   npm run bench:instructions -- [cut|tag|keywords] [LINES] [ROOT]
 *
 * Timings on a shared VM swing by 20% from one minute to the next; these
 * counts repeat within 0.1%, so two builds (ROOT: a checkout with its own
 * dist/, default this one) can be compared in one sitting. Start-up is
 * included: run with LINES 0 to see it alone. They are counts, not times:
 * cache misses beyond L1 and branch mispredictions cost more than an
 * instruction, so confirm a change with `npm run bench` before keeping it.
 *
 * @module
 */

import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const [mode = 'cut', lines = '3000', root = fileURLToPath(new URL('../../', import.meta.url))] = process.argv.slice(2);
if (!['cut', 'tag', 'keywords'].includes(mode) || !/^\d+$/.test(lines)) {
  console.error('usage: npm run bench:instructions -- [cut|tag|keywords] [LINES] [ROOT]');
  process.exit(2);
}
const workload = `
const fs = await import('node:fs');
const { Tokenizer, TfIdf } = await import(${JSON.stringify(`${root}/dist/src/index.js`)});
const lines = fs.readFileSync(${JSON.stringify(fileURLToPath(new URL('../../bench/data/news.txt', import.meta.url)))}, 'utf8').split('\\n').filter(Boolean).slice(0, ${lines});
const tokenizer = new Tokenizer({ eager: true });
const tfidf = new TfIdf(tokenizer);
for (let round = 0; round < 3; round++) for (const line of lines) ${mode === 'tag' ? 'tokenizer.tag(line)' : mode === 'cut' ? 'tokenizer.cut(line)' : 'tfidf.extractTags(line)'};
`;
const run = spawnSync(
  'valgrind',
  ['--tool=cachegrind', '--cache-sim=yes', '--cachegrind-out-file=/dev/null', process.execPath, '--predictable', '--input-type=module', '-e', workload],
  { encoding: 'utf8' },
);
if (run.error || run.status !== 0) {
  console.error(`bench:instructions: valgrind failed: ${run.error?.message ?? run.stderr.trim().split('\n').pop()}`);
  process.exit(1);
}
const count = (label: string): string => run.stderr.match(new RegExp(`${label}:\\s+([\\d,]+)`))?.[1] ?? '?';
console.log(`${mode}, ${lines} lines of news.txt x 3, ${root}`);
console.log(`instructions ${count('I\\s+refs')}\tL1 data misses ${count('D1\\s+misses')}\tlast-level data misses ${count('LLd misses')}`);
