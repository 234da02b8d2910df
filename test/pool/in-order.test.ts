import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { inOrder } from '../../src/pool/in-order.js';

/** Collect an async iterable. */
async function all<T>(iterable: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of iterable) out.push(item);
  return out;
}

describe('inOrder', () => {
  it("yields in the inputs' order, whatever order the calls finish in", async () => {
    const delays = [30, 0, 20, 5, 0, 10];
    const results = await all(inOrder(delays, async (ms) => (await sleep(ms), ms), 3));
    assert.deepEqual(results, delays);
  });

  it('keeps at most inFlight calls made and not yet yielded, and takes inputs only as places free up', async () => {
    let running = 0;
    let most = 0;
    let taken = 0;
    function* inputs(): Generator<number> {
      for (let i = 0; i < 20; i++) {
        taken++;
        yield i;
      }
    }
    const iterator = inOrder(inputs(), async (i) => {
      most = Math.max(most, ++running);
      await sleep(i % 3);
      running--;
      return i;
    }, 4);
    const first = await iterator.next();
    assert.deepEqual(first, { value: 0, done: false });
    assert.equal(taken, 4, 'four taken for the first result; the fifth once a place is free');
    const rest: number[] = [];
    for await (const i of iterator) rest.push(i);
    assert.deepEqual(rest, Array.from({ length: 19 }, (_, i) => i + 1));
    assert.ok(most <= 4, `at most 4 in flight, saw ${most}`);
  });

  it('reads async iterables', async () => {
    async function* lines(): AsyncGenerator<string> {
      for (const line of ['a', 'bb', 'ccc']) {
        await sleep(1);
        yield line;
      }
    }
    assert.deepEqual(await all(inOrder(lines(), async (line) => line.length, 2)), [1, 2, 3]);
    assert.deepEqual(await all(inOrder([], async (x: number) => x, 2)), []);
  });

  it('ends with the first failed call in order, after the results before it, and leaves no unhandled rejection', async () => {
    const unhandled: unknown[] = [];
    const onUnhandled = (reason: unknown): void => void unhandled.push(reason);
    process.on('unhandledRejection', onUnhandled);
    try {
      const seen: number[] = [];
      // The call on 3 fails first (no delay), while 0-2 are still running.
      const calls = inOrder([0, 1, 2, 3, 4, 5], async (i) => {
        if (i === 3 || i === 5) throw new RangeError(`bad ${i}`);
        await sleep(10);
        return i;
      }, 6);
      await assert.rejects(async () => {
        for await (const i of calls) seen.push(i);
      }, { name: 'RangeError', message: 'bad 3' });
      assert.deepEqual(seen, [0, 1, 2]);
      await sleep(20);
      assert.deepEqual(unhandled, []);
    } finally {
      process.off('unhandledRejection', onUnhandled);
    }
  });

  it('closes its source when the consumer stops early, and takes no more from it', async () => {
    let taken = 0;
    let closed = false;
    function* inputs(): Generator<number> {
      try {
        for (let i = 0; ; i++) {
          taken++;
          yield i;
        }
      } finally {
        closed = true;
      }
    }
    const seen: number[] = [];
    for await (const i of inOrder(inputs(), async (i) => i * 10, 3)) {
      seen.push(i);
      if (seen.length === 5) break;
    }
    assert.deepEqual(seen, [0, 10, 20, 30, 40]);
    assert.equal(closed, true);
    assert.ok(taken <= 8, `took ${taken} of an endless source`);
  });

  it('passes on an error of the source itself', async () => {
    function* inputs(): Generator<number> {
      yield 1;
      throw new Error('source broke');
    }
    await assert.rejects(all(inOrder(inputs(), async (i) => i, 2)), /source broke/);
  });
});
