/**
 * Results of an asynchronous call on each input of a (possibly endless)
 * sequence, in the inputs' order, with a bounded number of calls in flight:
 * what `TokenizerPool.each` yields.
 *
 * Why not `Promise.all(inputs.map(call))`: every promise made up front
 * waits for most of the batch, long enough for V8 to move it to the old
 * generation, and a result that an old object holds survives every
 * young-generation collection until the next full one, even once the
 * caller has dropped it. A pool of two's `tag` of 1,523 documents, each
 * result dropped on arrival, ran at 0.77-0.85x of one thread that way and
 * at 1.25-1.27x with 64 calls in flight (docs/performance.md). Taking
 * inputs only as results are taken also bounds memory, whatever the number
 * of inputs.
 *
 * @module
 */

/**
 * Yield `call(input)`'s result for each input of `inputs`, in order, with
 * at most `inFlight` calls made and not yet yielded. An input is taken
 * from `inputs` only when a place is free, so a slow consumer slows the
 * reading. A call that fails ends the iteration with its error, at its
 * place in the order (the calls after it in flight finish unobserved).
 * Stopping early (`break`) closes `inputs` and leaves the calls in flight
 * to finish unobserved.
 *
 * @example
 * for await (const n of inOrder([1, 2, 3], async (x) => x * 2, 2)) console.log(n); // 2, 4, 6
 */
export async function* inOrder<I, R>(
  inputs: Iterable<I> | AsyncIterable<I>,
  call: (input: I) => Promise<R>,
  inFlight: number,
): AsyncGenerator<R, void, undefined> {
  const source = Symbol.asyncIterator in inputs ? inputs[Symbol.asyncIterator]() : inputs[Symbol.iterator]();
  const waiting: Promise<R>[] = [];
  let exhausted = false;
  try {
    for (;;) {
      while (!exhausted && waiting.length < inFlight) {
        const next = await source.next();
        if (next.done === true) {
          exhausted = true;
        } else {
          const result = call(next.value);
          // Handled here, so that a failure ahead of its turn is no
          // unhandled rejection; `await` below still throws it in turn.
          result.catch(() => undefined);
          waiting.push(result);
        }
      }
      const head = waiting.shift();
      if (head === undefined) return;
      yield await head;
    }
  } finally {
    if (!exhausted) await source.return?.();
  }
}
