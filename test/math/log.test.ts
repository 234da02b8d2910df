import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { pythonLog } from '../../src/math/log.js';
import { readJsonFixture } from '../support/fixtures.js';

/** A double from Python's float.hex() form, e.g. '0x1.193ea7aad030bp+0'. */
function fromHex(hex: string): number {
  const match = /^(-?)0x([01])\.([0-9a-f]+)p([-+]\d+)$/.exec(hex);
  if (!match) throw new Error(`bad hex float ${hex}`);
  const [, sign, lead, fraction, exponent] = match;
  let mantissa = Number(lead);
  for (let i = 0; i < fraction!.length; i++) mantissa += parseInt(fraction![i]!, 16) / 16 ** (i + 1);
  const value = mantissa * 2 ** Number(exponent);
  return sign ? -value : value;
}

describe('pythonLog', () => {
  const facts = readJsonFixture<{ values: number[]; logs: string[] }>('python/log.json');

  it('equals Python\'s math.log bit for bit on every default-dictionary frequency and the total', () => {
    let differing = 0;
    facts.values.forEach((value, i) => {
      if (pythonLog(value) !== fromHex(facts.logs[i]!)) differing++;
    });
    assert.equal(differing, 0);
    assert.ok(facts.values.length > 5000);
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
    assert.equal(pythonLog(Math.E), 1);
    assert.equal(pythonLog(2), Math.LN2);
    assert.ok(Math.abs(pythonLog(5e-324) - -744.4400719213812) < 1e-12);
  });
});
