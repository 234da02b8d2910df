/**
 * The natural logarithm exactly as Python's `math.log` computes it on
 * Linux: glibc's `log` (2.28 and later), bit for bit.
 *
 * jieba scores a route as a sum of `log(freq) - log(total)`, and a route
 * decision can turn on the last bit of those sums (repeated characters make
 * exact ties: 深深深 can be split two ways with equal scores). V8's
 * `Math.log` differs from glibc's for about 0.8% of the integers below five
 * million, and even a correctly rounded logarithm differs from glibc's for
 * about 3 integers in 100,000, where glibc's error is just above half a
 * unit in the last place. So this module follows glibc's algorithm step by
 * step, with its table (`./log-data.ts`), and computes its one fused
 * multiply-add exactly. `test/math/log.test.ts` checks it against values
 * Python printed, for millions of integers and for random doubles.
 *
 * It is not on the hot path: logarithms are taken when a dictionary is built
 * or a word is added, once per distinct frequency.
 *
 * @module
 */

import { INVC_LOGC, LN2_HI, LN2_LO, POLY, POLY_NEAR_ONE } from './log-data.js';

const SPLITTER = 134217729; // 2^27 + 1, Veltkamp's constant for splitting a double
const TWO_POW_27 = 134217728;
const TWO_POW_52 = 4503599627370496;

const scratch = new DataView(new ArrayBuffer(8));

/** Bits of a double as a BigInt-free pair: high and low 32-bit words. */
function bitsOf(x: number): [high: number, low: number] {
  scratch.setFloat64(0, x);
  return [scratch.getUint32(0), scratch.getUint32(4)];
}

function fromBits(high: number, low: number): number {
  scratch.setUint32(0, high >>> 0);
  scratch.setUint32(4, low >>> 0);
  return scratch.getFloat64(0);
}

/**
 * `fma(z, invc, -1)`, rounded once, for `z * invc` within 1/128 of 1 (as
 * the table guarantees). The product is split exactly into `p + e`
 * (Dekker); `p - 1` is exact (Sterbenz), so `(p - 1) + e` is the exact
 * result rounded once.
 */
function fmaMinusOne(z: number, invc: number): number {
  const p = z * invc;
  let t = SPLITTER * z;
  const zh = t - (t - z);
  const zl = z - zh;
  t = SPLITTER * invc;
  const ih = t - (t - invc);
  const il = invc - ih;
  const e = zh * ih - p + zh * il + zl * ih + zl * il;
  return p - 1 + e;
}

/** Inputs within about 1/16 of 1: a longer polynomial, no table. */
function logNearOne(x: number): number {
  const B = POLY_NEAR_ONE;
  const r = x - 1;
  const r2 = r * r;
  const r3 = r * r2;
  let y =
    r3 * (B[1] + r * B[2] + r2 * B[3] + r3 * (B[4] + r * B[5] + r2 * B[6] + r3 * (B[7] + r * B[8] + r2 * B[9] + r3 * B[10])));
  // Split r so that r*r is exact in hi + lo.
  let w = r * TWO_POW_27;
  const rhi = r + w - w;
  const rlo = r - rhi;
  w = rhi * rhi * B[0]; // B[0] is -0.5
  const hi = r + w;
  let lo = r - hi + w;
  lo += B[0] * rlo * (rhi + r);
  y += lo;
  y += hi;
  return y;
}

/**
 * Natural logarithm of `x`, equal bit for bit to glibc's `log` and so to
 * Python's `math.log` on Linux (on processors with fused multiply-add, which
 * glibc uses when it can: all x86-64 of the last decade and all ARM64).
 *
 * Returns `-Infinity` for 0, `NaN` for negative numbers and NaN, `Infinity`
 * for `Infinity`, like `Math.log` (Python raises for the first two).
 *
 * @example
 * pythonLog(3); // 1.0986122886681098, where Math.log(3) is 1.0986122886681096
 */
export function pythonLog(x: number): number {
  if (!(x > 0)) return x === 0 ? -Infinity : NaN;
  if (x === Infinity) return Infinity;
  if (x === 1) return 0;
  if (x >= 0.9375 && x < 1.064697265625) return logNearOne(x); // [1 - 0x1p-4, 1 + 0x1.09p-4)

  let [high, low] = bitsOf(x);
  let k = 0;
  if (high < 0x00100000) {
    // Subnormal: scale into the normal range first.
    [high, low] = bitsOf(x * TWO_POW_52);
    k = -52;
  }
  // x = 2^k z with z in [0x1.6p-1, 0x1.6p0) (OFF = 0x3fe6000000000000 in glibc).
  const tmpHigh = (high - 0x3fe60000) | 0;
  const i = (tmpHigh >>> 13) & 127; // bits 45..51 of tmp
  k += tmpHigh >> 20; // arithmetic shift: the exponent relative to OFF
  const z = fromBits(high - (tmpHigh & 0xfff00000), low);
  const invc = INVC_LOGC[2 * i]!;
  const logc = INVC_LOGC[2 * i + 1]!;
  const r = fmaMinusOne(z, invc);
  const kd = k;

  // hi + lo = r + log(c) + k ln2; k * LN2_HI + logc is exact by the table's construction.
  const w = kd * LN2_HI + logc;
  const hi = w + r;
  const lo = w - hi + r + kd * LN2_LO;
  const r2 = r * r;
  const A = POLY;
  return lo + r2 * A[0] + r * r2 * (A[1] + r * A[2] + r2 * (A[3] + r * A[4])) + hi;
}
