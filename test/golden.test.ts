/**
 * Exactness against Python jieba 0.42.1: every golden record made by
 * `npm run golden` (compat/make-golden.ts) must come out identical in every
 * mode. No Python is needed here.
 */

import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { describe, it } from 'node:test';
import { MODES, differingModes, runJiebaTs, type ModeResults } from '../compat/modes.js';
import { Tokenizer } from '../src/index.js';
import { fixturePath, readJsonLinesGz } from './support/fixtures.js';

type GoldenRecord = ModeResults & { text: string };

const tokenizer = new Tokenizer();
const files = readdirSync(fixturePath('golden')).filter((f) => f.endsWith('.jsonl.gz')).sort();

describe('golden outputs of Python jieba', () => {
  it('has the expected corpora', () => {
    for (const name of ['seed-news', 'edge-cases', 'random', 'chinese-poetry', 'jieba-examples', 'modern-mixed']) {
      assert.ok(files.includes(`${name}.jsonl.gz`), name);
    }
  });

  for (const file of files) {
    it(`${file}: every input identical in every mode`, () => {
      const records = readJsonLinesGz<GoldenRecord>(`golden/${file}`);
      assert.ok(records.length > 0);
      const failures: string[] = [];
      for (const record of records) {
        for (const mode of differingModes(record, runJiebaTs(tokenizer, record.text))) {
          failures.push(`${mode}: ${JSON.stringify(record.text).slice(0, 80)}`);
        }
      }
      assert.deepEqual(failures.slice(0, 10), [], `${failures.length} of ${records.length * MODES.length} differ`);
    });
  }
});
