/**
 * The differential harness: runs Python jieba 0.42.1 and jieba-ts on the
 * same inputs and reports, per mode, how many results are identical.
 *
 *   npm run compat -- [options] [FILE...]
 *
 *   FILE...          texts to compare: every line, and every run of 20 lines
 *                    joined with "\n", is one input
 *   --random N       also N seeded random strings (see compat/random-text.ts)
 *   --seed S         seed for --random (default 1)
 *   --cli            also compare `python3 -m jieba` and `jieba` byte for
 *                    byte on each FILE, with several flag sets, from the file
 *                    and from standard input
 *   --dict PATH      compare with this main dictionary (Python's
 *                    jieba.Tokenizer(PATH), jieba-ts's new Tokenizer({ dict }))
 *   --scenarios N    also N seeded random dictionary scenarios (addWord,
 *                    delWord, suggestFreq, user words, cuts; see
 *                    compat/dict-scenarios.ts)
 *   --keywords N     also N documents (runs of 1 to 60 lines of the FILEs)
 *                    through TF-IDF and TextRank in several variants (see
 *                    compat/keyword_oracle.py)
 *   --idf PATH       ... with this IDF file (set_idf_path / setIdf)
 *   --stop-words PATH  ... and these stop words added (set_stop_words /
 *                    setStopWords)
 *   --tag-only       compare only the POS tagging modes (Python's posseg is
 *                    slow; this makes large runs practical)
 *   --report PATH    write every mismatch as a JSON line to PATH
 *
 * Needs Debian's python3-jieba (or JIEBA_PYTHON pointing at an interpreter
 * that has jieba 0.42.1). Exit status 1 when anything differs.
 *
 * @module
 */

import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Tokenizer } from '../src/index.js';
import { MODES, differingModes, runJiebaTs, type Mode } from './modes.js';
import { PYTHON, runOracle } from './oracle-client.js';
import { dictionaryWords, textsOfFile } from './inputs.js';
import { RandomText } from './random-text.js';
import { randomScenarios, runScenario, runScenariosInPython, sameResult } from './dict-scenarios.js';
import { benchArgs, countOr, refuse } from '../bench/args.js';
import { KEYWORD_VARIANTS, documentsOf, runKeywordOracle, runKeywordVariants, type KeywordFiles } from './keywords.js';

interface Args {
  files: string[];
  random: number;
  seed: number;
  cli: boolean;
  dict: string | undefined;
  scenarios: number;
  keywords: number;
  keywordFiles: KeywordFiles;
  tagOnly: boolean;
  report: string | undefined;
}

const USAGE = 'npm run compat -- [--random N] [--seed S] [--cli] [--dict PATH] [--scenarios N] [--keywords N [--idf PATH] [--stop-words PATH]] [--tag-only] [--report PATH] [FILE...]';

function parse(): Args {
  const program = 'compat';
  const args = benchArgs(
    USAGE,
    {
      random: { type: 'string' },
      seed: { type: 'string' },
      cli: { type: 'boolean' },
      report: { type: 'string' },
      dict: { type: 'string' },
      'tag-only': { type: 'boolean' },
      keywords: { type: 'string' },
      idf: { type: 'string' },
      'stop-words': { type: 'string' },
      scenarios: { type: 'string' },
    },
    { positionals: true, program },
  );
  const files = [...args.positionals];
  const dict = args.strings('dict')[0];
  const idf = args.strings('idf')[0];
  const stopWords = args.strings('stop-words')[0];
  for (const file of [...files, dict, idf, stopWords]) if (file !== undefined && !existsSync(file)) refuse(`${file}: no such file`, program);
  return {
    files,
    random: countOr(args, 'random', 0, 0, program),
    seed: countOr(args, 'seed', 1, 0, program),
    cli: args.flag('cli'),
    dict,
    scenarios: countOr(args, 'scenarios', 0, 0, program),
    keywords: countOr(args, 'keywords', 0, 0, program),
    keywordFiles: { ...(idf !== undefined ? { idf } : {}), ...(stopWords !== undefined ? { stopWords } : {}) },
    tagOnly: args.flag('tag-only'),
    report: args.strings('report')[0],
  };
}

interface Tally {
  label: string;
  inputs: number;
  chars: number;
  identical: Record<Mode, number>;
}

async function compareTexts(label: string, texts: string[], mismatches: object[], dict?: string, modes: readonly Mode[] = MODES): Promise<Tally> {
  const tally: Tally = {
    label,
    inputs: texts.length,
    chars: texts.reduce((n, t) => n + t.length, 0),
    identical: Object.fromEntries(MODES.map((m) => [m, 0])) as Record<Mode, number>,
  };
  const expected = await runOracle(texts, 2, dict, modes === MODES ? [] : modes);
  const tokenizer = new Tokenizer(dict ? { dict } : {});
  texts.forEach((text, i) => {
    const actual = runJiebaTs(tokenizer, text);
    const differing = new Set(differingModes(expected[i]!, actual, modes));
    for (const mode of modes) if (!differing.has(mode)) tally.identical[mode]++;
    for (const mode of differing) mismatches.push({ label, mode, text, python: expected[i]![mode], jiebaTs: actual[mode] });
  });
  return tally;
}

