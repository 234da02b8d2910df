/**
 * How much scratch memory a tokenizer keeps between calls. Buffers grow to
 * the longest text (or run, or document) a call meets, and are reused by
 * the next call; past this many elements, a buffer is given back at the end
 * of the call (a later huge call allocates afresh, a small cost beside its
 * work), so one huge call does not hold memory for good.
 *
 * @module
 */

/** Elements (per buffer) kept between calls: 2^18, a megabyte or two. */
export const SCRATCH_KEEP = 1 << 18;
