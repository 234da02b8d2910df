/**
 * `npm run bench:discover`: new-word discovery on the SIGHAN 2005 test sets
 * in ../shared/sighan2005 (read in place, never copied): the precision of
 * the top 100 words found in each raw test text against the vocabulary of
 * its gold segmentation, and word F1 of accurate mode before and after
 * adding them (each with the frequency `suggestFreq` gives it). Each set is
 * run with the default minCount (5) and with 2: these texts are small
 * (about 170 k characters), so few new words recur five times.
 *
 * Then the speed of `jieba discover` with `-j 1` and `-j N` (N: the
 * available cores), alternately, on two inputs: the bench corpora side by
 * side (news, novel, technical and classical text, about 10 MB, where
 * nearly every string is new to the second worker, so merging costs much),
 * and every poem of chinese-poetry's quantangshi (about 57 MB, whose table
 * prunes), with whether the outputs are the same bytes. `--no-speed`
 * skips it. `--fit` first fits the weights of `wordLikeness` again on the
 * candidates of the PKU and MSR texts (see `likeness-fit.ts`), prints them
 * and the precision they give on every set, and, for PKU and MSR, the
 * precision of weights fitted on the other set alone. `--gold NAME=PATH`
 * (any number of times): also a segmented file of your own, one sentence
 * a line, words separated by spaces, whose text with the spaces taken out
 * is the raw text (the NLPCC 2016 Weibo sets, say, which this repository
 * does not hold).
 *
 * @module
 */

