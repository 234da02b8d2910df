/**
 * Python jieba's finalseg model files read into an {@link HmmModel}.
 *
 * @module
 */

import { HAN_COUNT, MIN_FLOAT, STATE_NAMES, type HmmModel } from '../src/hmm/model.js';
import { HAN_FIRST, HAN_LAST } from '../src/text/char-classes.js';
import { readModelTable, type PythonTable } from './python-literal.js';

function table(value: unknown, what: string): PythonTable {
  if (!(value instanceof Map)) throw new Error(`${what} is not a table`);
  return value as PythonTable;
}

function number(value: unknown, what: string): number {
  if (typeof value !== 'number') throw new Error(`${what} is not a number`);
  return value;
}

/**
 * Python's finalseg tables (`prob_start.py`, `prob_trans.py`,
 * `prob_emit.py`) as an {@link HmmModel}. Transitions missing from
 * `prob_trans.py` get {@link MIN_FLOAT}, as Python's
 * `trans_p[y0].get(y, MIN_FLOAT)` does; so do emissions missing from
 * `prob_emit.py`. Emissions of characters outside the Han range are left
 * out: the HMM never sees them.
 *
 * @param read - returns the text of a file under data/jieba
 */
export function readFinalsegModel(read: (file: string) => string): HmmModel {
  const start = readModelTable(read('finalseg/prob_start.py'), 'prob_start.py');
  const trans = readModelTable(read('finalseg/prob_trans.py'), 'prob_trans.py');
  const emit = readModelTable(read('finalseg/prob_emit.py'), 'prob_emit.py');
  const model = {
    start: new Float64Array(4),
    trans: new Float64Array(16).fill(MIN_FLOAT),
    emit: new Float64Array(4 * HAN_COUNT).fill(MIN_FLOAT),
  };
  [...STATE_NAMES].forEach((state, s) => {
    model.start[s] = number(start.get(state), `start[${state}]`);
    for (const [to, p] of table(trans.get(state), `trans[${state}]`)) {
      const t = STATE_NAMES.indexOf(to);
      if (t < 0 || to.length !== 1) throw new Error(`trans[${state}] has unknown state ${to}`);
      model.trans[4 * s + t] = number(p, `trans[${state}][${to}]`);
    }
    for (const [ch, p] of table(emit.get(state), `emit[${state}]`)) {
      if (ch.length !== 1) throw new Error(`emit[${state}] key ${JSON.stringify(ch)} is not one BMP character`);
      const cu = ch.charCodeAt(0);
      if (cu >= HAN_FIRST && cu <= HAN_LAST) model.emit[4 * (cu - HAN_FIRST) + s] = number(p, `emit[${state}][${ch}]`);
    }
  });
  return model;
}
