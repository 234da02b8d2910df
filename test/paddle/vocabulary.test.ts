import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { LacVocabulary } from '../../src/paddle/vocabulary.js';

/** What two maps built from the entries say, as the model held them before. */
function mapsOf(entries: [number, string][]): { ids: Map<string, number>; words: Map<number, string> } {
  return { ids: new Map(entries.map(([id, word]) => [word, id])), words: new Map(entries) };
}

describe('LacVocabulary', () => {
  const entries: [number, string][] = [
    [0, '我'],
    [1, '爱'],
    [3, 'OOV_NUM'],
    [4, '𠀀'],
    [5, '爱'],
    [6, ''],
    [2, 'OOV'],
    [3, 'x'],
  ];

  it('answers as maps of the entries would, the later entry winning for a word or an id', () => {
    const vocabulary = LacVocabulary.from(entries);
    const { ids, words } = mapsOf(entries);
    for (const word of ['我', '爱', 'OOV_NUM', '𠀀', '', 'OOV', 'x', '你', 'OOV_', '\ud840']) assert.equal(vocabulary.get(word), ids.get(word), word);
    for (let id = -1; id <= 8; id++) assert.equal(vocabulary.wordOf(id), words.get(id), String(id));
    for (const word of ['我', '爱', 'x', '你', '\ud840']) assert.equal(vocabulary.idOfUnit(word.charCodeAt(0)), ids.get(word) ?? -1, word);
    assert.equal(vocabulary.wordOf(0.5), undefined);
    assert.equal(vocabulary.size, 7);
    assert.deepEqual([...vocabulary.entries()], entries);
  });

  it('refuses words and ids that do not pair up, or a negative id', () => {
    assert.throws(() => new LacVocabulary(Int32Array.of(0, 1), '我'), RangeError);
    assert.throws(() => new LacVocabulary(Int32Array.of(0), '我\u0000爱'), RangeError);
    assert.throws(() => new LacVocabulary(Int32Array.of(-1), '我'), RangeError);
    assert.equal(new LacVocabulary(new Int32Array(0), '').size, 0);
    assert.deepEqual([...new LacVocabulary(Int32Array.of(0), '').entries()], [[0, '']]);
  });

  it('holds the shipped model as the maps of its image did', async () => {
    const { sharedModels } = await import('../../src/node-platform.js');
    const model = sharedModels.paddle();
    const list = [...model.vocabulary.entries()];
    assert.ok(list.length > 20_000);
    const { ids, words } = mapsOf(list);
    for (const [word, id] of ids) {
      assert.equal(model.vocabulary.get(word), id, word);
      if (word.length === 1) assert.equal(model.vocabulary.idOfUnit(word.charCodeAt(0)), id, word);
    }
    for (const [id, word] of words) assert.equal(model.vocabulary.wordOf(id), word, String(id));
    assert.equal(model.vocabulary.get('OOV'), model.oov);
  });
});
