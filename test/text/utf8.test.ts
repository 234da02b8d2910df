import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { firstInvalidUtf8 } from '../../src/text/utf8.js';
import { readJsonFixture } from '../support/fixtures.js';

/** Where Python's bytes.decode('utf-8') fails (test/fixtures/python/strings.json). */
const FACTS = readJsonFixture<{ bytes: { bytes: number[]; firstInvalid: number }[] }>('python/strings.json');

describe('firstInvalidUtf8', () => {
  it("finds the byte where Python's decoder fails, or -1 where it does not", () => {
    for (const { bytes, firstInvalid } of FACTS.bytes) {
      assert.equal(firstInvalidUtf8(Uint8Array.from(bytes)), firstInvalid, bytes.map((b) => b.toString(16)).join(' '));
    }
  });

  it('agrees with TextDecoder on what is valid', () => {
    const decoder = new TextDecoder('utf-8', { fatal: true });
    for (const { bytes } of FACTS.bytes) {
      let valid = true;
      try {
        decoder.decode(Uint8Array.from(bytes));
      } catch {
        valid = false;
      }
      assert.equal(firstInvalidUtf8(Uint8Array.from(bytes)) < 0, valid);
    }
  });
});
