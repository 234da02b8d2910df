import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { sharedModels } from '../../src/node-platform.js';
import { STATE_NAMES } from '../../src/hmm/model.js';
import { viterbi, ViterbiScratch } from '../../src/hmm/viterbi.js';
import { readJsonFixture } from '../support/fixtures.js';

interface HmmCase {
  text: string;
  /** `jieba.finalseg.viterbi`'s state path, as letters B, M, E, S. */
  path: string;
}

describe('finalseg Viterbi', () => {
  it('finds the state path Python finds, characters the model never saw included', () => {
    const model = sharedModels.defaultData().model;
    const scratch = new ViterbiScratch();
    const cases = readJsonFixture<{ hmm: HmmCase[] }>('python/engine.json').hmm;
    assert.ok(cases.length >= 8);
    for (const { text, path } of cases) {
      viterbi(model, text, 0, text.length, scratch);
      const states = Array.from(scratch.states.subarray(0, text.length), (s) => STATE_NAMES[s]).join('');
      assert.equal(states, path, text);
    }
  });
});
