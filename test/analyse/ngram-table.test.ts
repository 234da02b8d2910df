import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { NgramTable } from '../../src/analyse/ngram-table.js';

/**
 * Every substring of up to 4 units of each run, counted both ways: the
 * table, and a Map of strings. Some positions of each run are marked as
 * inside a word (by its characters), so that some occurrences are crossed.
 */
function countBoth(runs: string[]): { table: NgramTable; expected: Map<string, [number, number, number, number]> } {
  const table = new NgramTable();
  const expected = new Map<string, [number, number, number, number]>();
  for (const run of runs) {
    const inside = Uint8Array.from({ length: run.length + 1 }, (_, p) => (p > 0 && p < run.length && (run.charCodeAt(p) + p) % 3 === 0 ? 1 : 0));
    for (let i = 0; i < run.length; i++) {
      table.addPrefixes(run, i, Math.min(4, run.length - i), 3, i === 0, run.length, inside);
      for (let n = 1; n <= 4 && i + n <= run.length; n++) {
        const key = run.slice(i, i + n);
        const e = expected.get(key) ?? [0, 0, 0, 0];
        e[0]++;
        if (n <= 3 && i === 0) e[1]++;
        if (n <= 3 && i + n === run.length) e[2]++;
        if (inside[i] === 1 || inside[i + n] === 1) e[3]++;
        expected.set(key, e);
      }
    }
  }
  return { table, expected };
}

