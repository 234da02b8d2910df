import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { IdfTable } from '../../src/dictionary/idf-table.js';
import { readJsonLinesGz } from '../support/fixtures.js';

interface SortCase {
  keys: string[];
  reverse: boolean;
  order: number[];
}

describe('IdfTable.fromText', () => {
  it("takes Python's median, sorted(values)[len // 2], even where NaN makes the order CPython's own", () => {
    // Python's sorted() orders of the facts file, as IDF files: word i has key i.
    const cases = readJsonLinesGz<SortCase[]>('python/sort.json.gz')[0]!.filter((c) => !c.reverse && c.keys.length > 0);
    let withNaN = 0;
    for (const c of cases) {
      const table = IdfTable.fromText(c.keys.map((key, i) => `w${i} ${key}`).join('\n'), 'facts.idf');
      const expected = Number(c.keys[c.order[Math.floor(c.keys.length / 2)]!]!.replace('nan', 'NaN'));
      assert.ok(Object.is(table.median, expected), `${c.keys.length} keys: ${table.median} against ${expected}`);
      if (c.keys.includes('nan')) withNaN++;
    }
    assert.ok(withNaN >= 40, `${withNaN} lists with NaN`);
  });

  it('keeps -0 apart from 0, as Python keeps each float', () => {
    const table = IdfTable.fromText('零 0\n负零 -0\n又零 0.0\n', 'zeros.idf');
    assert.ok(Object.is(table.idf('负零'), -0));
    assert.ok(Object.is(table.idf('零'), 0));
    assert.ok(Object.is(table.idf('又零'), 0));
  });
});
