import assert from 'node:assert/strict';
import { PassThrough } from 'node:stream';
import { describe, it } from 'node:test';
import { Progress } from '../../src/cli/progress.js';

/** A stream that says it is (or is not) a terminal, and keeps what is written. */
function stream(isTTY: boolean): PassThrough & { isTTY: boolean; text(): string } {
  const out = Object.assign(new PassThrough(), { isTTY });
  let text = '';
  out.on('data', (chunk: Buffer) => (text += chunk.toString()));
  return Object.assign(out, { text: () => text });
}

describe('progress line', () => {
  it('is drawn on a terminal while the output goes elsewhere, and cleared at the end', async () => {
    const stderr = stream(true);
    const progress = new Progress(stderr, 2_000_000, stream(false));
    assert.equal(progress.active, true);
    progress.update(1_000_000);
    progress.done();
    await new Promise((resolve) => setImmediate(resolve));
    assert.match(stderr.text(), /^\rjieba: 1\.0 MB of 2\.0 MB \(50%\), [\d.]+ MB\/s.*\x1b\[K\r\x1b\[K$/);
  });

  it('stays silent when the output is on the same terminal, or standard error is not one', async () => {
    for (const [stderrTTY, stdoutTTY] of [[true, true], [false, false], [false, true]] as const) {
      const stderr = stream(stderrTTY);
      const progress = new Progress(stderr, 100, stream(stdoutTTY));
      assert.equal(progress.active, false);
      progress.update(50);
      progress.done();
      await new Promise((resolve) => setImmediate(resolve));
      assert.equal(stderr.text(), '');
    }
  });
});
