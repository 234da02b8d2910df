import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { LEAST_LIKENESS, LIKENESS_SIGNALS, LIKENESS_WEIGHTS, likenessFeatures, wordLikeness, type WordEvidence } from '../../src/analyse/word-likeness.js';

const WORD: WordEvidence = { count: 12, cohesion: 6.1, entropy: 2.3, innerEntropy: 0.4, crossedShare: 0, allSingle: true, firstFrequency: 0, lastFrequency: 120, length: 2 };

describe('wordLikeness', () => {
  it('is the bias plus each signal times its weight', () => {
    const w = LIKENESS_WEIGHTS;
    const expected =
      w.bias + w.logCount * Math.log(12) + w.cohesion * 6.1 + w.entropy * 2.3 + w.innerEntropy * 0.4 + w.allSingle + w.logLastFrequency * Math.log1p(120) + w.length * 2;
    assert.ok(Math.abs(wordLikeness(WORD) - expected) < 1e-12, `${wordLikeness(WORD)} against ${expected}`);
    assert.equal(likenessFeatures(WORD).length, LIKENESS_SIGNALS.length);
    assert.deepEqual(Object.keys(LIKENESS_WEIGHTS).sort(), ['bias', ...LIKENESS_SIGNALS].sort());
  });

  it('moves each signal the way the module says', () => {
    const higher = (change: Partial<WordEvidence>): boolean => wordLikeness({ ...WORD, ...change }) > wordLikeness(WORD);
    const lower = (change: Partial<WordEvidence>): boolean => wordLikeness({ ...WORD, ...change }) < wordLikeness(WORD);
    assert.ok(higher({ count: 40 }), 'more occurrences');
    assert.ok(higher({ entropy: 3 }), 'more open edges');
    assert.ok(lower({ innerEntropy: 2 }), 'a more open inside');
    assert.ok(lower({ crossedShare: 0.4 }), 'crossed by known words');
    assert.ok(lower({ allSingle: false }), 'holding a dictionary word');
    assert.ok(lower({ firstFrequency: 50_000 }), 'a frequent word at its start');
    assert.ok(lower({ lastFrequency: 50_000 }), 'a frequent word at its end');
  });

  it('reports a clear word and leaves out a phrase of frequent words', () => {
    assert.ok(wordLikeness(WORD) >= LEAST_LIKENESS);
    // 更大, as a news corpus shows it: two frequent words, as open inside as outside.
    const phrase: WordEvidence = { count: 6, cohesion: 0.8, entropy: 1.2, innerEntropy: 3.4, crossedShare: 0.3, allSingle: true, firstFrequency: 30_000, lastFrequency: 140_000, length: 2 };
    assert.ok(wordLikeness(phrase) < LEAST_LIKENESS, String(wordLikeness(phrase)));
  });
});