describe('NgramTable', () => {
  // Enough strings to grow every array and the hash table several times.
  // (Seeded: characters from a small set, so that short strings repeat and long ones rarely do.)
  let seed = 7;
  const next = (): number => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) >>> 16;
  const runs = Array.from({ length: 3000 }, (_, k) => Array.from({ length: 2 + (k % 9) }, () => String.fromCharCode(0x4e00 + (next() % 60))).join(''));

  it('counts every string, at run starts and ends too, in first-seen order, as a Map would', () => {
    const { table, expected } = countBoth(runs);
    assert.equal(table.size, expected.size);
    let entry = 0;
    let crossedSome = 0;
    for (const [key, [count, atStart, atEnd, crossed]] of expected) {
      assert.equal(table.key(entry), key);
      assert.equal(table.keyLength(entry), key.length);
      assert.deepEqual([table.count(entry), table.countAtStart(entry), table.countAtEnd(entry), table.countCrossed(entry)], [count, atStart, atEnd, crossed], key);
      if (crossed > 0 && crossed < count) crossedSome++;
      assert.equal(table.find(`x${key}y`, 1, key.length), entry);
      for (let i = 0; i < key.length; i++) {
        assert.equal(table.unit(entry, i), key.charCodeAt(i));
        assert.equal(table.findPart(entry, i, key.length - i), table.find(key, i, key.length - i));
      }
      entry++;
    }
    assert.ok(crossedSome > 100, `${crossedSome} strings crossed in some occurrences only`);
    assert.equal(table.find('丂丂丂丂丂', 0, 5), -1);
    assert.equal(table.count(-1), 0);
    assert.equal(table.add('一二', 0, 2, false, false), table.find('一二', 0, 2));
  });

  it('prunes the rare strings and keeps the others, their counts and their order', () => {
    const { table, expected } = countBoth(runs);
    table.prune(3);
    const kept = [...expected].filter(([, [count]]) => count > 3);
    assert.ok(kept.length > 0 && kept.length < expected.size);
    assert.equal(table.size, kept.length);
    kept.forEach(([key, [count, atStart, atEnd, crossed]], entry) => {
      assert.equal(table.key(entry), key);
      assert.equal(table.find(key, 0, key.length), entry);
      assert.deepEqual([table.count(entry), table.countAtStart(entry), table.countAtEnd(entry), table.countCrossed(entry)], [count, atStart, atEnd, crossed]);
    });
    // Pruned strings are gone, and come back new, at the end.
    const gone = [...expected].find(([, [count]]) => count <= 3)![0];
    assert.equal(table.find(gone, 0, gone.length), -1);
    const entry = table.add(gone, 0, gone.length, true, false);
    assert.equal(entry, kept.length);
    assert.deepEqual([table.count(entry), table.countAtStart(entry), table.countCrossed(entry)], [1, 1, 0]);
  });

  it("gives each string's prefix and suffix entries, linked while counting or looked up after a prune", () => {
    const check = (table: NgramTable): number => {
      let pairs = 0;
      for (let entry = 0; entry < table.size; entry++) {
        const key = table.key(entry);
        const prefix = key.length > 1 ? table.find(key, 0, key.length - 1) : -1;
        const suffix = key.length > 1 ? table.find(key, 1, key.length - 1) : -1;
        assert.equal(table.prefixOf(entry), prefix, `prefix of ${key}`);
        assert.equal(table.suffixOf(entry), suffix, `suffix of ${key}`);
        if (prefix >= 0 && suffix >= 0) pairs++;
      }
      return pairs;
    };
    // A string counted alone first (no links), then inside runs.
    const table = new NgramTable();
    table.add(runs[5]!, 0, 2, false, false);
    for (const run of runs) for (let i = 0; i < run.length; i++) table.addPrefixes(run, i, Math.min(4, run.length - i), 3, i === 0, run.length);
    assert.ok(check(table) > 1000);
    // After a prune, parts may be gone, and strings come back as new entries.
    table.prune(2);
    for (const run of runs.slice(0, 500)) for (let i = 0; i < run.length; i++) table.addPrefixes(run, i, Math.min(4, run.length - i), 3, i === 0, run.length);
    assert.ok(check(table) > 1000);
  });

  it('merges tables into the one that counting all their text in order would make', () => {
    const count = (part: string[]): NgramTable => {
      const table = new NgramTable();
      for (const run of part) for (let i = 0; i < run.length; i++) table.addPrefixes(run, i, Math.min(4, run.length - i), 3, i === 0, run.length);
      return table;
    };
    const describe = (table: NgramTable): string[] =>
      Array.from({ length: table.size }, (_, e) => {
        const key = table.key(e);
        const part = (p: number): string => (p < 0 ? '-' : table.key(p));
        return `${key} ${table.count(e)} ${table.countAtStart(e)} ${table.countAtEnd(e)} ${part(table.prefixOf(e))} ${part(table.suffixOf(e))} ${table.find(key, 0, key.length) === e}`;
      });
    const whole = describe(count(runs));
    const thirds = [runs.slice(0, 1000), runs.slice(1000, 2000), runs.slice(2000)];
    // Into an empty table (which takes the first's arrays), then the others in order.
    const merged = new NgramTable();
    for (const third of thirds) merged.merge(count(third).contents());
    assert.deepEqual(describe(merged), whole);
    // Into a table that goes on counting afterwards.
    const first = count(thirds[0]!);
    first.merge(count(thirds[1]!).contents());
    for (const run of thirds[2]!) for (let i = 0; i < run.length; i++) first.addPrefixes(run, i, Math.min(4, run.length - i), 3, i === 0, run.length);
    assert.deepEqual(describe(first), whole);
    // Of an empty table, nothing; without slots, they are made again.
    assert.deepEqual(describe(new NgramTable().merge(new NgramTable().contents()).merge(count(runs).contents())), whole);
    const { slots, ...withoutSlots } = count(runs).contents();
    assert.ok(slots !== undefined);
    assert.deepEqual(describe(new NgramTable().merge(withoutSlots)), whole);
    // A pruned table has no links: its parts are looked up.
    const pruned = count(thirds[1]!);
    pruned.prune(1);
    const mixed = count(thirds[0]!).merge(pruned.contents());
    assert.equal(mixed.contents().links, undefined);
    for (let e = 0; e < mixed.size; e++) {
      const key = mixed.key(e);
      assert.equal(mixed.prefixOf(e), key.length > 1 ? mixed.find(key, 0, key.length - 1) : -1);
      assert.equal(mixed.suffixOf(e), key.length > 1 ? mixed.find(key, 1, key.length - 1) : -1);
    }
  });
});
