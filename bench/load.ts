/**
 * A bounded load test of `jieba serve`: starts the real server in its own
 * process on a loopback port, drives each route with autocannon for a fixed
 * time, round after round, and reports requests per second, latency
 * percentiles, errors, and the server's RSS after warm-up and at the end of
 * each round (the same after every round: memory does not grow).
 *
 *   npm run bench:load [-- --seconds 10 --connections 16 --rounds 2 --workers 2]
 *
 * autocannon comes from bench/node_modules (npm run bench:install). Writes
 * bench/results/load.json. Exits 1 if any request failed or answered other
 * than 200.
 *
 * @module
 */

import { spawn } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { cpus } from 'node:os';
import { fileURLToPath } from 'node:url';
import { benchArgs, countOr, positiveOr } from './args.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const require = createRequire(`${root}bench/package.json`);

const args = benchArgs('npm run bench:load [-- --seconds 10 --connections 16 --rounds 2 --workers 2]', {
  seconds: { type: 'string' },
  connections: { type: 'string' },
  rounds: { type: 'string' },
  workers: { type: 'string' },
});
const seconds = positiveOr(args, 'seconds', 10);
const connections = countOr(args, 'connections', 16);
/** The routes are driven this many times over; RSS at the end of each round shows whether memory grows. */
const rounds = countOr(args, 'rounds', 2);
/** The server's worker threads (`jieba serve --workers`); the default is the server's own (the available cores). */
const workers = countOr(args, 'workers', 0, 0);

/** The seed news transcript, without its spaces: a realistic document of 3,443 characters. */
const SEED = readFileSync(`${root}test/fixtures/corpus/seed-news.txt`, 'utf8');
/** Its first sentences, up to about 1,300 characters: the document size the server's targets name. */
const SHORT_DOCUMENT = SEED.slice(0, SEED.lastIndexOf('。', 1300) + 1);
const SENTENCE = '我来到北京清华大学，他来到了网易杭研大厦。';

const SCENARIOS: { name: string; path: string; body: unknown }[] = [
  { name: 'cut, one sentence', path: '/cut', body: { text: SENTENCE } },
  { name: `cut, news document (${SHORT_DOCUMENT.length} characters)`, path: '/cut', body: { text: SHORT_DOCUMENT } },
  { name: `cut, news document (${SEED.length} characters)`, path: '/cut', body: { text: SEED } },
  { name: `tokenize, search mode (${SEED.length} characters)`, path: '/tokenize', body: { text: SEED, mode: 'search' } },
  { name: `tag (${SEED.length} characters)`, path: '/tag', body: { text: SEED } },
  { name: `keywords, TF-IDF (${SEED.length} characters)`, path: '/keywords', body: { text: SEED, topK: 10 } },
];

interface AutocannonResult {
  requests: { average: number };
  latency: { p50: number; p99: number; max: number };
  throughput: { average: number };
  errors: number;
  timeouts: number;
  non2xx: number;
  '2xx': number;
}

function rssOf(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+)/.exec(status)![1]) / 1024;
}

async function main(): Promise<void> {
  let autocannon: (options: object) => Promise<AutocannonResult>;
  try {
    autocannon = require('autocannon');
  } catch {
    process.stderr.write('bench:load needs autocannon: run npm run bench:install first\n');
    process.exitCode = 1;
    return;
  }
  const server = spawn(process.execPath, [`${root}bin/jieba.js`, 'serve', '--port', '0', ...(workers > 0 ? ['--workers', String(workers)] : [])], {
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  const url = await new Promise<string>((resolve, reject) => {
    let stderr = '';
    server.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
      const found = /listening on (http:\/\/\S+)/.exec(stderr);
      if (found) resolve(found[1]!);
    });
    server.on('exit', () => reject(new Error(`the server exited: ${stderr}`)));
  });

  const rows: object[] = [];
  let failed = 0;
  const run = (scenario: (typeof SCENARIOS)[number], duration: number): Promise<AutocannonResult> =>
    autocannon({
      url: `${url}${scenario.path}`,
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(scenario.body),
      connections,
      duration,
    });
  // Warm-up: every route once for a short while, so the RSS baseline includes the POS model and IDF table.
  for (const scenario of SCENARIOS) await run(scenario, 1);
  const rssWarm = rssOf(server.pid!);
  let rssMax = rssWarm;
  const rssByRound: number[] = [];
  for (let round = 1; round <= rounds; round++) {
    for (const scenario of SCENARIOS) {
      const result = await run(scenario, seconds);
      const rss = rssOf(server.pid!);
      rssMax = Math.max(rssMax, rss);
      const errors = result.errors + result.timeouts + result.non2xx;
      failed += errors;
      rows.push({
        round,
        scenario: scenario.name,
        requestsPerSecond: Math.round(result.requests.average),
        p50Ms: result.latency.p50,
        p99Ms: result.latency.p99,
        maxMs: result.latency.max,
        ok: result['2xx'],
        errors,
        rssMiB: Math.round(rss),
      });
    }
    rssByRound.push(rssOf(server.pid!));
  }
  const rssEnd = rssOf(server.pid!);
  server.kill('SIGTERM');
  const exitCode = await new Promise<number | null>((resolve) => server.on('exit', resolve));

  console.log(`jieba serve under load: ${connections} connections, ${seconds} s per route, loopback, Node ${process.version}, ${cpus().length} cores`);
  console.log('| round | route | req/s | p50 ms | p99 ms | max ms | 200s | errors | server RSS MiB |');
  console.log('|---:|---|---:|---:|---:|---:|---:|---:|---:|');
  for (const r of rows as Record<string, number | string>[]) {
    console.log(`| ${r.round} | ${r.scenario} | ${r.requestsPerSecond} | ${r.p50Ms} | ${r.p99Ms} | ${r.maxMs} | ${r.ok} | ${r.errors} | ${r.rssMiB} |`);
  }
  console.log(
    `Server RSS after warm-up ${rssWarm.toFixed(0)} MiB; at the end of each round ${rssByRound.map((r) => r.toFixed(0)).join(', ')} MiB; peak ${rssMax.toFixed(0)} MiB, at the end ${rssEnd.toFixed(0)} MiB; exit status after SIGTERM: ${exitCode}`,
  );
  mkdirSync(`${root}bench/results`, { recursive: true });
  writeFileSync(
    `${root}bench/results/load.json`,
    JSON.stringify({ date: new Date().toISOString(), node: process.version, connections, seconds, rounds, rows, rssWarm, rssByRound, rssMax, rssEnd, exitCode }, null, 2),
  );
  if (failed > 0 || exitCode !== 0) {
    console.log(`FAILED: ${failed} requests failed; exit status ${exitCode}`);
    process.exitCode = 1;
  }
}

await main();
