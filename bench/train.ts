/**
 * `npm run bench:train`: dictionaries trained on the SIGHAN 2005 gold
 * segmentations in ../shared/sighan2005 (read in place, never copied),
 * by 5-fold cross-validation: train on four fifths of a set's gold
 * sentences (merged into jieba's dictionary, HMM re-estimated), cut the
 * fifth's raw text, and score it against its gold; word F1 before (jieba's
 * default dictionary), after (base words that the training sentences cut
 * apart and never write whole left out, those they cut apart more often
 * than whole made rarer, and those they never show too where they cut
 * apart most words of their length and tag, and the words the trained HMM makes there split,
 * as `jieba train` makes an image) and after with them kept
 * (`--keep-contradicted`), averaged over the folds. `--ratio R`: the corpus's
 * weight against the base dictionary (default 4). `--curve`: then the
 * learning curve, the same folds trained on the first eighth, quarter,
 * half and all of their training sentences. `--gold NAME=PATH` (any
 * number of times): cross-validate a segmented file of your own too, one
 * sentence a line, words separated by spaces (the NLPCC 2016 Weibo sets,
 * say, which this repository does not hold); `--no-sighan` leaves the
 * SIGHAN sets out.
 *
 * @module
 */

import { existsSync, readFileSync } from 'node:fs';
import { benchArgs, positiveOr } from './args.js';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DictionaryTrainer } from '../src/analyse/train.js';
import type { Lowered } from '../src/analyse/cut-apart.js';
import { encodeDictionaryImage } from '../src/data/load.js';
import { sharedModels } from '../src/node-platform.js';
import { Tokenizer } from '../src/index.js';
import type { PrefixDictionary } from '../src/dictionary/prefix-dictionary.js';
import type { HmmModel } from '../src/hmm/model.js';
import { f1, goldFiles, scoreSentence, type GoldFile, type Score } from './score.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const dir = join(root, '..', 'shared', 'sighan2005');
const FOLDS = 5;
const args = benchArgs('npm run bench:train [-- --ratio R] [--curve] [--gold NAME=PATH ...] [--no-sighan]', {
  ratio: { type: 'string' },
  curve: { type: 'boolean' },
  gold: { type: 'string', multiple: true },
  'no-sighan': { type: 'boolean' },
});

/**
 * A dictionary trained on `lines` as `jieba train` makes an image (both
 * passes), as a tokenizer, with how many base words it left out and how
 * many of the HMM's words it splits.
 */
function trained(lines: readonly string[], base: BaseModels, ratio: number): { tokenizer: Tokenizer; dropped: number; lowered: Lowered; reviewed: number } {
  const trainer = new DictionaryTrainer({ base: base.dictionary });
  for (const line of lines) trainer.add(line);
  const { dictionary, hmm, dropped, lowered } = trainer.build({ base, ratio });
  const first = new Tokenizer({ dict: encodeDictionaryImage(dictionary, hmm) });
  for (const line of lines) trainer.review(line, (text) => first.cut(text));
  return { tokenizer: new Tokenizer({ dict: encodeDictionaryImage(dictionary, trainer.reviewedHmm(hmm)) }), dropped, lowered, reviewed: trainer.reviewed };
}

type BaseModels = { dictionary: PrefixDictionary; hmm: HmmModel };

function f1Of(tokenizer: Tokenizer, gold: readonly string[]): number {
  const score: Score = { gold: 0, predicted: 0, correct: 0 };
  for (const line of gold) {
    const words = line.split(/\s+/).filter(Boolean);
    scoreSentence(score, words, tokenizer.cut(words.join('')));
  }
  return f1(score).f1;
}

/** The gold sets to cross-validate: SIGHAN's (when present) and `--gold NAME=PATH`. */
function goldSets(): GoldFile[] {
  const sets: GoldFile[] = [];
  if (!args.flag('no-sighan')) {
    if (existsSync(dir)) for (const set of ['pku', 'msr']) sets.push({ name: set, sentences: readFileSync(join(dir, `${set}_test_gold.utf8`), 'utf8').split('\n').filter((line) => line.trim() !== '') });
    else console.log(`bench:train: no SIGHAN 2005 data at ${dir}`);
  }
  sets.push(...goldFiles(args.strings('gold')));
  return sets;
}

{
  const base = { dictionary: sharedModels.defaultData().base, hmm: sharedModels.defaultData().model };
  const ratio = positiveOr(args, 'ratio', 4);
  console.log(`ratio ${ratio}`);
  console.log('set\tfold\ttraining sentences\tF1 before\tF1 after\tF1 after, contradicted words kept\tbase words left out\tbase words made rarer\tunseen base words made rarer\tHMM words split');
  for (const { name: set, sentences: gold } of goldSets()) {
    let before = 0;
    let after = 0;
    let afterKept = 0;
    for (let fold = 0; fold < FOLDS; fold++) {
      const held = gold.filter((_, i) => i % FOLDS === fold);
      const training = gold.filter((_, i) => i % FOLDS !== fold);
      const { tokenizer, dropped, lowered, reviewed } = trained(training, base, ratio);
      const keeper = new DictionaryTrainer();
      for (const line of training) keeper.add(line);
      const kept = keeper.build({ base, ratio });
      const b = f1Of(new Tokenizer(), held);
      const a = f1Of(tokenizer, held);
      const k = f1Of(new Tokenizer({ dict: encodeDictionaryImage(kept.dictionary, kept.hmm) }), held);
      before += b / FOLDS;
      after += a / FOLDS;
      afterKept += k / FOLDS;
      console.log(`${set}\t${fold + 1}\t${training.length}\t${b.toFixed(4)}\t${a.toFixed(4)}\t${k.toFixed(4)}\t${dropped}\t${lowered.cutApart}\t${lowered.unseen}\t${reviewed}`);
    }
    console.log(`${set}\tmean\t\t${before.toFixed(4)}\t${after.toFixed(4)}\t${afterKept.toFixed(4)}`);
    if (!args.flag('curve')) continue;
    const points: string[] = [];
    for (const share of [1 / 8, 1 / 4, 1 / 2, 1]) {
      let mean = 0;
      let sentences = 0;
      for (let fold = 0; fold < FOLDS; fold++) {
        const training = gold.filter((_, i) => i % FOLDS !== fold);
        const part = training.slice(0, Math.round(training.length * share));
        sentences = part.length;
        mean += f1Of(trained(part, base, ratio).tokenizer, gold.filter((_, i) => i % FOLDS === fold)) / FOLDS;
      }
      points.push(`${sentences} sentences ${mean.toFixed(4)}`);
    }
    console.log(`${set}\tlearning curve\t${points.join(', ')}`);
  }
}
