/**
 * The natural logarithm, correctly rounded.
 *
 * jieba scores a route as a sum of `log(freq) - log(total)`, and a route
 * decision can turn on the last bit of those sums. Python's `math.log` calls
 * the C library. V8's `Math.log` differs from glibc's for about 0.8% of the
 * integers below five million (3 among them), so it cannot be used. This
 * function computes the logarithm in double-double arithmetic (about 106
 * bits) and rounds once, which agrees with glibc for every frequency of
 * jieba's default dictionary and for its total (`test/math/log.test.ts`
 * checks them bit for bit against values Python printed). glibc itself is
 * not correctly rounded everywhere: for about 3 integers in 100,000 it is
 * off by one unit in the last place, and this function does not copy that.
 *
 * It is not on the hot path: logarithms are taken when a dictionary is built
 * or a word is added, once per distinct frequency.
 *
 * @module
 */

const SPLITTER = 134217729; // 2^27 + 1, Veltkamp's constant for splitting a double
const SQRT2 = Math.SQRT2;
const LN2_HI = 0.6931471805599453; // 0x1.62e42fefa39efp-1
const LN2_LO = 2.3190468138462996e-17; // 0x1.abc9e3b39803fp-56
const TWO_POW_54 = 18014398509481984;
const MIN_NORMAL = 2.2250738585072014e-308;

/** A double-double value: `hi + lo` with `|lo| <= ulp(hi) / 2`. */
type DD = readonly [hi: number, lo: number];

function twoSum(a: number, b: number): DD {
  const s = a + b;
  const bb = s - a;
  return [s, a - (s - bb) + (b - bb)];
}

function quickTwoSum(a: number, b: number): DD {
  const s = a + b;
  return [s, b - (s - a)];
}

function twoProd(a: number, b: number): DD {
  const p = a * b;
  let t = SPLITTER * a;
  const ah = t - (t - a);
  const al = a - ah;
  t = SPLITTER * b;
  const bh = t - (t - b);
  const bl = b - bh;
  return [p, ah * bh - p + ah * bl + al * bh + al * bl];
}

function ddAdd(a: DD, b: DD): DD {
  const [s1, s2] = twoSum(a[0], b[0]);
  const [t1, t2] = twoSum(a[1], b[1]);
  const [u1, u2] = quickTwoSum(s1, s2 + t1);
  return quickTwoSum(u1, u2 + t2);
}

function ddMul(a: DD, b: DD): DD {
  const [p1, p2] = twoProd(a[0], b[0]);
  return quickTwoSum(p1, p2 + (a[0] * b[1] + a[1] * b[0]));
}

function ddSub(a: DD, b: DD): DD {
  return ddAdd(a, [-b[0], -b[1]]);
}

function ddDiv(a: DD, b: DD): DD {
  const q1 = a[0] / b[0];
  let r = ddSub(a, ddMul(b, [q1, 0]));
  const q2 = r[0] / b[0];
  r = ddSub(r, ddMul(b, [q2, 0]));
  const q3 = r[0] / b[0];
  return ddAdd(quickTwoSum(q1, q2), [q3, 0]);
}

/**
 * `1 / (2k + 1)` for k = 0..22 in double-double: the coefficients of
 * `atanh(s) / s = sum s^(2k) / (2k + 1)`. With `|s| <= 0.1716`, 23 terms
 * leave a truncation error below 2^-112.
 */
const INVERSE_ODDS: readonly DD[] = Array.from({ length: 23 }, (_, k) => ddDiv([1, 0], [2 * k + 1, 0]));

const view = new DataView(new ArrayBuffer(8));

/**
 * Natural logarithm of `x`, correctly rounded to the nearest double (as the
 * C library's `log` gives it, and so Python's `math.log`).
 *
 * Returns `-Infinity` for 0, `NaN` for negative numbers and NaN, `Infinity`
 * for `Infinity`, like `Math.log`.
 *
 * @example
 * pythonLog(3); // 1.0986122886681098, where Math.log(3) is 1.0986122886681096
 */
export function pythonLog(x: number): number {
  if (!(x > 0)) return x === 0 ? -Infinity : NaN;
  if (x === Infinity) return Infinity;

  // Split x = m * 2^e with m in (sqrt(1/2), sqrt(2)], exactly.
  let e = 0;
  if (x < MIN_NORMAL) {
    x *= TWO_POW_54;
    e = -54;
  }
  view.setFloat64(0, x);
  const highWord = view.getUint32(0);
  e += ((highWord >>> 20) & 0x7ff) - 1023;
  view.setUint32(0, (highWord & 0x800fffff) | (1023 << 20));
  let m = view.getFloat64(0);
  if (m > SQRT2) {
    m /= 2;
    e += 1;
  }

  // log(m) = 2 atanh(s) with s = (m - 1) / (m + 1); m - 1 is exact (Sterbenz).
  const s = ddDiv([m - 1, 0], twoSum(m, 1));
  const z = ddMul(s, s);
  let series = INVERSE_ODDS[INVERSE_ODDS.length - 1]!;
  for (let k = INVERSE_ODDS.length - 2; k >= 0; k--) series = ddAdd(ddMul(series, z), INVERSE_ODDS[k]!);
  const logM = ddMul(s, series);

  const eLn2 = ddAdd(twoProd(LN2_HI, e), [LN2_LO * e, 0]);
  const sum = ddAdd(eLn2, [2 * logM[0], 2 * logM[1]]);
  return sum[0] + sum[1];
}
