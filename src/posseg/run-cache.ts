/**
 * The POS Viterbi's paths of recent runs, by their text. A run of Han
 * characters that the dictionary does not cover gets the same path every
 * time (the path depends on the run and the model alone), and real text
 * repeats such runs: in technical documentation a third of their
 * characters, more in manuals. A hit saves the Viterbi's work on the run;
 * the words and tags are then read from the path as before, so the result
 * is the same.
 *
 * A direct-mapped table: each run of up to {@link RUN_CACHE_LONGEST} UTF-16
 * units hashes to one slot, which keeps the last run stored there, its
 * characters and its path. No allocation per run and no garbage: a lookup
 * costs a hash and a comparison over the run's characters, little beside
 * the Viterbi it saves, and nothing comes of a miss but the store. About
 * 400 KB, made at the first store.
 *
 * @module
 */

/** Slots of the table (a power of two). */
const SLOTS = 8192;
/** The longest run kept, in UTF-16 units: longer ones hardly ever come again. */
export const RUN_CACHE_LONGEST = 16;

/**
 * Recent runs' Viterbi paths (see the module comment).
 *
 * @example
 * const cache = new RunCache();
 * const slot = cache.slotOf(text, start, end); // -1: too long to keep
 * if (slot >= 0 && cache.holds(slot, text, start, end)) {
 *   // the path is cache.paths[slot * RUN_CACHE_LONGEST + t], t < end - start
 * } else if (slot >= 0) cache.store(slot, text, start, end, path);
 */
export class RunCache {
  #keys: Uint16Array | undefined;
  #lengths: Uint8Array | undefined;
  /** Each slot's path, at `slot * RUN_CACHE_LONGEST`. */
  paths: Uint8Array = new Uint8Array(0);

  /** The slot of `text.slice(start, end)`, or -1 when the run is too long to keep. */
  slotOf(text: string, start: number, end: number): number {
    if (end - start > RUN_CACHE_LONGEST) return -1;
    // FNV-1a over the UTF-16 units.
    let hash = 0x811c9dc5;
    for (let i = start; i < end; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
    return (hash ^ (hash >>> 15)) & (SLOTS - 1);
  }

  /** Whether `slot` holds the path of `text.slice(start, end)`. */
  holds(slot: number, text: string, start: number, end: number): boolean {
    const keys = this.#keys;
    if (keys === undefined || this.#lengths![slot] !== end - start) return false;
    const at = slot * RUN_CACHE_LONGEST - start;
    for (let i = start; i < end; i++) if (keys[at + i] !== text.charCodeAt(i)) return false;
    return true;
  }

  /** Keep `path[0 .. end - start)` in `slot` as the path of `text.slice(start, end)`, replacing what it held. */
  store(slot: number, text: string, start: number, end: number, path: Uint8Array): void {
    if (this.#keys === undefined) {
      this.#keys = new Uint16Array(SLOTS * RUN_CACHE_LONGEST);
      this.#lengths = new Uint8Array(SLOTS);
      this.paths = new Uint8Array(SLOTS * RUN_CACHE_LONGEST);
    }
    const keys = this.#keys;
    const paths = this.paths;
    const at = slot * RUN_CACHE_LONGEST;
    for (let t = 0; t < end - start; t++) {
      keys[at + t] = text.charCodeAt(start + t);
      paths[at + t] = path[t]!;
    }
    this.#lengths![slot] = end - start;
  }
}
