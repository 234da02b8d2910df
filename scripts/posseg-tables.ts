/**
 * Python jieba's posseg model files read into a {@link PosModel}.
 *
 * @module
 */

import { absorptionThreshold, emission, predecessors, type PosModel } from '../src/posseg/model.js';
import { HAN_FIRST, HAN_LAST } from '../src/text/char-classes.js';
import { readModelTable, type PythonTable, type PythonValue } from './python-literal.js';

const POSITIONS = 'BEMS';

function table(value: PythonValue | undefined, what: string): PythonTable {
  if (!(value instanceof Map)) throw new Error(`${what} is not a table`);
  return value;
}

function number(value: PythonValue | undefined, what: string): number {
  if (typeof value !== 'number') throw new Error(`${what} is not a number`);
  return value;
}

/**
 * Read `char_state_tab.py`, `prob_start.py`, `prob_trans.py` and
 * `prob_emit.py` (under data/jieba/posseg).
 *
 * @param read - returns the text of a file under data/jieba
 */
export function readPossegModel(read: (file: string) => string): PosModel {
  const charTable = readModelTable(read('posseg/char_state_tab.py'), 'char_state_tab.py');
  const startTable = readModelTable(read('posseg/prob_start.py'), 'prob_start.py');
  const transTable = readModelTable(read('posseg/prob_trans.py'), 'prob_trans.py');
  const emitTable = readModelTable(read('posseg/prob_emit.py'), 'prob_emit.py');

  // Python compares (position, tag) tuples item by item.
  const states = [...startTable.keys()].sort((a, b) => {
    const [pa, ta] = a.split(' ') as [string, string];
    const [pb, tb] = b.split(' ') as [string, string];
    return pa < pb ? -1 : pa > pb ? 1 : ta < tb ? -1 : ta > tb ? 1 : 0;
  });
  if (states.length > 256) throw new Error('more than 256 POS states');
  const index = new Map(states.map((s, i) => [s, i]));
  const stateOf = (name: string, what: string): number => {
    const i = index.get(name);
    if (i === undefined) throw new Error(`${what}: unknown state ${name}`);
    return i;
  };
  const S = states.length;

  const position = Uint8Array.from(states, (s) => POSITIONS.indexOf(s.split(' ')[0]!));
  if (position.some((p) => p > 3)) throw new Error('a state has an unknown position');
  const tags = states.map((s) => s.split(' ')[1]!);
  const start = Float64Array.from(states, (s) => number(startTable.get(s), `start ${s}`));

  const trans = new Float64Array(S * S).fill(-Infinity);
  const nextStart = new Int32Array(S + 1);
  const next: number[] = [];
  states.forEach((from, x) => {
    nextStart[x] = next.length;
    for (const [to, p] of table(transTable.get(from), `trans ${from}`)) {
      const y = stateOf(to, `trans ${from}`);
      trans[y * S + x] = number(p, `trans ${from} ${to}`);
      next.push(y);
    }
  });
  nextStart[S] = next.length;

  const hanCount = HAN_LAST - HAN_FIRST + 1;
  const perChar: number[][] = Array.from({ length: hanCount }, () => []);
  for (const [ch, list] of charTable) {
    const cu = ch.charCodeAt(0);
    if (ch.length !== 1 || cu < HAN_FIRST || cu > HAN_LAST) throw new Error(`char_state_tab has ${JSON.stringify(ch)}`);
    if (!Array.isArray(list) || list.length === 0) throw new Error(`char_state_tab ${ch} is empty`);
    // Python makes a set of them: a repeated state counts once.
    perChar[cu - HAN_FIRST] = [...new Set(list.map((pair) => stateOf((pair as string[]).join(' '), `char_state_tab ${ch}`)))];
  }
  const charStart = new Int32Array(hanCount + 1);
  const charStates: number[] = [];
  perChar.forEach((list, c) => {
    charStart[c] = charStates.length;
    charStates.push(...list);
  });
  charStart[hanCount] = charStates.length;

  const emissions: [number, number][][] = Array.from({ length: hanCount }, () => []);
  states.forEach((s, y) => {
    for (const [ch, p] of table(emitTable.get(s), `emit ${s}`)) {
      const cu = ch.charCodeAt(0);
      if (ch.length !== 1 || cu < HAN_FIRST || cu > HAN_LAST) throw new Error(`emit ${s}: key ${JSON.stringify(ch)} is not a Han character`);
      emissions[cu - HAN_FIRST]!.push([y, number(p, `emit ${s} ${ch}`)]);
    }
  });
  const emitStart = new Int32Array(hanCount + 1);
  const emitStates: number[] = [];
  const emitValues: number[] = [];
  emissions.forEach((list, c) => {
    emitStart[c] = emitStates.length;
    for (const [y, p] of list) {
      emitStates.push(y);
      emitValues.push(p);
    }
  });
  emitStart[hanCount] = emitStates.length;
  const nextStates = Uint8Array.from(next);
  const charStatesArray = Uint8Array.from(charStates);
  const partial = { emitStart, emitStates: Uint8Array.from(emitStates), emitValues: Float64Array.from(emitValues) };
  const charEmit = new Float64Array(charStatesArray.length);
  for (let c = 0; c < hanCount; c++) {
    for (let k = charStart[c]!; k < charStart[c + 1]!; k++) charEmit[k] = emission(partial, charStatesArray[k]!, HAN_FIRST + c);
  }
  return {
    states,
    position,
    tags,
    start,
    trans,
    nextStart,
    next: nextStates,
    ...predecessors(nextStart, nextStates, trans),
    charStart,
    charStates: charStatesArray,
    charEmit,
    ...partial,
    hugeScore: absorptionThreshold(trans, nextStart, nextStates, partial.emitValues, charEmit),
  };
}
