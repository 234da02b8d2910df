/**
 * Word counts straight from word offsets: a hash table keyed by the
 * characters of the text itself, so a word that occurs many times becomes
 * a string once, not once per occurrence.
 *
 * @module
 */

/** Distinct words in order of first occurrence, with their counts. */
export interface SpanCounts {
  /** `text.slice(starts[i], ends[i])` is the i-th distinct word. */
  readonly starts: Int32Array;
  readonly ends: Int32Array;
  readonly counts: Int32Array;
  readonly size: number;
}

/**
 * Count the words at `spans` (`[start0, end0, start1, end1, ...]` in `text`),
 * keeping the order in which each first occurs (as a Python dict does).
 *
 * @example
 * const { size, counts } = countSpans('天天天', Int32Array.of(0, 1, 1, 2, 2, 3)); // size 1, counts[0] 3
 */
export function countSpans(text: string, spans: Int32Array): SpanCounts {
  const words = spans.length >>> 1;
  let capacity = 16;
  while (capacity < 2 * words) capacity <<= 1;
  const mask = capacity - 1;
  // slots[h]: 1 + index of a distinct word, 0 for empty.
  const slots = new Int32Array(capacity);
  const starts = new Int32Array(words);
  const ends = new Int32Array(words);
  const counts = new Int32Array(words);
  let size = 0;
  for (let w = 0; w < words; w++) {
    const start = spans[2 * w]!;
    const end = spans[2 * w + 1]!;
    let hash = 0x811c9dc5;
    for (let i = start; i < end; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
    let slot = (hash ^ (hash >>> 15)) & mask;
    for (;;) {
      const entry = slots[slot]!;
      if (entry === 0) {
        slots[slot] = size + 1;
        starts[size] = start;
        ends[size] = end;
        counts[size] = 1;
        size++;
        break;
      }
      const d = entry - 1;
      if (sameText(text, starts[d]!, ends[d]!, start, end)) {
        counts[d]!++;
        break;
      }
      slot = (slot + 1) & mask;
    }
  }
  return { starts, ends, counts, size };
}

function sameText(text: string, aStart: number, aEnd: number, bStart: number, bEnd: number): boolean {
  if (aEnd - aStart !== bEnd - bStart) return false;
  for (let i = 0; i < aEnd - aStart; i++) if (text.charCodeAt(aStart + i) !== text.charCodeAt(bStart + i)) return false;
  return true;
}
