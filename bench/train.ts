/**
 * `npm run bench:train`: dictionaries trained on the SIGHAN 2005 gold
 * segmentations in ../shared/sighan2005 (read in place, never copied),
 * by 5-fold cross-validation: train on four fifths of a set's gold
 * sentences (merged into jieba's dictionary, HMM re-estimated), cut the
 * fifth's raw text, and score it against its gold; word F1 before (jieba's
 * default dictionary), after (base words that the training sentences cut
 * apart left out, and the words the trained HMM makes there split, as
 * `jieba train` makes an image) and after with them kept
 * (`--keep-contradicted`), averaged over the folds. `--ratio R`: the corpus's
 * weight against the base dictionary (default 4).
 *
 * @module
 */

import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DictionaryTrainer } from '../src/analyse/train.js';
import { encodeDictionaryImage } from '../src/data/load.js';
import { sharedModels } from '../src/node-platform.js';
import { Tokenizer } from '../src/index.js';
import { f1, scoreSentence, type Score } from './score.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const dir = join(root, '..', 'shared', 'sighan2005');
const FOLDS = 5;

function f1Of(tokenizer: Tokenizer, gold: readonly string[]): number {
  const score: Score = { gold: 0, predicted: 0, correct: 0 };
  for (const line of gold) {
    const words = line.split(/\s+/).filter(Boolean);
    scoreSentence(score, words, tokenizer.cut(words.join('')));
  }
  return f1(score).f1;
}

if (!existsSync(dir)) {
  console.log(`bench:train: no SIGHAN 2005 data at ${dir}`);
} else {
  const base = { dictionary: sharedModels.defaultData().base, hmm: sharedModels.defaultData().model };
  const at = process.argv.indexOf('--ratio');
  const ratio = at < 0 ? 4 : Number(process.argv[at + 1]);
  console.log(`ratio ${ratio}`);
  console.log('set\tfold\ttraining sentences\tF1 before\tF1 after\tF1 after, contradicted words kept\tbase words left out\tHMM words split');
  for (const set of ['pku', 'msr']) {
    const gold = readFileSync(join(dir, `${set}_test_gold.utf8`), 'utf8').split('\n').filter((line) => line.trim() !== '');
    let before = 0;
    let after = 0;
    let afterKept = 0;
    for (let fold = 0; fold < FOLDS; fold++) {
      const held = gold.filter((_, i) => i % FOLDS === fold);
      const trainer = new DictionaryTrainer({ base: base.dictionary });
      const keeper = new DictionaryTrainer();
      let sentences = 0;
      gold.forEach((line, i) => {
        if (i % FOLDS === fold) return;
        trainer.add(line);
        keeper.add(line);
        sentences++;
      });
      const { dictionary, hmm, dropped } = trainer.build({ base, ratio });
      // The second pass, as `jieba train` makes it for an image: the HMM's words the corpus cuts apart.
      const first = new Tokenizer({ dict: encodeDictionaryImage(dictionary, hmm) });
      gold.forEach((line, i) => void (i % FOLDS !== fold && trainer.review(line, (text) => first.cut(text))));
      const kept = keeper.build({ base, ratio });
      const b = f1Of(new Tokenizer(), held);
      const a = f1Of(new Tokenizer({ dict: encodeDictionaryImage(dictionary, trainer.reviewedHmm(hmm)) }), held);
      const k = f1Of(new Tokenizer({ dict: encodeDictionaryImage(kept.dictionary, kept.hmm) }), held);
      before += b / FOLDS;
      after += a / FOLDS;
      afterKept += k / FOLDS;
      console.log(`${set}\t${fold + 1}\t${sentences}\t${b.toFixed(4)}\t${a.toFixed(4)}\t${k.toFixed(4)}\t${dropped}\t${trainer.reviewed}`);
    }
    console.log(`${set}\tmean\t\t${before.toFixed(4)}\t${after.toFixed(4)}\t${afterKept.toFixed(4)}`);
  }
}
