import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { PosCounts } from '../../src/analyse/train-pos.js';
import { DictionaryTrainer } from '../../src/analyse/train.js';
import { decodeImage } from '../../src/data/image.js';
import { Tokenizer, trainDictionary } from '../../src/index.js';
import { sharedModels } from '../../src/node-platform.js';
import { emission, POS_MIN_FLOAT } from '../../src/posseg/model.js';

const TAGGED = ['鬯鬯/nz 来了/v', '我们/r 爱/v 鬯鬯/nz', 'jieba/eng 鬯鬯/nz'];

/** The states of state names, with the model's numbers. */
const stateOf = (states: readonly string[], name: string): number => {
  const y = states.indexOf(name);
  assert.ok(y >= 0, `state ${name}`);
  return y;
};

describe('PosCounts', () => {
  it('estimates start, transition and emission probabilities and each character\'s states from runs of tagged Han words', () => {
    const counts = new PosCounts();
    // Two runs: 甲乙/n 丙/v, then 丙/n (a non-Han word in between ends a run).
    counts.addWord('甲乙', 'n');
    counts.addWord('丙', 'v');
    counts.endRun();
    counts.addWord('丙', 'n');
    const { model, unknownStates } = counts.build(undefined);
    assert.deepEqual(unknownStates, []);
    assert.deepEqual(model.states, ['B n', 'E n', 'S n', 'S v']);
    const [Bn, En, Sn, Sv] = [0, 1, 2, 3];
    const S = model.states.length;
    assert.deepEqual([...model.start], [Math.log(0.5), POS_MIN_FLOAT, Math.log(0.5), POS_MIN_FLOAT]);
    assert.equal(model.trans[En * S + Bn], 0);
    assert.equal(model.trans[Sv * S + En], 0);
    assert.equal(model.trans[Sn * S + Bn], -Infinity);
    assert.deepEqual([...model.next.subarray(model.nextStart[Bn]!, model.nextStart[Bn + 1]!)], [En]);
    assert.equal(model.nextStart[Sv + 1]! - model.nextStart[Sv]!, 0);
    assert.equal(emission(model, Bn, '甲'.charCodeAt(0)), 0);
    assert.equal(emission(model, Sn, '丙'.charCodeAt(0)), 0);
    assert.equal(emission(model, Bn, '丙'.charCodeAt(0)), POS_MIN_FLOAT);
    const c = '丙'.charCodeAt(0) - 0x4e00;
    assert.deepEqual([...model.charStates.subarray(model.charStart[c]!, model.charStart[c + 1]!)], [Sn, Sv]);
  });

  it('merges into a base: its states kept, probabilities averaged where both have one, characters\' states united', () => {
    const base = sharedModels.pos().model;
    const counts = new PosCounts();
    counts.addWord('鬯鬯', 'nz');
    counts.addWord('来了', 'zz');
    const { model, unknownStates } = counts.build(base);
    assert.deepEqual(model.states, base.states);
    assert.deepEqual(unknownStates, ['B zz', 'E zz']);
    const Bnz = stateOf(model.states, 'B nz');
    const cu = '鬯'.charCodeAt(0);
    // The corpus: 鬯 is all that B nz emits; the base's share is averaged in.
    const baseShare = emission(base, Bnz, cu) === POS_MIN_FLOAT ? 0 : Math.exp(emission(base, Bnz, cu));
    assert.equal(emission(model, Bnz, cu), Math.log((1 + baseShare) / 2));
    // And a character the base has B nz emit, which the corpus does not: half the base's share.
    const other = '中'.charCodeAt(0);
    assert.notEqual(emission(base, Bnz, other), POS_MIN_FLOAT);
    assert.equal(emission(model, Bnz, other), Math.log(Math.exp(emission(base, Bnz, other)) / 2));
    const c = cu - 0x4e00;
    const listed = [...model.charStates.subarray(model.charStart[c]!, model.charStart[c + 1]!)];
    for (let k = base.charStart[c]!; k < base.charStart[c + 1]!; k++) assert.ok(listed.includes(base.charStates[k]!));
    assert.ok(listed.includes(Bnz) && listed.includes(stateOf(model.states, 'E nz')));
    // A state the corpus never shows keeps the base's emissions.
    const Sv = stateOf(model.states, 'S v');
    assert.equal(emission(model, Sv, '爱'.charCodeAt(0)), emission(base, Sv, '爱'.charCodeAt(0)));
  });
});

describe('training on a tagged corpus', () => {
  it('puts the POS HMM in the image, which tag() then uses for unknown words', () => {
    const { image } = trainDictionary(TAGGED, { tags: 'slash', base: null });
    assert.ok(decodeImage(image, 'trained').has('pos.states'));
    const trained = new Tokenizer({ dict: image });
    // Characters neither dictionary has: the POS HMM tags them, with the corpus's tags only.
    const tags = new Set(trained.tag('甲乙丙丁戊').map((w) => w.tag));
    for (const tag of tags) assert.ok(['nz', 'v', 'r'].includes(tag), tag);
    assert.ok(new Tokenizer().tag('甲乙丙丁戊').some((w) => !['nz', 'v', 'r'].includes(w.tag)), 'the default model tags otherwise');
    // The image a tokenizer compiles keeps it.
    const again = new Tokenizer({ dict: trained.compileDictionary() });
    assert.deepEqual(again.tag('甲乙丙丁戊'), trained.tag('甲乙丙丁戊'));
  });

  it('leaves the POS model alone for an untagged corpus', () => {
    const { image } = trainDictionary(TAGGED.map((line) => line.replace(/\/[a-z]+/g, '')), { base: null });
    assert.equal(decodeImage(image, 'trained').has('pos.states'), false);
    const trainer = new DictionaryTrainer();
    trainer.add('鬯鬯 来了');
    assert.equal(trainer.build({}).pos, undefined);
  });
});
