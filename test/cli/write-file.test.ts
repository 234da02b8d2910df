import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { writeFileAtomic } from '../../src/cli/write-file.js';

describe('writeFileAtomic', () => {
  it('replaces a file whole and leaves no temporary file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'jieba-write-'));
    const path = join(dir, 'out.txt');
    writeFileSync(path, 'old');
    writeFileAtomic(path, 'new contents');
    assert.equal(readFileSync(path, 'utf8'), 'new contents');
    writeFileAtomic(path, Uint8Array.of(1, 2, 3));
    assert.deepEqual([...readFileSync(path)], [1, 2, 3]);
    assert.deepEqual(readdirSync(dir), ['out.txt']);
  });

  it('on failure, throws with the path asked for and removes its temporary file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'jieba-write-'));
    mkdirSync(join(dir, 'a-directory'));
    writeFileSync(join(dir, 'a-directory', 'inside'), 'kept');
    assert.throws(() => writeFileAtomic(join(dir, 'a-directory'), 'x'), (e: NodeJS.ErrnoException) => e.path === join(dir, 'a-directory'));
    assert.deepEqual(readdirSync(dir), ['a-directory']);
    assert.equal(readFileSync(join(dir, 'a-directory', 'inside'), 'utf8'), 'kept');
    assert.throws(() => writeFileAtomic(join(dir, 'no-such-dir', 'x.txt'), 'x'), (e: NodeJS.ErrnoException) => e.code === 'ENOENT' && e.path === join(dir, 'no-such-dir', 'x.txt'));
  });
});
