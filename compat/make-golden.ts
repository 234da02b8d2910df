/**
 * Regenerate the golden fixtures that let `npm test` check exactness without
 * Python:
 *
 * - test/fixtures/golden/NAME.jsonl.gz: Python jieba's results in every mode
 *   (see compat/modes.ts) for each input of test/fixtures/corpus/NAME.txt
 *   (every line, and every run of 20 lines joined with "\n"), of
 *   edge-cases.json (each string), and of seeded random strings;
 * - test/fixtures/python/unicode.json: Python's `\s` and `\d` classes;
 * - test/fixtures/python/log.json: Python's `math.log` of every frequency
 *   in the default dictionary, its total, and other integers.
 *
 *   npm run golden
 *
 * Needs Debian's python3-jieba (see compat/oracle-client.ts).
 *
 * @module
 */

import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { basename } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { dictionaryWords, textsOfFile } from './inputs.js';
import { MODES } from './modes.js';
import { PYTHON, requirePython, runOracle } from './oracle-client.js';
import { RandomText } from './random-text.js';

const fixtures = new URL('../../test/fixtures/', import.meta.url);
const corpusDir = new URL('corpus/', fixtures);
const goldenDir = new URL('golden/', fixtures);
const pythonDir = new URL('python/', fixtures);

/** Seed and size of the committed random strings. */
export const GOLDEN_RANDOM = { seed: 20261128, count: 3000 } as const;

async function writeGolden(name: string, texts: string[]): Promise<void> {
  const results = await runOracle(texts);
  const lines = texts.map((text, i) => {
    const record: Record<string, unknown> = { text };
    for (const mode of MODES) record[mode] = results[i]![mode];
    return JSON.stringify(record);
  });
  const file = new URL(`${name}.jsonl.gz`, goldenDir);
  writeFileSync(file, gzipSync(lines.join('\n') + '\n', { level: 9 }));
  console.log(`golden: ${fileURLToPath(file)} (${texts.length} inputs)`);
}

function python(code: string): string {
  return execFileSync(PYTHON, ['-c', code], { encoding: 'utf8', maxBuffer: 1 << 28 });
}

function writePythonFacts(): void {
  mkdirSync(pythonDir, { recursive: true });
  const unicode = python(`
import json, re, sys, unicodedata
space = [i for i in range(0x110000) if re.match(r'\\s', chr(i))]
digits = [[i, int(chr(i))] for i in range(0x110000) if re.match(r'\\d', chr(i))]
han = [i for i in range(0x110000) if re.match('[\\u4E00-\\u9FD5a-zA-Z0-9+#&\\\\._%\\\\-]', chr(i))]
print(json.dumps({"python": sys.version.split()[0], "unicode": unicodedata.unidata_version,
                  "space": space, "decimal": digits, "han_default_count": len(han),
                  "han_default_first": han[:80]}))
`);
  writeFileSync(new URL('unicode.json', pythonDir), unicode);

  const dictPath = fileURLToPath(new URL('../../data/jieba/dict.txt', import.meta.url));
  const log = python(`
import json, math
freqs = set(); total = 0
for line in open(${JSON.stringify(dictPath)}, encoding='utf-8'):
    f = int(line.split(' ')[1]); freqs.add(f); total += f
values = sorted(freqs | {total, 1, 2, 3, 10, 100, 2**31 - 1, 2**31, 2**53, 10**15 + 37})
print(json.dumps({"values": values, "logs": [math.log(v).hex() for v in values]}))
`);
  writeFileSync(new URL('log.json', pythonDir), log);
  console.log(`python facts: ${fileURLToPath(pythonDir)}`);
}

