import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { base64Bytes } from '../../src/text/base64.js';

/** Bytes of every length from 0 to 70 and a few long ones (each padding case), made up. */
function samples(): Uint8Array[] {
  let seed = 7;
  const next = (): number => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) >>> 24;
  return [...Array.from({ length: 71 }, (_, n) => n), 4095, 4096, 4097].map((n) => Uint8Array.from({ length: n }, next));
}

/** Runs `body` with `globalThis[name]` (or `Uint8Array.fromBase64`) hidden, then puts it back. */
function without(target: object, name: string, body: () => void): void {
  const descriptor = Object.getOwnPropertyDescriptor(target, name);
  if (descriptor) delete (target as Record<string, unknown>)[name];
  try {
    body();
  } finally {
    if (descriptor) Object.defineProperty(target, name, descriptor);
  }
}

describe('base64Bytes', () => {
  // (Encoded before any test hides Buffer.)
  const cases = samples().map((bytes) => ({ bytes, text: Buffer.from(bytes).toString('base64') }));
  const check = (how: string): void => {
    for (const { bytes, text } of cases) assert.deepEqual(new Uint8Array(base64Bytes(text)), bytes, `${how}, ${bytes.length} bytes`);
  };

  it('decodes as Buffer does, with the runtime\'s own decoder', () => check('native or Buffer'));

  it('decodes the same with atob alone (browsers and workers without Uint8Array.fromBase64)', () => {
    without(Uint8Array, 'fromBase64', () => without(globalThis, 'Buffer', () => {
      assert.equal((globalThis as { Buffer?: unknown }).Buffer, undefined, 'Buffer hidden');
      check('atob');
    }));
  });
});
