/**
 * Exactness against Python jieba 0.42.1: every golden record made by
 * `npm run golden` (compat/make-golden.ts) must come out identical in every
 * mode, with the default dictionary and with the big one. No Python is
 * needed here.
 */

import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { describe, it } from 'node:test';
import { MODES, differingModes, runJiebaTs, type ModeResults } from '../compat/modes.js';
import { BIG_DICTIONARY, Tokenizer } from '../src/index.js';
import { fixturePath, readJsonLinesGz, repoPath } from './support/fixtures.js';

type GoldenRecord = ModeResults & { text: string };

function checkAll(tokenizer: Tokenizer, file: string): void {
  const records = readJsonLinesGz<GoldenRecord>(file);
  assert.ok(records.length > 0);
  const failures: string[] = [];
  for (const record of records) {
    for (const mode of differingModes(record, runJiebaTs(tokenizer, record.text))) {
      failures.push(`${mode}: ${JSON.stringify(record.text).slice(0, 80)}`);
    }
  }
  assert.deepEqual(failures.slice(0, 10), [], `${failures.length} of ${records.length * MODES.length} differ`);
}

describe('golden outputs of Python jieba, default dictionary', () => {
  const files = readdirSync(fixturePath('golden/default')).sort();
  const tokenizer = new Tokenizer();
  it('has the expected corpora', () => {
    for (const name of ['seed-news', 'edge-cases', 'random', 'chinese-poetry', 'jieba-examples', 'modern-mixed']) {
      assert.ok(files.includes(`${name}.jsonl.gz`), name);
    }
  });
  for (const file of files) {
    it(`${file}: every input identical in every mode`, () => checkAll(tokenizer, `golden/default/${file}`));
  }
});

describe('golden outputs of Python jieba, big dictionary (dict.txt.big)', () => {
  const files = readdirSync(fixturePath('golden/big')).sort();
  it('has a corpus', () => assert.ok(files.length > 0));
  for (const file of files) {
    it(`${file}: identical with the compiled image`, () => checkAll(new Tokenizer({ dict: BIG_DICTIONARY }), `golden/big/${file}`));
    it(`${file}: identical with the text file`, () =>
      checkAll(new Tokenizer({ dict: repoPath('data/jieba/dict.txt.big') }), `golden/big/${file}`));
  }
});
