/**
 * The order of CPython 3.11's `list.sort` (and so `sorted`) for numbers,
 * step for step: its natural runs, binary insertion up to `minrun`,
 * powersort's merge order, and merges that gallop once one side wins
 * `min_gallop` times in a row, with that threshold adapting as CPython's
 * does; `reverse=True` as CPython does it (reverse, sort, reverse).
 *
 * Why not any stable sort: with NaN among the keys, `<` is no longer an
 * order (every comparison with NaN is false), and the result is whatever
 * the algorithm's sequence of comparisons makes of it. jieba sorts floats
 * that can be NaN (an IDF file may say `nan`): its TF-IDF ranking and the
 * median IDF. Without NaN, every stable sort gives this same order.
 *
 * @module
 */

/** CPython's `MIN_GALLOP`: wins in a row before a merge starts galloping. */
const MIN_GALLOP = 7;

/** One pending run: where it starts, how long it is, and its powersort power. */
interface Run {
  base: number;
  len: number;
  power: number;
}

/**
 * The indices of `keys` in the order `sorted(range(len(keys)), key=keys.__getitem__, reverse=reverse)`
 * gives them in CPython 3.11, keys compared with `<` alone.
 *
 * @example
 * pythonSortedIndices([3, NaN, 1, 2]); // [2, 3, 0, 1]: what sorted([3.0, nan, 1.0, 2.0]) makes of the NaN
 * pythonSortedIndices([1, 2, 2], true); // [1, 2, 0]: descending, ties in their first order
 */
export function pythonSortedIndices(keys: ArrayLike<number>, reverse = false): number[] {
  const n = keys.length;
  const items = Array.from({ length: n }, (_, i) => i);
  if (n < 2) return items;
  if (reverse) items.reverse();
  new TimSort(items, keys).sort();
  if (reverse) items.reverse();
  return items;
}

/** Whether the item (an index into `keys`) `x` sorts before `y`: CPython's `ISLT`. */
type Less = (x: number, y: number) => boolean;

/** One sort of `items` by `keys`: CPython's `MergeState` and the functions on it. */
class TimSort {
  readonly #a: number[];
  readonly #lt: Less;
  readonly #runs: Run[] = [];
  #minGallop = MIN_GALLOP;

  constructor(items: number[], keys: ArrayLike<number>) {
    this.#a = items;
    this.#lt = (x, y) => keys[x]! < keys[y]!;
  }

  sort(): void {
    const a = this.#a;
    const n = a.length;
    const minrun = minRunLength(n);
    for (let lo = 0, remaining = n; remaining > 0; ) {
      let { length, descending } = this.#countRun(lo, lo + remaining);
      if (descending) reverseRange(a, lo, lo + length);
      if (length < minrun) {
        const force = Math.min(remaining, minrun);
        this.#binarySort(lo, lo + force, lo + length);
        length = force;
      }
      this.#foundNewRun(length, n);
      this.#runs.push({ base: lo, len: length, power: 0 });
      lo += length;
      remaining -= length;
    }
    // merge_force_collapse
    const runs = this.#runs;
    while (runs.length > 1) {
      let i = runs.length - 2;
      if (i > 0 && runs[i - 1]!.len < runs[i + 1]!.len) i--;
      this.#mergeAt(i);
    }
  }

