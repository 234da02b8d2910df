import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { LinePool } from '../../src/cli/pool.js';

describe('worker pool (jieba -j)', () => {
  it('copies batches rather than transferring them, so no buffer of either thread is detached', async () => {
    const pool = new LinePool(
      {
        job: { dict: undefined, userDict: undefined, mode: 'default', hmm: true, paddle: false, delimiter: ' / ', posDelimiter: '_' },
        batch: { universal: true, replaceInvalid: false },
      },
      1,
    );
    try {
      const bytes = new TextEncoder().encode('我爱北京天安门\n');
      const result = await pool.submit({ bytes, last: true });
      assert.equal(bytes.byteLength, 22, 'the batch sent is intact');
      assert.equal(new TextDecoder().decode(result.output), '我 / 爱 / 北京 / 天安门\n');
      assert.equal(result.lines, 1);
    } finally {
      await pool.close();
    }
  });
});