import { spawnSync } from 'node:child_process';
import { createWriteStream, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { discoverWords, Tokenizer } from '../src/index.js';
import { corpusPath } from './corpus.js';
import { realCorpusPath } from './real-corpora.js';
import { f1, goldFiles, scoreSentence, type Score } from './score.js';
import { benchArgs } from './args.js';
import { fitLikeness } from './likeness-fit.js';
import { NewWordFinder, type NewWordCandidate } from '../src/analyse/new-words.js';
import { LEAST_LIKENESS, LIKENESS_SIGNALS, wordLikeness, type LikenessWeights } from '../src/analyse/word-likeness.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const dir = join(root, '..', 'shared', 'sighan2005');
const args = benchArgs('npm run bench:discover [-- --gold NAME=PATH ...] [--no-speed] [--fit]', {
  gold: { type: 'string', multiple: true },
  'no-speed': { type: 'boolean' },
  fit: { type: 'boolean' },
});

function f1Of(tokenizer: Tokenizer, raw: readonly string[], gold: readonly string[]): number {
  const score: Score = { gold: 0, predicted: 0, correct: 0 };
  raw.forEach((line, i) => scoreSentence(score, gold[i]!.split(/\s+/).filter(Boolean), tokenizer.cut(line)));
  return f1(score).f1;
}

/** Each set's raw lines and gold lines, the same number: SIGHAN's, then `--gold NAME=PATH`. */
function sets(): Array<{ name: string; raw: string[]; gold: string[] }> {
  const found: Array<{ name: string; raw: string[]; gold: string[] }> = [];
  if (existsSync(dir)) {
    for (const set of ['pku', 'msr']) {
      found.push({
        name: set,
        raw: readFileSync(join(dir, `${set}_test.utf8`), 'utf8').split('\n'),
        gold: readFileSync(join(dir, `${set}_test_gold.utf8`), 'utf8').split('\n'),
      });
    }
  } else {
    console.log(`bench:discover: no SIGHAN 2005 data at ${dir}`);
  }
  for (const { name, sentences } of goldFiles(args.strings('gold'))) found.push({ name, raw: sentences.map((line) => line.replace(/\s+/g, '')), gold: sentences });
  return found;
}

/** `--fit`: the weights of `wordLikeness` fitted again on the PKU and MSR candidates (minCount 2), and the precision they give on every set. */
function fit(all: ReturnType<typeof sets>): void {
  const candidatesOf = (raw: readonly string[]): NewWordCandidate[] => {
    const finder = new NewWordFinder(new Tokenizer(), { minCount: 2 });
    for (const line of raw) finder.add(line);
    return finder.candidates();
  };
  const labelled = all.map(({ name, raw, gold }) => {
    const vocabulary = new Set(gold.join(' ').split(/\s+/).filter(Boolean));
    return { name, rows: candidatesOf(raw).map((evidence) => ({ evidence, isWord: vocabulary.has(evidence.word) })) };
  });
  const training = labelled.filter(({ name }) => name === 'pku' || name === 'msr');
  if (training.length !== 2) throw new Error('bench:discover --fit needs the SIGHAN 2005 PKU and MSR test texts');
  const weights = fitLikeness(training.flatMap(({ rows }) => rows));
  // What `words()` would report with these weights: its count and the share of the top 100 that are gold words.
  const reportedWith = (w: LikenessWeights, rows: (typeof labelled)[number]['rows']): string => {
    const reported = rows.map((row) => ({ row, score: wordLikeness(row.evidence, w) })).filter((r) => r.score >= LEAST_LIKENESS);
    reported.sort((a, b) => b.score - a.score || b.row.evidence.count - a.row.evidence.count);
    const top = reported.slice(0, 100);
    return `${reported.length}\t${(top.filter((r) => r.row.isWord).length / Math.max(1, top.length)).toFixed(2)}`;
  };
  console.log('fitted on the PKU and MSR test texts (minCount 2):');
  console.log(`{ ${(['bias', ...LIKENESS_SIGNALS] as Array<keyof LikenessWeights>).map((key) => `${key}: ${weights[key].toFixed(4)}`).join(', ')} }`);
  console.log('set\tcandidates\twords among them\treported (minCount 2)\tprecision of the top 100\tfitted on the other SIGHAN set alone: reported, precision');
  for (const { name, rows } of labelled) {
    const other = training.find((set) => set.name !== name && (name === 'pku' || name === 'msr'));
    const heldOut = other === undefined ? '' : `\t${reportedWith(fitLikeness(other.rows), rows)}`;
    console.log(`${name}\t${rows.length}\t${rows.filter((row) => row.isWord).length}\t${reportedWith(weights, rows)}${heldOut}`);
  }
  console.log('');
}

{
  const all = sets(); // (a bad --gold ends the run before anything is printed)
  if (args.flag('fit')) fit(all);
  console.log('set\tminCount\ttop\tprecision\tF1 before\tF1 after\tseconds');
  for (const { name: set, raw, gold } of all) for (const minCount of [5, 2]) {
    // MSR's gold breaks 16 lines differently from its input: score aligned lines only.
    const aligned = raw.map((line, i) => line.replace(/\s+/g, '') === (gold[i] ?? '').replace(/\s+/g, '')).map((same, i) => (same ? i : -1)).filter((i) => i >= 0);
    const vocabulary = new Set(gold.join(' ').split(/\s+/).filter(Boolean));
    const started = performance.now();
    const words = discoverWords(raw, { top: 100, minCount });
    const seconds = (performance.now() - started) / 1000;
    const precision = words.filter((w) => vocabulary.has(w.word)).length / Math.max(1, words.length);
    const before = f1Of(new Tokenizer(), aligned.map((i) => raw[i]!), aligned.map((i) => gold[i]!));
    const tokenizer = new Tokenizer();
    for (const { word } of words) tokenizer.addWord(word);
    const after = f1Of(tokenizer, aligned.map((i) => raw[i]!), aligned.map((i) => gold[i]!));
    console.log(`${set}\t${minCount}\t${words.length}\t${precision.toFixed(2)}\t${before.toFixed(4)}\t${after.toFixed(4)}\t${seconds.toFixed(2)}`);
  }
}

/** `jieba discover --scores` of `file` with `-j jobs`: seconds (start-up included), output and peak RSS. */
function discoverRun(file: string, jobs: number): { seconds: number; output: string; peakMiB: number } {
  const started = performance.now();
  const run = spawnSync('/usr/bin/time', ['-f', '%M', process.execPath, join(root, 'bin/jieba.js'), 'discover', '-q', '--scores', '-j', String(jobs), file], { encoding: 'utf8', maxBuffer: 1 << 26 });
  const seconds = (performance.now() - started) / 1000;
  if (run.status !== 0) throw new Error(`jieba discover -j ${jobs} failed: ${run.stderr}`);
  return { seconds, output: run.stdout, peakMiB: Number(run.stderr.trim().split('\n').pop()) / 1024 };
}

/** Every poem of chinese-poetry's quantangshi (Tang and Song), a line each, into `file`; false without the package. */
async function writePoems(file: string): Promise<boolean> {
  const dir = join(root, 'bench', 'node_modules', 'chinese-poetry', 'dist', 'quantangshi');
  if (!existsSync(dir)) return false;
  const out = createWriteStream(file);
  for (const name of readdirSync(dir).filter((f) => /^poet\.(tang|song)\.\d+\.json$/.test(f)).sort()) {
    for (const poem of JSON.parse(readFileSync(join(dir, name), 'utf8')) as { paragraphs?: string[] }[]) {
      const text = (poem.paragraphs ?? []).join('');
      if (text !== '' && !out.write(`${text}\n`)) await new Promise<void>((resolve) => out.once('drain', () => resolve()));
    }
  }
  await new Promise<void>((resolve) => out.end(() => resolve()));
  return true;
}

if (!args.flag('no-speed') && existsSync('/usr/bin/time')) {
  const jobs = availableParallelism();
  const scratch = mkdtempSync(join(tmpdir(), 'jieba-bench-discover-'));
  try {
    const mixed = join(scratch, 'corpora.txt');
    const sources = [corpusPath('news'), corpusPath('novel'), ...['technical-cn', 'technical-tw', 'classical-cn', 'classical-tw'].map(realCorpusPath)].filter((p): p is string => p !== undefined);
    writeFileSync(mixed, sources.map((p) => readFileSync(p, 'utf8')).join('\n'));
    const inputs: [string, string][] = [['bench corpora', mixed]];
    const poems = join(scratch, 'poems.txt');
    if (await writePoems(poems)) inputs.push(['quantangshi poems', poems]);
    console.log(`\ninput\tMB\t-j 1 s\t-j ${jobs} s\tratio\tpeak MiB (-j 1, -j ${jobs})\tsame output`);
    for (const [name, file] of inputs) {
      const one: number[] = [];
      const many: number[] = [];
      let same = true;
      let peaks = [0, 0];
      for (let round = 0; round < 2; round++) {
        const a = discoverRun(file, 1);
        const b = discoverRun(file, jobs);
        one.push(a.seconds);
        many.push(b.seconds);
        same &&= a.output === b.output;
        peaks = [Math.max(peaks[0]!, a.peakMiB), Math.max(peaks[1]!, b.peakMiB)];
      }
      const best = (xs: number[]): number => Math.min(...xs);
      const mb = readFileSync(file).length / 1e6;
      console.log(`${name}\t${mb.toFixed(1)}\t${best(one).toFixed(2)}\t${best(many).toFixed(2)}\t${(best(one) / best(many)).toFixed(2)}x\t${peaks.map((p) => p.toFixed(0)).join(', ')}\t${same ? 'yes' : 'no (the table pruned)'}`);
    }
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}
