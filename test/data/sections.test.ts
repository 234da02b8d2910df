import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { decodeImage, encodeImage, type SectionArray } from '../../src/data/image.js';
import { hmmFromSections, hmmSections, idfFromSections, idfSections, posFromSections, posSections, tagSections, tagsFromSections } from '../../src/data/sections.js';
import { ImageError } from '../../src/dictionary/errors.js';
import { IdfTable } from '../../src/dictionary/idf-table.js';
import { sharedModels } from '../../src/node-platform.js';

/** The sections as an image would give them back. */
function throughImage(sections: Record<string, SectionArray>): Map<string, SectionArray> {
  return decodeImage(encodeImage(sections), 'test.img');
}

function without(sections: Map<string, SectionArray>, key: string): Map<string, SectionArray> {
  const copy = new Map(sections);
  assert.ok(copy.delete(key), key);
  return copy;
}

const refusedAs = (pattern: RegExp) => (error: Error) => error instanceof ImageError && pattern.test(error.message);

describe('image sections', () => {
  it('give back the HMM they hold, and refuse one of the wrong shape', () => {
    const model = sharedModels.defaultData().model;
    const sections = throughImage(hmmSections(model));
    assert.deepEqual(hmmFromSections(sections, 'test.img'), model);
    assert.throws(() => hmmFromSections(without(sections, 'hmm.emit'), 'test.img'), refusedAs(/test\.img/));
    const short = new Map(sections).set('hmm.trans', new Float64Array(15));
    assert.throws(() => hmmFromSections(short, 'test.img'), refusedAs(/test\.img has inconsistent HMM sections/));
  });

  it('give back the POS model they hold, and refuse a state listed twice for one character', () => {
    const model = sharedModels.pos().model;
    const sections = throughImage(posSections(model));
    const back = posFromSections(sections, 'test.img');
    assert.deepEqual(back.states, model.states);
    assert.deepEqual(back.charStates, model.charStates);
    assert.deepEqual(back.emitValues, model.emitValues);
    assert.equal(back.hugeScore, model.hugeScore);
    const states = (sections.get('pos.char.states') as Uint8Array).slice();
    const charStart = sections.get('pos.char.start') as Int32Array;
    let c = 0;
    while (charStart[c + 1]! - charStart[c]! < 2) c++;
    states[charStart[c]! + 1] = states[charStart[c]!]!;
    assert.throws(() => posFromSections(new Map(sections).set('pos.char.states', states), 'test.img'), refusedAs(/lists a state twice/));
    assert.throws(() => posFromSections(without(sections, 'pos.trans'), 'test.img'), refusedAs(/test\.img/));
  });

  it('give back word tags, and refuse a tag index past the names', () => {
    const tags = { names: ['', 'n', 'v'], nodes: Uint8Array.of(0, 1, 2, 1) };
    const sections = throughImage(tagSections(tags, 'default.'));
    assert.deepEqual(tagsFromSections(sections, 'test.img', 'default.'), tags);
    assert.equal(tagsFromSections(sections, 'test.img'), undefined, 'no tags under another prefix');
    const bad = new Map(sections).set('default.tags.nodes', Uint8Array.of(0, 3));
    assert.throws(() => tagsFromSections(bad, 'test.img', 'default.'), refusedAs(/tag out of range/));
  });

  it('give back the IDF table, median included', () => {
    const table = IdfTable.fromText('北京 5.5\n天安门 9.25\n大学 3\n', 'idf.txt');
    const back = idfFromSections(throughImage(idfSections(table)), 'test.img');
    for (const word of ['北京', '天安门', '大学', '没有']) assert.equal(back.idf(word), table.idf(word), word);
    assert.equal(back.median, table.median);
    assert.throws(() => idfFromSections(without(throughImage(idfSections(table)), 'idf.median'), 'test.img'), refusedAs(/test\.img/));
  });
});
