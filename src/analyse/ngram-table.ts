/**
 * Counts of short strings (n-grams of UTF-16 units) for new-word discovery,
 * without a JavaScript string or Map entry per distinct string: keys live in
 * one pool of UTF-16 units, counts in typed arrays, and an open-addressing
 * hash table finds them by the characters of the text they come from. About
 * 40 bytes a string where a `Map<string, number>` took several times that,
 * and no garbage while counting.
 *
 * Entries keep the order in which they were first added (as a Map's keys
 * do), also across {@link NgramTable.prune}, so that what is computed by
 * walking them comes out in the same order.
 *
 * Counting a run position by position also links each new string to the
 * entries of its key less its last unit and less its first (its prefix and
 * suffix): both are added at the same time or the next position, so the
 * link costs a store, where finding them afterwards cost a hash lookup
 * each, with the cache misses of a table of millions (the branching
 * entropies of discovery walk every entry's prefix and suffix: 5 times
 * faster so on 6 MB of news). Linking stops at the first prune (see
 * `#linking`), and parts are then looked up.
 *
 * @module
 */

/** FNV-1a over `text[start .. start + length)`, mixed. */
function hashOf(text: string, start: number, length: number): number {
  let hash = 0x811c9dc5;
  for (let i = start; i < start + length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  return hash ^ (hash >>> 16);
}

/** FNV-1a over units of the pool, as {@link hashOf} over the same characters. */
function hashOfUnits(units: Uint16Array, start: number, length: number): number {
  let hash = 0x811c9dc5;
  for (let i = start; i < start + length; i++) hash = Math.imul(hash ^ units[i]!, 0x01000193);
  return hash ^ (hash >>> 16);
}

/**
 * An {@link NgramTable}'s contents as plain typed arrays, entry after entry
 * in the table's order: what a worker thread sends back to be merged
 * ({@link NgramTable.merge}) into the table of another.
 */
export interface NgramCounts {
  /** The keys' UTF-16 units, entry after entry. */
  readonly units: Uint16Array<ArrayBuffer>;
  /** Per entry: where its key starts in `units`, its length, its counts. */
  readonly keyStart: Int32Array<ArrayBuffer>;
  readonly keyLength: Uint8Array<ArrayBuffer>;
  readonly counts: Float64Array<ArrayBuffer>;
  readonly atStart: Float64Array<ArrayBuffer>;
  readonly atEnd: Float64Array<ArrayBuffer>;
  readonly crossed: Float64Array<ArrayBuffer>;
  /** Per entry, its prefix's and its suffix's entry (-1: not linked); absent once the table has pruned. */
  readonly links?: Int32Array<ArrayBuffer>;
  /** The table's slots, if they index these entries (absent: made again from the keys). */
  readonly slots?: Int32Array<ArrayBuffer>;
}

/**
 * Occurrence counts of strings, with how many of them started and ended a
 * run (see `NewWordFinder`).
 *
 * @example
 * const table = new NgramTable();
 * table.add('天天向上', 0, 2, true, false);
 * table.count(table.find('天天', 0, 2)); // 1
 */
export class NgramTable {
  /** The keys' UTF-16 units, entry after entry. */
  #units = new Uint16Array(1 << 12);
  #unitsUsed = 0;
  /** Per entry: where its key starts in `#units`, its length, its counts. */
  #keyStart = new Int32Array(1 << 10);
  #keyLength = new Uint8Array(1 << 10);
  #counts = new Float64Array(1 << 10);
  #atStart = new Float64Array(1 << 10);
  #atEnd = new Float64Array(1 << 10);
  #crossed = new Float64Array(1 << 10);
  /**
   * Per entry, side by side (so that one cache line holds both): the entry
   * of its key less the last unit, and less the first; -1 when not known
   * (see `prefixOf`).
   */
  #links = new Int32Array(2 << 10);
  /** The entries of the last `addPrefixes` call, by length (index 1 up; -1 - entry for those it added), and how many. */
  #lastEntries = new Int32Array(256);
  #lastCount = 0;
  /**
   * Whether `addPrefixes` links new entries: until the first prune, which
   * drops the links. A table that prunes keeps losing and re-adding its
   * rare strings, and linking each newcomer (and mapping the links at each
   * prune) cost more, up to a fifth of the counting, than looking the parts
   * up at the end, where the pruned table is small.
   */
  #linking = true;
  /**
   * Per slot, side by side: entry + 1 (0: empty) and the hash of its key, so
   * that a probe passes other keys on the hash alone, without reading
   * their keys (a cache miss each in a table of millions), and growing
   * needs no hashing. Slots: a power of two, at most half full.
   */
  #slots = new Int32Array(2 << 11);
  #size = 0;

  /** Entries held. */
  get size(): number {
    return this.#size;
  }

  /** The entry of `text[start .. start + length)`, or -1. */
  find(text: string, start: number, length: number): number {
    const slots = this.#slots;
    const mask = (slots.length >>> 1) - 1;
    const hash = hashOf(text, start, length);
    for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
      const entry = slots[2 * slot]! - 1;
      if (entry < 0) return -1;
      if (slots[2 * slot + 1] === hash && this.#sameKey(entry, text, start, length)) return entry;
    }
  }

  /**
   * Count one occurrence of each of `text[start .. start + n)` for n from 1
   * to `longest`, as {@link add} would one by one, those of up to
   * `edgeLongest` units also as the start of a run (when `runStart`) or its
   * end (when they end at `runEnd`). An occurrence is also counted as
   * crossed when `inside` marks its start or its end (positions of `text`
   * that a word of the dictionary's cut spans). The hash of each is the last
   * one's carried one unit further. A call with `runStart` false continues
   * the previous one at the next position (`start - 1` then), which is how
   * each string's suffix gets linked.
   */
  addPrefixes(text: string, start: number, longest: number, edgeLongest: number, runStart: boolean, runEnd: number, inside?: Uint8Array): void {
    let hash = 0x811c9dc5;
    const startInside = inside !== undefined && inside[start] === 1;
    const linking = this.#linking;
    const last = this.#lastEntries;
    // Within a run, the last call was at start - 1: its string of n + 1
    // units has this call's string of n units as its suffix.
    const linked = runStart ? 0 : Math.min(this.#lastCount - 1, longest);
    // Only new entries are linked (a string's prefix and suffix are the
    // same strings every time): entries of the last call that were new are
    // stored as -1 - entry.
    let previous = -1;
    for (let n = 1; n <= longest; n++) {
      hash = Math.imul(hash ^ text.charCodeAt(start + n - 1), 0x01000193);
      const edge = n <= edgeLongest;
      const crossed = startInside || (inside !== undefined && inside[start + n] === 1);
      const size = this.#size;
      const entry = this.#addHashed(hash ^ (hash >>> 16), text, start, n, edge && runStart, edge && start + n === runEnd, crossed);
      if (!linking) continue;
      const added = this.#size > size;
      if (added && previous >= 0) this.#links[2 * entry] = previous;
      if (n <= linked && last[n + 1]! < 0) this.#links[2 * (-1 - last[n + 1]!) + 1] = entry;
      previous = entry;
      // (Entries of the last call are read above before being replaced here: n + 1 > n.)
      last[n] = added ? -1 - entry : entry;
    }
    this.#lastCount = longest;
  }

  /**
   * The entry of entry `entry`'s key less its last unit (its prefix), or -1
   * if there is none: the link made while counting, else a lookup.
   */
  prefixOf(entry: number): number {
    const linked = this.#linking ? this.#links[2 * entry]! : -1;
    return linked >= 0 ? linked : this.#keyLength[entry]! > 1 ? this.findPart(entry, 0, this.#keyLength[entry]! - 1) : -1;
  }

  /**
   * The entry of entry `entry`'s key less its first unit (its suffix), or
   * -1 if there is none: the link made while counting, else a lookup.
   */
  suffixOf(entry: number): number {
    const linked = this.#linking ? this.#links[2 * entry + 1]! : -1;
    return linked >= 0 ? linked : this.#keyLength[entry]! > 1 ? this.findPart(entry, 1, this.#keyLength[entry]! - 1) : -1;
  }

  /**
   * Count one occurrence of `text[start .. start + length)` (at most 255
   * units), also as the start or the end of a run when asked. Returns its entry.
   */
  add(text: string, start: number, length: number, atStart: boolean, atEnd: boolean): number {
    return this.#addHashed(hashOf(text, start, length), text, start, length, atStart, atEnd, false);
  }

  #addHashed(hash: number, text: string, start: number, length: number, atStart: boolean, atEnd: boolean, crossed: boolean): number {
    const slots = this.#slots;
    const mask = (slots.length >>> 1) - 1;
    let slot = hash & mask;
    for (; ; slot = (slot + 1) & mask) {
      const entry = slots[2 * slot]! - 1;
      if (entry < 0) break;
      if (slots[2 * slot + 1] === hash && this.#sameKey(entry, text, start, length)) {
        this.#counts[entry]!++;
        if (atStart) this.#atStart[entry]!++;
        if (atEnd) this.#atEnd[entry]!++;
        if (crossed) this.#crossed[entry]!++;
        return entry;
      }
    }
    const entry = this.#append(text, start, length);
    this.#counts[entry] = 1;
    this.#atStart[entry] = atStart ? 1 : 0;
    this.#atEnd[entry] = atEnd ? 1 : 0;
    this.#crossed[entry] = crossed ? 1 : 0;
    slots[2 * slot] = entry + 1;
    slots[2 * slot + 1] = hash;
    if (4 * this.#size > slots.length) this.#grow(slots.length);
    return entry;
  }

  /** Occurrences of entry `entry` (0 for -1). */
  count(entry: number): number {
    return entry < 0 ? 0 : this.#counts[entry]!;
  }

  /** Occurrences of entry `entry` at the start of a run. */
  countAtStart(entry: number): number {
    return entry < 0 ? 0 : this.#atStart[entry]!;
  }

  /** Occurrences of entry `entry` at the end of a run. */
  countAtEnd(entry: number): number {
    return entry < 0 ? 0 : this.#atEnd[entry]!;
  }

  /** Occurrences of entry `entry` whose start or end a word of the dictionary's cut spans. */
  countCrossed(entry: number): number {
    return entry < 0 ? 0 : this.#crossed[entry]!;
  }

  /** The length of entry `entry`'s key, in UTF-16 units. */
  keyLength(entry: number): number {
    return this.#keyLength[entry]!;
  }

  /** Entry `entry`'s key as a string. */
  key(entry: number): string {
    const start = this.#keyStart[entry]!;
    return String.fromCharCode(...this.#units.subarray(start, start + this.#keyLength[entry]!));
  }

  /** The UTF-16 unit `i` of entry `entry`'s key. */
  unit(entry: number, i: number): number {
    return this.#units[this.#keyStart[entry]! + i]!;
  }

  /** The entry of part `from .. from + length` of entry `entry`'s key, or -1. */
  findPart(entry: number, from: number, length: number): number {
    const units = this.#units;
    const start = this.#keyStart[entry]! + from;
    const slots = this.#slots;
    const mask = (slots.length >>> 1) - 1;
    const hash = hashOfUnits(units, start, length);
    for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
      const other = slots[2 * slot]! - 1;
      if (other < 0) return -1;
      if (slots[2 * slot + 1] !== hash || this.#keyLength[other] !== length) continue;
      const at = this.#keyStart[other]!;
      let same = true;
      for (let i = 0; i < length; i++) {
        if (units[at + i] !== units[start + i]) {
          same = false;
          break;
        }
      }
      if (same) return other;
    }
  }

  /** Drop every entry counted `threshold` times or fewer; the others keep their order. */
  prune(threshold: number): void {
    let kept = 0;
    let unitsKept = 0;
    const units = this.#units;
    for (let entry = 0; entry < this.#size; entry++) {
      if (this.#counts[entry]! <= threshold) continue;
      const start = this.#keyStart[entry]!;
      const length = this.#keyLength[entry]!;
      units.copyWithin(unitsKept, start, start + length);
      this.#keyStart[kept] = unitsKept;
      this.#keyLength[kept] = length;
      this.#counts[kept] = this.#counts[entry]!;
      this.#atStart[kept] = this.#atStart[entry]!;
      this.#atEnd[kept] = this.#atEnd[entry]!;
      this.#crossed[kept] = this.#crossed[entry]!;
      unitsKept += length;
      kept++;
    }
    this.#size = kept;
    this.#unitsUsed = unitsKept;
    // Entries have moved: the links are dropped, and no more are made.
    this.#lastCount = 0;
    this.#linking = false;
    this.#links = new Int32Array(0);
    this.#reindex(this.#slots.length >>> 1);
  }

  /**
   * The table's contents: views of its own arrays, not copies (making
   * copies of hundreds of megabytes took longer than the counting they
   * would save). Their buffers can be transferred to another thread; the
   * table is not to be used afterwards.
   *
   * @example
   * const counts = table.contents();
   * parentPort.postMessage(counts, Object.values(counts).map((array) => array.buffer));
   */
  contents(): NgramCounts {
    const size = this.#size;
    return {
      units: this.#units.subarray(0, this.#unitsUsed),
      keyStart: this.#keyStart.subarray(0, size),
      keyLength: this.#keyLength.subarray(0, size),
      counts: this.#counts.subarray(0, size),
      atStart: this.#atStart.subarray(0, size),
      atEnd: this.#atEnd.subarray(0, size),
      crossed: this.#crossed.subarray(0, size),
      ...(this.#linking ? { links: this.#links.subarray(0, 2 * size) } : {}),
      slots: this.#slots,
    };
  }

  /**
   * Add the counts of `other` (another table's {@link contents}): each of
   * its entries in its order, counted here as often as there, new ones
   * appended. The entries come out in the order one table would have given
   * them had it counted this table's text and then `other`'s (neither
   * having pruned). Into an empty table, `other`'s arrays are taken as
   * they are.
   *
   * @example
   * const merged = new NgramTable();
   * merged.merge(first.contents()).merge(second.contents());
   */
  merge(other: NgramCounts): this {
    const size = other.keyStart.length;
    if (size === 0) return this;
    if (this.#size === 0) {
      // The arrays whole, room to grow included.
      this.#units = wholeOf(other.units);
      this.#unitsUsed = other.units.length;
      this.#keyStart = wholeOf(other.keyStart);
      this.#keyLength = wholeOf(other.keyLength);
      this.#counts = wholeOf(other.counts);
      this.#atStart = wholeOf(other.atStart);
      this.#atEnd = wholeOf(other.atEnd);
      this.#crossed = wholeOf(other.crossed);
      this.#size = size;
      this.#linking = other.links !== undefined;
      this.#links = other.links === undefined ? new Int32Array(0) : wholeOf(other.links);
      this.#lastCount = 0;
      if (other.slots !== undefined && other.slots.length >= 4 * size) this.#slots = other.slots;
      else this.#reindex(this.#slots.length >>> 1);
      return this;
    }
    // Room for every entry of both, made once.
    const before = this.#size;
    this.#reserve(before + size, this.#unitsUsed + other.units.length);
    const slots = this.#slots;
    const mask = (slots.length >>> 1) - 1;
    const { units, keyStart, keyLength, counts, atStart, atEnd, crossed } = other;
    const hashes = new Int32Array(size);
    for (let o = 0; o < size; o++) hashes[o] = hashOfUnits(units, keyStart[o]!, keyLength[o]!);
    // Slots are visited in their order, sweeping the table once instead of
    // jumping about it (a cache miss a string, on tables of millions).
    const order = inSlotOrder(hashes, mask);
    const hashInOrder = new Int32Array(size);
    for (let k = 0; k < size; k++) hashInOrder[k] = hashes[order[k]!]!;
    // Their strings already here get their counts...
    const entryOf = new Int32Array(size);
    for (let k = 0; k < size; k++) {
      const hash = hashInOrder[k]!;
      let entry = -1;
      for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
        const candidate = slots[2 * slot]! - 1;
        if (candidate < 0) break;
        if (slots[2 * slot + 1] === hash && this.#sameUnits(candidate, units, keyStart[order[k]!]!, keyLength[order[k]!]!)) {
          entry = candidate;
          break;
        }
      }
      if (entry < 0) {
        entryOf[order[k]!] = -1;
        continue;
      }
      const o = order[k]!;
      entryOf[o] = entry;
      this.#counts[entry]! += counts[o]!;
      this.#atStart[entry]! += atStart[o]!;
      this.#atEnd[entry]! += atEnd[o]!;
      this.#crossed[entry]! += crossed[o]!;
    }
    // ...the others become entries, in their order, then take slots.
    for (let o = 0; o < size; o++) {
      if (entryOf[o]! >= 0) continue;
      const entry = this.#appendUnits(units, keyStart[o]!, keyLength[o]!);
      this.#counts[entry] = counts[o]!;
      this.#atStart[entry] = atStart[o]!;
      this.#atEnd[entry] = atEnd[o]!;
      this.#crossed[entry] = crossed[o]!;
      entryOf[o] = entry;
    }
    for (let k = 0; k < size; k++) {
      const entry = entryOf[order[k]!]!;
      if (entry < before) continue;
      const hash = hashInOrder[k]!;
      let slot = hash & mask;
      while (slots[2 * slot] !== 0) slot = (slot + 1) & mask;
      slots[2 * slot] = entry + 1;
      slots[2 * slot + 1] = hash;
    }
    this.#lastCount = 0;
    const theirs = other.links;
    if (!this.#linking || theirs === undefined) {
      this.#linking = false;
      this.#links = new Int32Array(0);
      return this;
    }
    // Links the merged entries lack, from the other table's (mapped to this one's entries).
    const links = this.#links;
    for (let o = 0; o < size; o++) {
      const at = 2 * entryOf[o]!;
      if (links[at]! < 0 && theirs[2 * o]! >= 0) links[at] = entryOf[theirs[2 * o]!]!;
      if (links[at + 1]! < 0 && theirs[2 * o + 1]! >= 0) links[at + 1] = entryOf[theirs[2 * o + 1]!]!;
    }
    return this;
  }

  #sameUnits(entry: number, other: Uint16Array, start: number, length: number): boolean {
    if (this.#keyLength[entry] !== length) return false;
    const units = this.#units;
    const at = this.#keyStart[entry]! - start;
    for (let i = start; i < start + length; i++) if (units[at + i] !== other[i]) return false;
    return true;
  }

  #sameKey(entry: number, text: string, start: number, length: number): boolean {
    if (this.#keyLength[entry] !== length) return false;
    const units = this.#units;
    const at = this.#keyStart[entry]! - start;
    for (let i = start; i < start + length; i++) if (units[at + i] !== text.charCodeAt(i)) return false;
    return true;
  }

  #append(text: string, start: number, length: number): number {
    const entry = this.#newEntry(length);
    const units = this.#units;
    const at = this.#keyStart[entry]!;
    for (let i = 0; i < length; i++) units[at + i] = text.charCodeAt(start + i);
    return entry;
  }

  #appendUnits(from: Uint16Array, start: number, length: number): number {
    const entry = this.#newEntry(length);
    const units = this.#units;
    const at = this.#keyStart[entry]! - start;
    for (let i = start; i < start + length; i++) units[at + i] = from[i]!;
    return entry;
  }

  /** A new entry, with room for its key's `length` units (not yet written) and no links. */
  #newEntry(length: number): number {
    if (this.#unitsUsed + length > this.#units.length) this.#units = grown(this.#units, this.#unitsUsed + length);
    const entry = this.#size++;
    if (entry >= this.#keyStart.length) this.#growEntries(Math.max(16, 2 * this.#keyStart.length));
    if (this.#linking) {
      this.#links[2 * entry] = -1;
      this.#links[2 * entry + 1] = -1;
    }
    this.#keyStart[entry] = this.#unitsUsed;
    this.#keyLength[entry] = length;
    this.#unitsUsed += length;
    return entry;
  }

  /** Slots for `capacity` entries, as many as needed for `size` (at most half full), from the keys. */
  #reindex(capacity: number): void {
    while (capacity < 2 * this.#size) capacity *= 2;
    const slots = new Int32Array(2 * capacity);
    const mask = capacity - 1;
    const units = this.#units;
    const hashes = new Int32Array(this.#size);
    for (let entry = 0; entry < this.#size; entry++) hashes[entry] = hashOfUnits(units, this.#keyStart[entry]!, this.#keyLength[entry]!);
    const order = inSlotOrder(hashes, mask);
    for (let k = 0; k < order.length; k++) {
      const entry = order[k]!;
      let slot = hashes[entry]! & mask;
      while (slots[2 * slot] !== 0) slot = (slot + 1) & mask;
      slots[2 * slot] = entry + 1;
      slots[2 * slot + 1] = hashes[entry]!;
    }
    this.#slots = slots;
  }

  /** Twice the slots, placed by the hashes they hold. */
  #grow(capacity: number): void {
    const old = this.#slots;
    const slots = new Int32Array(2 * capacity);
    const mask = capacity - 1;
    for (let at = 0; at < old.length; at += 2) {
      if (old[at] === 0) continue;
      const hash = old[at + 1]!;
      let slot = hash & mask;
      while (slots[2 * slot] !== 0) slot = (slot + 1) & mask;
      slots[2 * slot] = old[at]!;
      slots[2 * slot + 1] = hash;
    }
    this.#slots = slots;
  }

  /** The per-entry arrays, with room for at least `room` entries (all of one length, doubled as needed). */
  #growEntries(room: number): void {
    this.#keyStart = grown(this.#keyStart, room);
    const length = this.#keyStart.length;
    this.#keyLength = grown(this.#keyLength, length);
    this.#counts = grown(this.#counts, length);
    this.#atStart = grown(this.#atStart, length);
    this.#atEnd = grown(this.#atEnd, length);
    this.#crossed = grown(this.#crossed, length);
    if (this.#linking) this.#links = grown(this.#links, 2 * length);
  }

  /** Arrays with room for `entries` entries and `units` key units, and slots to hold them at most half full. */
  #reserve(entries: number, units: number): void {
    if (units > this.#units.length) this.#units = grown(this.#units, units);
    if (entries > this.#keyStart.length) this.#growEntries(entries);
    let capacity = this.#slots.length >>> 1;
    while (capacity < 2 * entries) capacity *= 2;
    if (capacity > this.#slots.length >>> 1) this.#grow(capacity);
  }
}

/**
 * The indices of `hashes` ordered by their home slots (`hash & mask`), on
 * the slots' top 16 bits (a counting sort): placing or finding strings in
 * this order sweeps the slots from start to end.
 */
function inSlotOrder(hashes: Int32Array, mask: number): Int32Array {
  const shift = Math.max(0, 32 - Math.clz32(mask) - 16);
  const starts = new Int32Array((mask >>> shift) + 2);
  for (let i = 0; i < hashes.length; i++) starts[((hashes[i]! & mask) >>> shift) + 1]!++;
  for (let b = 1; b < starts.length; b++) starts[b]! += starts[b - 1]!;
  const order = new Int32Array(hashes.length);
  for (let i = 0; i < hashes.length; i++) order[starts[(hashes[i]! & mask) >>> shift]!++] = i;
  return order;
}

/** A view of the whole buffer under `array`, which starts it. */
function wholeOf<T extends Uint16Array<ArrayBuffer> | Uint8Array<ArrayBuffer> | Int32Array<ArrayBuffer> | Float64Array<ArrayBuffer>>(array: T): T {
  return new (array.constructor as new (buffer: ArrayBuffer, byteOffset: number) => T)(array.buffer, array.byteOffset);
}

/** A copy of `array` with room for at least `size` elements (doubling). */
function grown<T extends Uint16Array | Uint8Array | Int32Array | Float64Array>(array: T, size: number): T {
  let length = Math.max(1, array.length);
  while (length < size) length *= 2;
  const copy = new (array.constructor as new (length: number) => T)(length);
  copy.set(array);
  return copy;
}
