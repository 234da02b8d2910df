/**
 * `npm run test:soak`: the hostile and extreme cases of the reliability
 * work, replayed against a real `jieba serve` process and the `jieba`
 * command, with memory read from the kernel and `/health` timed all along.
 * Each case states its target; the run fails if any misses its bar. About
 * two minutes on two cores; stopped at five.
 *
 *   npm run build && npm run test:soak [-- --only drain,keywords]
 *
 * The cheap versions of these cases are in `npm test` (test/server,
 * test/cli); these are the full-size ones, which take seconds to minutes
 * and measure time, so they are kept out of the unit tests.
 *
 * @module
 */

import { hugeLine, longLineParallel, longUserWord } from './cli.js';
import { concurrentTags, drainOnSigterm, nonReadingClients, oneTextRank, type Outcome } from './server.js';

const CASES: [string, () => Promise<Outcome | Outcome[]>][] = [
  ['non-reading clients', nonReadingClients],
  ['concurrent tags', concurrentTags],
  ['textrank', oneTextRank],
  ['drain on sigterm', () => drainOnSigterm(20)],
  ['long line', longLineParallel],
  ['user word', longUserWord],
  ['huge line and keywords', hugeLine],
];

const LIMIT_MS = 5 * 60_000;

async function main(): Promise<number> {
  const only = process.argv.includes('--only') ? process.argv[process.argv.indexOf('--only') + 1]!.split(',') : undefined;
  const started = performance.now();
  const timer = setTimeout(() => {
    console.error('test:soak: stopped after five minutes');
    process.exit(1);
  }, LIMIT_MS);
  timer.unref();
  const rows = ['| case | measured | target | result |', '|---|---|---|---|'];
  let failed = 0;
  for (const [key, run] of CASES) {
    if (only && !only.some((word) => key.includes(word))) continue;
    const outcomes = [await run()].flat();
    for (const outcome of outcomes) {
      if (!outcome.pass) failed++;
      console.log(`${outcome.pass ? 'ok  ' : 'FAIL'} ${outcome.name}: ${outcome.measured} (target: ${outcome.target})`);
      rows.push(`| ${outcome.name} | ${outcome.measured} | ${outcome.target} | ${outcome.pass ? 'ok' : '**miss**'} |`);
    }
  }
  clearTimeout(timer);
  console.log(`\n${rows.join('\n')}\n\n${failed === 0 ? 'all met their bar' : `${failed} missed their bar`} in ${((performance.now() - started) / 1000).toFixed(0)} s`);
  return failed === 0 ? 0 : 1;
}

main().then(
  (status) => {
    process.exitCode = status;
  },
  (error: Error) => {
    console.error(`test:soak: ${error.stack ?? error.message}`);
    process.exitCode = 1;
  },
);
