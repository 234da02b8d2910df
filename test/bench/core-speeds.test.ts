import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { allowedCpus, parseCpuList, speedUpCeiling } from '../../bench/core-speeds.js';

describe('parseCpuList', () => {
  it('reads numbers and ranges', () => {
    assert.deepEqual(parseCpuList('0'), [0]);
    assert.deepEqual(parseCpuList('0-1'), [0, 1]);
    assert.deepEqual(parseCpuList('0-2,5,7-8\n'), [0, 1, 2, 5, 7, 8]);
  });

  it('refuses what is not a CPU list', () => {
    for (const list of ['', 'a', '1-', '3-1', '0,,1', '0 1']) assert.throws(() => parseCpuList(list), RangeError, list);
  });
});

describe('allowedCpus', () => {
  it('names CPUs this process may run on, where Linux says so', () => {
    const cpus = allowedCpus();
    if (process.platform !== 'linux') return assert.equal(cpus, undefined);
    assert.ok(cpus && cpus.length >= 1);
    assert.ok(cpus.every((cpu) => Number.isInteger(cpu) && cpu >= 0));
  });
});

describe('speedUpCeiling', () => {
  it('adds every core speed over the fastest', () => {
    assert.equal(speedUpCeiling([300]), 1);
    assert.equal(speedUpCeiling([300, 300]), 2);
    assert.equal(speedUpCeiling([450, 300]), 1 + 300 / 450);
    assert.equal(speedUpCeiling([100, 200, 400]), 1.75);
  });

  it('refuses times that are not positive numbers', () => {
    for (const times of [[], [0, 1], [-1], [NaN], [Infinity]]) assert.throws(() => speedUpCeiling(times), RangeError);
  });
});
