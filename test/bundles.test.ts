import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { repoPath } from './support/fixtures.js';

describe('bundles', () => {
  // One character outside ASCII makes a runtime decode the whole file as
  // UTF-8 into a two-byte string and scan it so: for the 2 MB embedded
  // bundle, 7 ms of its import. esbuild escapes strings, not regular
  // expression literals, so write those with \u escapes.
  it('are ASCII, so that runtimes read them as one-byte source', () => {
    const bundles = readdirSync(repoPath('dist/bundle')).filter((name) => /\.[cm]?js$/.test(name));
    assert.ok(['embedded.js', 'index.js', 'index.cjs'].every((name) => bundles.includes(name)), 'the bundles are built');
    for (const name of bundles) {
      const bytes = readFileSync(repoPath(`dist/bundle/${name}`));
      const at = bytes.findIndex((byte) => byte > 0x7f);
      assert.equal(at, -1, `${name} has a byte outside ASCII at ${at}: ${bytes.subarray(Math.max(0, at - 40), at + 10).toString('utf8')}`);
    }
  });
});
