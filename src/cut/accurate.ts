/**
 * Accurate mode on one run of `re_han_default` text: Python jieba's
 * `__cut_DAG` (with the HMM) and `__cut_DAG_NO_HMM`.
 *
 * @module
 */

import type { Dictionary } from '../dictionary/dictionary.js';
import { cutUnknown, type FinalsegContext } from '../hmm/finalseg.js';
import { bestRoute, type RouteScratch } from '../route/route.js';
import { isAsciiAlnum } from '../text/char-classes.js';
import type { SpanBuffer } from '../text/spans.js';

/**
 * Follow the best route and hand runs of single characters to the HMM
 * (`__cut_DAG`). A run of one character is emitted as is; a longer run that
 * is itself a dictionary word with non-zero frequency is emitted character
 * by character (the route preferred splitting it); any other run goes to
 * {@link cutUnknown}.
 *
 * The run is always a contiguous slice, so it is kept as a start offset.
 */
export function cutWithHmm(
  dict: Dictionary,
  finalseg: FinalsegContext,
  text: string,
  start: number,
  end: number,
  route: RouteScratch,
  out: SpanBuffer,
): void {
  bestRoute(dict, text, start, end, route);
  const routeEnd = route.routeEnd;
  let run = -1; // start of the pending run of single characters, or -1
  let x = start;
  while (x < end) {
    const y = routeEnd[x - start]!;
    if (y - x === 1) {
      if (run < 0) run = x;
    } else {
      if (run >= 0) {
        flushRun(dict, finalseg, text, run, x, out);
        run = -1;
      }
      out.push(x, y);
    }
    x = y;
  }
  if (run >= 0) flushRun(dict, finalseg, text, run, end, out);
}

function flushRun(
  dict: Dictionary,
  finalseg: FinalsegContext,
  text: string,
  start: number,
  end: number,
  out: SpanBuffer,
): void {
  if (end - start === 1) {
    out.push(start, end);
  } else if (dict.frequencyOf(text, start, end) <= 0) {
    cutUnknown(finalseg, text, start, end, out);
  } else {
    for (let i = start; i < end; i++) out.push(i, i + 1);
  }
}

/**
 * Follow the best route without the HMM (`__cut_DAG_NO_HMM`): single ASCII
 * letters and digits that the route leaves alone are glued together; every
 * other word is emitted as routed.
 */
export function cutWithoutHmm(
  dict: Dictionary,
  text: string,
  start: number,
  end: number,
  route: RouteScratch,
  out: SpanBuffer,
): void {
  bestRoute(dict, text, start, end, route);
  const routeEnd = route.routeEnd;
  let run = -1; // start of the pending run of single ASCII letters/digits, or -1
  let x = start;
  while (x < end) {
    const y = routeEnd[x - start]!;
    if (y - x === 1 && isAsciiAlnum(text.charCodeAt(x))) {
      if (run < 0) run = x;
    } else {
      if (run >= 0) {
        out.push(run, x);
        run = -1;
      }
      out.push(x, y);
    }
    x = y;
  }
  if (run >= 0) out.push(run, end);
}