/** Command lines to compare with Python's argparse (jieba's own options only). */
const ARGV_CASES: readonly string[][] = [
  [], ['-d'], ['-d', 'x'], ['-dx'], ['-d='], ['-dx=y'], ['--delimiter'], ['--delimiter=x'], ['--delim', 'x'],
  ['--d', 'x'], ['-ad'], ['-da'], ['-d', '-q'], ['-d', '-'], ['-d', '-5'], ['-d', '- x'], ['-d', '--', 'x'],
  ['-d', '--'], ['-p'], ['-p', ''], ['-p', '-d'], ['--pos='], ['-p', '/', 'f'], ['-D'], ['-D', 'x'],
  ['-D', '-q'], ['-D', '-5'], ['-Dx'], ['--dict=x'], ['--dic', 'x'], ['-u'], ['-u', 'u'], ['--user', 'u'],
  ['--u', 'u'], ['-a'], ['-n'], ['-q'], ['-aqn', 'f'], ['-qd'], ['-qdx'], ['-qd', 'x'], ['-ax'], ['-q='],
  ['--quiet=1'], ['--quiet='], ['--cut'], ['--no', 'f'], ['--no-hmm', '--cut-all', 'f'], ['f'], ['f', '-q'],
  ['-q', 'f'], ['f', 'g'], ['--', 'f'], ['--', '-d'], ['f', '--', 'g'], ['--', 'f', 'g'], ['-', '-q'], ['-x'],
  ['-x', 'f'], ['--xyz'], ['-V'], ['--version'], ['-V', '-x'], ['-x', '-V'], ['-h'], ['-q', '-h'], ['-d', 'a', '-d'],
  ['-n', '-n'], ['-5'], ['f', '-5'], ['-d', ' '], ['-d', ''], ['', '-q'], ['-d', 'a b'], ['-a', '--', '-'],
];

function writeArgparseFacts(): void {
  const script = fileURLToPath(new URL('../../compat/argparse_oracle.py', import.meta.url));
  const output = execFileSync(PYTHON, [script], { input: JSON.stringify(ARGV_CASES), encoding: 'utf8' });
  writeFileSync(new URL('argparse.json', pythonDir), output);
}

/** Flag sets for the command-line goldens, run on each input by file and by standard input. */
const CLI_FLAG_SETS: readonly string[][] = [[], ['-d'], ['-d', '|'], ['-d='], ['-a'], ['-n'], ['-a', '-n'], ['-d', '-a']];

function writeCliGoldens(): void {
  const inputs = new URL('cli/inputs/', fixtures);
  const cases: object[] = [];
  for (const file of readdirSync(inputs).sort()) {
    const path = fileURLToPath(new URL(file, inputs));
    for (const flags of CLI_FLAG_SETS) {
      for (const stdin of [false, true]) {
        const argv = ['-q', ...flags, ...(stdin ? [] : [path])];
        const stdout = execFileSync(PYTHON, ['-m', 'jieba', ...argv], {
          input: stdin ? readFileSync(path) : undefined,
          maxBuffer: 1 << 28,
          encoding: 'utf8',
        });
        cases.push({ input: file, flags, stdin, stdout });
      }
    }
  }
  writeFileSync(new URL('cli/expected.json', fixtures), '[\n' + cases.map((c) => JSON.stringify(c)).join(',\n') + '\n]\n');
}

async function main(): Promise<void> {
  requirePython();
  mkdirSync(goldenDir, { recursive: true });
  writePythonFacts();
  writeArgparseFacts();
  writeCliGoldens();
  for (const file of readdirSync(corpusDir).sort()) {
    const path = fileURLToPath(new URL(file, corpusDir));
    if (file.endsWith('.txt')) await writeGolden(basename(file, '.txt'), textsOfFile(path));
    else if (file.endsWith('.json')) await writeGolden(basename(file, '.json'), JSON.parse(readFileSync(path, 'utf8')));
  }
  const generator = new RandomText(GOLDEN_RANDOM.seed, dictionaryWords());
  await writeGolden('random', Array.from({ length: GOLDEN_RANDOM.count }, () => generator.next()));
}

main().catch((error: Error) => {
  console.error(`golden: ${error.message}`);
  process.exitCode = 1;
});
