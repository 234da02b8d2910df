/**
 * Python jieba's finalseg model files read into {@link HmmTables}.
 *
 * @module
 */

import { MIN_FLOAT, STATE_NAMES, type HmmTables } from '../src/hmm/model.js';
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
 * Python's finalseg tables (`prob_start.py`, `prob_trans.py`, `prob_emit.py`) as {@link HmmTables}.
 * Transitions missing from `prob_trans.py` get {@link MIN_FLOAT}, as
 * Python's `trans_p[y0].get(y, MIN_FLOAT)` does.
 *
 * @param read - returns the text of a file under data/jieba
 */
export function readFinalsegTables(read: (file: string) => string): HmmTables {
  const start = readModelTable(read('finalseg/prob_start.py'), 'prob_start.py');
  const trans = readModelTable(read('finalseg/prob_trans.py'), 'prob_trans.py');
  const emit = readModelTable(read('finalseg/prob_emit.py'), 'prob_emit.py');
  let entries = 0;
  for (const state of STATE_NAMES) entries += table(emit.get(state), `emit[${state}]`).size;
  const tables: HmmTables = {
    start: new Float64Array(4),
    trans: new Float64Array(16).fill(MIN_FLOAT),
    emitCounts: new Int32Array(4),
    emitChars: new Uint16Array(entries),
    emitProbs: new Float64Array(entries),
  };
  let entry = 0;
  [...STATE_NAMES].forEach((state, s) => {
    tables.start[s] = number(start.get(state), `start[${state}]`);
    for (const [to, p] of table(trans.get(state), `trans[${state}]`)) {
      const t = STATE_NAMES.indexOf(to);
      if (t < 0 || to.length !== 1) throw new Error(`trans[${state}] has unknown state ${to}`);
      tables.trans[4 * s + t] = number(p, `trans[${state}][${to}]`);
    }
    const emissions = table(emit.get(state), `emit[${state}]`);
    tables.emitCounts[s] = emissions.size;
    for (const [ch, p] of emissions) {
      if (ch.length !== 1) throw new Error(`emit[${state}] key ${JSON.stringify(ch)} is not one BMP character`);
      tables.emitChars[entry] = ch.charCodeAt(0);
      tables.emitProbs[entry] = number(p, `emit[${state}][${ch}]`);
      entry++;
    }
  });
  return tables;
}