  /** The run starting at `lo`: non-descending, or strictly descending (`descending`). */
  #countRun(lo: number, hi: number): { length: number; descending: boolean } {
    const a = this.#a;
    const lt = this.#lt;
    if (lo + 1 === hi) return { length: 1, descending: false };
    let length = 2;
    if (lt(a[lo + 1]!, a[lo]!)) {
      for (let i = lo + 2; i < hi && lt(a[i]!, a[i - 1]!); i++) length++;
      return { length, descending: true };
    }
    for (let i = lo + 2; i < hi && !lt(a[i]!, a[i - 1]!); i++) length++;
    return { length, descending: false };
  }

  /** Binary insertion of `[start, hi)` into the sorted `[lo, start)`, each item after its equals. */
  #binarySort(lo: number, hi: number, start: number): void {
    const a = this.#a;
    const lt = this.#lt;
    if (start === lo) start++;
    for (; start < hi; start++) {
      const pivot = a[start]!;
      let l = lo;
      let r = start;
      do {
        const p = l + ((r - l) >> 1);
        if (lt(pivot, a[p]!)) r = p;
        else l = p + 1;
      } while (l < r);
      for (let p = start; p > l; p--) a[p] = a[p - 1]!;
      a[l] = pivot;
    }
  }

  /** Powersort: merge the pending runs deeper than the new run's boundary (`found_new_run`). */
  #foundNewRun(n2: number, total: number): void {
    const runs = this.#runs;
    if (runs.length === 0) return;
    const top = runs[runs.length - 1]!;
    const power = powerOf(top.base, top.len, n2, total);
    while (runs.length > 1 && runs[runs.length - 2]!.power > power) this.#mergeAt(runs.length - 2);
    runs[runs.length - 1]!.power = power;
  }

  /** Merge pending runs `i` and `i + 1` (`merge_at`). */
  #mergeAt(i: number): void {
    const a = this.#a;
    const runs = this.#runs;
    let baseA = runs[i]!.base;
    let na = runs[i]!.len;
    const baseB = runs[i + 1]!.base;
    let nb = runs[i + 1]!.len;
    runs[i]!.len = na + nb;
    runs.splice(i + 1, 1);
    // Where b starts in a, and where a ends in b: what lies outside is in place.
    const k = this.#gallopRight(a[baseB]!, a, baseA, na, 0);
    baseA += k;
    na -= k;
    if (na === 0) return;
    nb = this.#gallopLeft(a[baseA + na - 1]!, a, baseB, nb, nb - 1);
    if (nb <= 0) return;
    if (na <= nb) this.#mergeLow(baseA, na, baseB, nb);
    else this.#mergeHigh(baseA, na, baseB, nb);
  }

  /**
   * Where `key` goes in the sorted `list[base, base + n)`, left of any
   * equal items (`gallop_left`), searching out from `hint`.
   */
  #gallopLeft(key: number, list: readonly number[], base: number, n: number, hint: number): number {
    const lt = this.#lt;
    const at = base + hint;
    let lastofs = 0;
    let ofs = 1;
    if (lt(list[at]!, key)) {
      const maxofs = n - hint;
      while (ofs < maxofs && lt(list[at + ofs]!, key)) {
        lastofs = ofs;
        ofs = ofs * 2 + 1;
      }
      if (ofs > maxofs) ofs = maxofs;
      lastofs += hint;
      ofs += hint;
    } else {
      const maxofs = hint + 1;
      while (ofs < maxofs && !lt(list[at - ofs]!, key)) {
        lastofs = ofs;
        ofs = ofs * 2 + 1;
      }
      if (ofs > maxofs) ofs = maxofs;
      const k = lastofs;
      lastofs = hint - ofs;
      ofs = hint - k;
    }
    lastofs++;
    while (lastofs < ofs) {
      const m = lastofs + ((ofs - lastofs) >> 1);
      if (lt(list[base + m]!, key)) lastofs = m + 1;
      else ofs = m;
    }
    return ofs;
  }

  /** As {@link #gallopLeft}, but right of any equal items (`gallop_right`). */
  #gallopRight(key: number, list: readonly number[], base: number, n: number, hint: number): number {
    const lt = this.#lt;
    const at = base + hint;
    let lastofs = 0;
    let ofs = 1;
    if (lt(key, list[at]!)) {
      const maxofs = hint + 1;
      while (ofs < maxofs && lt(key, list[at - ofs]!)) {
        lastofs = ofs;
        ofs = ofs * 2 + 1;
      }
      if (ofs > maxofs) ofs = maxofs;
      const k = lastofs;
      lastofs = hint - ofs;
      ofs = hint - k;
    } else {
      const maxofs = n - hint;
      while (ofs < maxofs && !lt(key, list[at + ofs]!)) {
        lastofs = ofs;
        ofs = ofs * 2 + 1;
      }
      if (ofs > maxofs) ofs = maxofs;
      lastofs += hint;
      ofs += hint;
    }
    lastofs++;
    while (lastofs < ofs) {
      const m = lastofs + ((ofs - lastofs) >> 1);
      if (lt(key, list[base + m]!)) ofs = m;
      else lastofs = m + 1;
    }
    return ofs;
  }

  /** Merge the runs at `pa` (the shorter, copied aside) and `pb = pa + na`, front to back (`merge_lo`). */
  #mergeLow(pa0: number, na: number, pb0: number, nb: number): void {
    const a = this.#a;
    const lt = this.#lt;
    const tmp = a.slice(pa0, pa0 + na);
    let pa = 0;
    let pb = pb0;
    let dest = pa0;
    a[dest++] = a[pb++]!;
    nb--;
    let copyB = false;
    done: {
      if (nb === 0) break done;
      if (na === 1) {
        copyB = true;
        break done;
      }
      let minGallop = this.#minGallop;
      for (;;) {
        let acount = 0;
        let bcount = 0;
        for (;;) {
          if (lt(a[pb]!, tmp[pa]!)) {
            a[dest++] = a[pb++]!;
            bcount++;
            acount = 0;
            if (--nb === 0) break done;
            if (bcount >= minGallop) break;
          } else {
            a[dest++] = tmp[pa++]!;
            acount++;
            bcount = 0;
            if (--na === 1) {
              copyB = true;
              break done;
            }
            if (acount >= minGallop) break;
          }
        }
        minGallop++;
        do {
          minGallop -= minGallop > 1 ? 1 : 0;
          this.#minGallop = minGallop;
          let k = this.#gallopRight(a[pb]!, tmp, pa, na, 0);
          acount = k;
          if (k) {
            for (let i = 0; i < k; i++) a[dest + i] = tmp[pa + i]!;
            dest += k;
            pa += k;
            na -= k;
            if (na === 1) {
              copyB = true;
              break done;
            }
            if (na === 0) break done;
          }
          a[dest++] = a[pb++]!;
          if (--nb === 0) break done;
          k = this.#gallopLeft(tmp[pa]!, a, pb, nb, 0);
          bcount = k;
          if (k) {
            for (let i = 0; i < k; i++) a[dest + i] = a[pb + i]!;
            dest += k;
            pb += k;
            nb -= k;
            if (nb === 0) break done;
          }
          a[dest++] = tmp[pa++]!;
          if (--na === 1) {
            copyB = true;
            break done;
          }
        } while (acount >= MIN_GALLOP || bcount >= MIN_GALLOP);
        minGallop++;
        this.#minGallop = minGallop;
      }
    }
    if (copyB) {
      // The last item of the first run goes after the rest of the second.
      for (let i = 0; i < nb; i++) a[dest + i] = a[pb + i]!;
      a[dest + nb] = tmp[pa]!;
    } else {
      for (let i = 0; i < na; i++) a[dest + i] = tmp[pa + i]!;
    }
  }

  /** Merge the runs at `pa0` and `pb0 = pa0 + na` (the shorter, copied aside), back to front (`merge_hi`). */
  #mergeHigh(pa0: number, na: number, pb0: number, nb: number): void {
    const a = this.#a;
    const lt = this.#lt;
    const tmp = a.slice(pb0, pb0 + nb);
    let dest = pb0 + nb - 1;
    let pb = nb - 1;
    let pa = pa0 + na - 1;
    a[dest--] = a[pa--]!;
    na--;
    let copyA = false;
    done: {
      if (na === 0) break done;
      if (nb === 1) {
        copyA = true;
        break done;
      }
      let minGallop = this.#minGallop;
      for (;;) {
        let acount = 0;
        let bcount = 0;
        for (;;) {
          if (lt(tmp[pb]!, a[pa]!)) {
            a[dest--] = a[pa--]!;
            acount++;
            bcount = 0;
            if (--na === 0) break done;
            if (acount >= minGallop) break;
          } else {
            a[dest--] = tmp[pb--]!;
            bcount++;
            acount = 0;
            if (--nb === 1) {
              copyA = true;
              break done;
            }
            if (bcount >= minGallop) break;
          }
        }
        minGallop++;
        do {
          minGallop -= minGallop > 1 ? 1 : 0;
          this.#minGallop = minGallop;
          let k = na - this.#gallopRight(tmp[pb]!, a, pa0, na, na - 1);
          acount = k;
          if (k) {
            dest -= k;
            pa -= k;
            for (let i = k; i >= 1; i--) a[dest + i] = a[pa + i]!;
            na -= k;
            if (na === 0) break done;
          }
          a[dest--] = tmp[pb--]!;
          if (--nb === 1) {
            copyA = true;
            break done;
          }
          k = nb - this.#gallopLeft(a[pa]!, tmp, 0, nb, nb - 1);
          bcount = k;
          if (k) {
            dest -= k;
            pb -= k;
            for (let i = 1; i <= k; i++) a[dest + i] = tmp[pb + i]!;
            nb -= k;
            if (nb === 1) {
              copyA = true;
              break done;
            }
            if (nb === 0) break done;
          }
          a[dest--] = a[pa--]!;
          if (--na === 0) break done;
        } while (acount >= MIN_GALLOP || bcount >= MIN_GALLOP);
        minGallop++;
        this.#minGallop = minGallop;
      }
    }
    if (copyA) {
      // The first item of the second run goes before the rest of the first.
      for (let i = 0; i < na; i++) a[dest - i] = a[pa - i]!;
      a[dest - na] = tmp[pb]!;
    } else {
      for (let i = 0; i < nb; i++) a[dest - (nb - 1) + i] = tmp[i]!;
    }
  }
}

/** CPython's `merge_compute_minrun`: `n` below 64, else between 32 and 64 so that `n / minrun` is just under a power of 2. */
function minRunLength(n: number): number {
  let r = 0;
  while (n >= 64) {
    r |= n & 1;
    n = Math.floor(n / 2);
  }
  return n + r;
}

/**
 * Powersort's "power" of the boundary between a run at `s1` of length `n1`
 * and the next of length `n2`, in a list of `n` (CPython's `powerloop`):
 * the first bit where the binary fractions of the two runs' midpoints
 * (as parts of `n`) differ.
 */
function powerOf(s1: number, n1: number, n2: number, n: number): number {
  let result = 0;
  let a = 2 * s1 + n1;
  let b = a + n1 + n2;
  for (;;) {
    result++;
    if (a >= n) {
      a -= n;
      b -= n;
    } else if (b >= n) {
      break;
    }
    a *= 2;
    b *= 2;
  }
  return result;
}

function reverseRange(a: number[], lo: number, hi: number): void {
  for (hi--; lo < hi; lo++, hi--) [a[lo], a[hi]] = [a[hi]!, a[lo]!];
}
