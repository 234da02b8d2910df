import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { pythonLog } from '../../src/math/log.js';
import { readJsonFixture } from '../support/fixtures.js';

/** A double from Python's float.hex() form, e.g. '0x1.193ea7aad030bp+0'. */
function fromHex(hex: string): number {
  const match = /^(-?)0x([01])\.([0-9a-f]+)p([-+]\d+)$/.exec(hex);
  if (!match) throw new Error(`bad hex float ${hex}`);
  const [, sign, lead, fraction, exponent] = match;
  // The mantissa as an integer is exact; scale in two steps so subnormals do not underflow early.
  const mantissa = Number(BigInt(`0x${lead}${fraction}`));
  const shift = Number(exponent) - 4 * fraction!.length;
  const value = shift < -1000 ? mantissa * 2 ** -1000 * 2 ** (shift + 1000) : mantissa * 2 ** shift;
  return sign ? -value : value;
}

describe('pythonLog', () => {
  const facts = readJsonFixture<{ values: string[]; logs: string[] }>('python/log.json');
  const hard = readJsonFixture<number[]>('python/log-hard-integers.json');

  it('equals Python\'s math.log bit for bit: dictionary frequencies, totals, random integers and doubles', () => {
    const differing: string[] = [];
    facts.values.forEach((hex, i) => {
      const value = fromHex(hex);
      if (pythonLog(value) !== fromHex(facts.logs[i]!)) differing.push(`${value}`);
    });
    assert.deepEqual(differing.slice(0, 5), []);
    assert.ok(facts.values.length > 15000);
  });

  it('follows glibc where glibc is not correctly rounded', () => {
    assert.ok(hard.length > 100);
    const values = new Set(facts.values.map(fromHex));
    for (const n of hard) assert.ok(values.has(n), `${n} is in the fixture`);
    // 9170: the true value is 9.12369256525051053...; glibc (and Python) round up.
    assert.equal(pythonLog(9170), 9.123692565250511);
  });

  it('is where Math.log is not (log 3 is 1.0986122886681098, Math.log says ...096)', () => {
    assert.equal(pythonLog(3), 1.0986122886681098);
    assert.notEqual(Math.log(3), pythonLog(3));
  });

  it('handles the edges like Math.log', () => {
    assert.equal(pythonLog(1), 0);
    assert.equal(pythonLog(0), -Infinity);
    assert.ok(Number.isNaN(pythonLog(-1)));
    assert.ok(Number.isNaN(pythonLog(NaN)));
    assert.equal(pythonLog(Infinity), Infinity);
    assert.equal(pythonLog(2), Math.LN2);
  });
});
