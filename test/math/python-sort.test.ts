import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { pythonSortedIndices } from '../../src/math/python-sort.js';
import { readJsonLinesGz } from '../support/fixtures.js';

interface SortCase {
  keys: string[];
  reverse: boolean;
  order: number[];
}

/** Python's `repr` of a float (or 'nan'), back to the number. */
function keyOf(text: string): number {
  return text === 'nan' ? NaN : text === 'inf' ? Infinity : text === '-inf' ? -Infinity : Number(text);
}

describe('pythonSortedIndices: the order of CPython 3.11 sorted()', () => {
  const cases = readJsonLinesGz<SortCase[]>('python/sort.json.gz')[0]!;

  it('gives Python\'s order for every case, NaN keys included', () => {
    assert.ok(cases.length >= 200);
    assert.ok(cases.filter((c) => c.keys.includes('nan') && c.keys.length > 64).length >= 60, 'long lists with NaN: merges and galloping');
    const failures = cases.filter((c) => JSON.stringify(pythonSortedIndices(c.keys.map(keyOf), c.reverse)) !== JSON.stringify(c.order));
    assert.deepEqual(failures.map((c) => `${c.keys.length} keys, reverse ${c.reverse}`), []);
  });

  it('is a plain stable sort where there is no NaN', () => {
    const keys = [3, 1, 2, 1, -0, 0, Infinity, -Infinity];
    assert.deepEqual(pythonSortedIndices(keys), [7, 4, 5, 1, 3, 2, 0, 6]);
    assert.deepEqual(pythonSortedIndices(keys, true), [6, 0, 2, 1, 3, 4, 5, 7]);
    assert.deepEqual(pythonSortedIndices([]), []);
    assert.deepEqual(pythonSortedIndices([NaN]), [0]);
  });
});