function printTallies(tallies: Tally[], modes: readonly Mode[]): void {
  const header = ['input', 'texts', 'chars', ...modes];
  const rows = tallies.map((t) => [
    t.label,
    String(t.inputs),
    String(t.chars),
    ...modes.map((m) => `${((100 * t.identical[m]) / Math.max(1, t.inputs)).toFixed(3)}%`),
  ]);
  console.log(header.join('\t'));
  for (const row of rows) console.log(row.join('\t'));
}

const CLI_FLAG_SETS: readonly string[][] = [[], ['-d'], ['-d', '|'], ['-d='], ['-a'], ['-n'], ['-a', '-n'], ['-d', '-a']];

/** Compare both command-line programs byte for byte on one file; returns the failing descriptions. */
function compareCli(path: string): string[] {
  const jiebaTs = fileURLToPath(new URL('../../bin/jieba.js', import.meta.url));
  const failures: string[] = [];
  const input = readFileSync(path);
  for (const flags of CLI_FLAG_SETS) {
    for (const viaStdin of [false, true]) {
      const argv = ['-q', ...flags, ...(viaStdin ? [] : [path])];
      const options = { input: viaStdin ? input : undefined, maxBuffer: 1 << 30 };
      const python = spawnSync(PYTHON, ['-m', 'jieba', ...argv], options);
      const ours = spawnSync(process.execPath, [jiebaTs, ...argv], options);
      const same = python.status === ours.status && Buffer.compare(python.stdout, ours.stdout) === 0;
      const what = `${path} ${viaStdin ? '(stdin)' : '(file)'} ${argv.join(' ')}`;
      if (!same) failures.push(what);
      console.log(`${same ? 'identical' : 'DIFFERENT'}\t${what}`);
    }
  }
  return failures;
}

async function main(): Promise<number> {
  const args = parse();
  const modes: readonly Mode[] = args.tagOnly ? ['tag', 'tag_no_hmm'] : MODES;
  const mismatches: object[] = [];
  const tallies: Tally[] = [];
  for (const file of args.files) tallies.push(await compareTexts(file, textsOfFile(file), mismatches, args.dict, modes));
  if (args.random > 0) {
    const generator = new RandomText(args.seed, dictionaryWords());
    const texts = Array.from({ length: args.random }, () => generator.next());
    tallies.push(await compareTexts(`random (seed ${args.seed})`, texts, mismatches, args.dict, modes));
  }
  if (args.keywords > 0) {
    const lines = args.files.flatMap((file) => readFileSync(file, 'utf8').split(/\r\n|\r|\n/));
    const docs = documentsOf(lines, args.keywords);
    const expected = await runKeywordOracle(docs, args.keywordFiles);
    const identical: Record<string, number> = {};
    docs.forEach((doc, i) => {
      const actual = runKeywordVariants(doc, args.keywordFiles);
      for (const [variant, result] of Object.entries(actual)) {
        if (JSON.stringify(result) === JSON.stringify(expected[i]![variant])) identical[variant] = (identical[variant] ?? 0) + 1;
        else mismatches.push({ label: 'keywords', variant, text: doc.slice(0, 200), python: expected[i]![variant], jiebaTs: result });
      }
    });
    const chars = docs.reduce((n, d) => n + d.length, 0);
    console.log(`keywords: ${docs.length} documents (${chars} characters, ${Math.min(...docs.map((d) => d.length))} to ${Math.max(...docs.map((d) => d.length))} each), identical (words, order and weights bit for bit):`);
    for (const variant of Object.keys(KEYWORD_VARIANTS)) {
      console.log(`  ${variant}\t${(((identical[variant] ?? 0) * 100) / docs.length).toFixed(3)}%`);
    }
  }
  if (args.scenarios > 0) {
    const scenarios = randomScenarios(args.seed, args.scenarios, dictionaryWords());
    const expected = await runScenariosInPython(scenarios);
    let operations = 0;
    let identical = 0;
    scenarios.forEach((scenario, s) => {
      const actual = runScenario(scenario);
      scenario.ops.forEach((op, i) => {
        operations++;
        if (sameResult(expected[s]![i]!, actual[i]!)) identical++;
        else mismatches.push({ label: 'scenario', op, python: expected[s]![i], jiebaTs: actual[i] });
      });
    });
    console.log(`dictionary scenarios: ${scenarios.length} scenarios, ${identical} of ${operations} operations identical (${((100 * identical) / operations).toFixed(3)}%)`);
  }
  if (tallies.length > 1) {
    const all: Tally = {
      label: 'all',
      inputs: tallies.reduce((n, t) => n + t.inputs, 0),
      chars: tallies.reduce((n, t) => n + t.chars, 0),
      identical: Object.fromEntries(MODES.map((m) => [m, tallies.reduce((n, t) => n + t.identical[m], 0)])) as Record<Mode, number>,
    };
    tallies.push(all);
  }
  printTallies(tallies, modes);
  const cliFailures = args.cli ? args.files.flatMap(compareCli) : [];
  if (args.report) writeFileSync(args.report, mismatches.map((m) => JSON.stringify(m)).join('\n') + '\n');
  if (mismatches.length > 0) {
    console.log(`${mismatches.length} mismatches${args.report ? `, written to ${args.report}` : ''}`);
    for (const m of mismatches.slice(0, 5)) console.log(JSON.stringify(m).slice(0, 600));
  }
  return mismatches.length > 0 || cliFailures.length > 0 ? 1 : 0;
}

main().then(
  (status) => (process.exitCode = status),
  (error: Error) => {
    console.error(`compat: ${error.message}`);
    process.exitCode = 2;
  },
);
