/**
 * The POS HMM (`jieba.posseg`'s model) re-estimated from a tagged corpus,
 * for `jieba train --tags`: each word of Han characters tagged `t` gives
 * its characters the states `B t`, `M t`, ..., `E t` (or `S t` alone);
 * consecutive such words make one run, from which start, transition and
 * emission counts and each character's states (`char_state_tab`) are
 * taken. Merged with a base model as finalseg's HMM is (`train.ts`): where
 * both have a distribution, the probabilities are averaged; a character's
 * states are those of either. The base's states stay as they are (tags the
 * base lacks are left out of its distributions, and reported by
 * {@link PosCounts.build});
 * without a base, the states are the corpus's own.
 *
 * @module
 */

import { posFromSections } from '../data/sections.js';
import { POS_MIN_FLOAT, type PosModel } from '../posseg/model.js';
import { HAN_COUNT } from '../hmm/model.js';
import { HAN_FIRST, isHanChar } from '../text/char-classes.js';

/** Python's order of `(position, tag)` tuples, on state names `"B n"`. */
function compareStates(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Counts of a tagged corpus for the POS HMM. */
export class PosCounts {
  readonly #start = new Map<string, number>();
  readonly #trans = new Map<string, Map<string, number>>();
  readonly #emit = new Map<string, Map<number, number>>();
  #previous: string | undefined;
  /** Characters counted. */
  characters = 0;

  /** End the current run (a word that is not all Han characters, or the end of a line). */
  endRun(): void {
    this.#previous = undefined;
  }

  /** Count `word` (all Han characters) tagged `tag`, continuing the current run. */
  addWord(word: string, tag: string): void {
    for (let i = 0; i < word.length; i++) {
      const position = word.length === 1 ? 'S' : i === 0 ? 'B' : i === word.length - 1 ? 'E' : 'M';
      const state = `${position} ${tag}`;
      if (this.#previous === undefined) bump(this.#start, state);
      else bump(inner(this.#trans, this.#previous), state);
      bump(inner(this.#emit, state), word.charCodeAt(i));
      this.#previous = state;
      this.characters++;
    }
  }

  /** The states the corpus uses, in Python's order. */
  states(): string[] {
    return [...this.#emit.keys()].sort(compareStates);
  }

  /**
   * The model: the corpus's alone, or merged into `base`, whose states it
   * keeps; and the corpus's states the base lacks (left out).
   *
   * @throws RangeError without a base when the corpus has more than 256 states (64 tags)
   */
  build(base: PosModel | undefined): { model: PosModel; unknownStates: string[] } {
    const states = base ? [...base.states] : this.states();
    if (states.length > 256) throw new RangeError(`jieba-ts: a POS model holds at most 256 states (64 tags); the corpus has ${states.length}`);
    const S = states.length;
    const index = new Map(states.map((s, i) => [s, i]));
    const known = (state: string): boolean => index.has(state);
    const unknownStates = this.states().filter((state) => !known(state));

    // Start: over the states.
    const start = new Float64Array(S);
    const startTotal = sumKnown(this.#start, known);
    for (let y = 0; y < S; y++) {
      const corpus = startTotal > 0 ? (this.#start.get(states[y]!) ?? 0) / startTotal : 0;
      start[y] = logOf(mix(corpus, base?.start[y], startTotal > 0));
    }

    // Transitions: a distribution over the next state for each state.
    const trans = new Float64Array(S * S).fill(-Infinity);
    for (let x = 0; x < S; x++) {
      const row = this.#trans.get(states[x]!);
      const total = row ? sumKnown(row, known) : 0;
      for (let y = 0; y < S; y++) {
        const corpus = total > 0 ? (row!.get(states[y]!) ?? 0) / total : 0;
        const baseLog = base ? base.trans[y * S + x]! : undefined;
        const p = mix(corpus, baseLog === -Infinity ? undefined : baseLog, total > 0, base !== undefined);
        if (p > 0) trans[y * S + x] = Math.log(p);
      }
    }
    const nextStart = new Int32Array(S + 1);
    const nextList: number[] = [];
    for (let x = 0; x < S; x++) {
      for (let y = 0; y < S; y++) if (trans[y * S + x] !== -Infinity) nextList.push(y);
      nextStart[x + 1] = nextList.length;
    }

    // Emissions: a distribution over the characters for each state.
    const emitTotals = new Float64Array(S);
    const rows: (Map<number, number> | undefined)[] = states.map((state) => this.#emit.get(state));
    rows.forEach((row, y) => {
      if (row) emitTotals[y] = sum(row.values());
    });
    const baseRow = new Float64Array(S);
    const charStart = new Int32Array(HAN_COUNT + 1);
    const charStates: number[] = [];
    const charEmit: number[] = [];
    const emitStart = new Int32Array(HAN_COUNT + 1);
    const emitStates: number[] = [];
    const emitValues: number[] = [];
    const listed = new Uint8Array(S);
    for (let c = 0; c < HAN_COUNT; c++) {
      listed.fill(0);
      baseRow.fill(POS_MIN_FLOAT);
      if (base) {
        for (let k = base.charStart[c]!; k < base.charStart[c + 1]!; k++) listed[base.charStates[k]!] = 1;
        for (let k = base.emitStart[c]!; k < base.emitStart[c + 1]!; k++) baseRow[base.emitStates[k]!] = base.emitValues[k]!;
      }
      for (let y = 0; y < S; y++) {
        const count = rows[y]?.get(HAN_FIRST + c) ?? 0;
        if (count > 0) listed[y] = 1;
        const baseLog = base ? baseRow[y]! : undefined;
        const corpus = emitTotals[y]! > 0 ? count / emitTotals[y]! : 0;
        const value = logOf(mix(corpus, baseLog === POS_MIN_FLOAT ? undefined : baseLog, emitTotals[y]! > 0, base !== undefined));
        if (value !== POS_MIN_FLOAT) {
          emitStates.push(y);
          emitValues.push(value);
        }
        if (listed[y] === 1) {
          charStates.push(y);
          charEmit.push(value);
        }
      }
      charStart[c + 1] = charStates.length;
      emitStart[c + 1] = emitStates.length;
    }
    const sections = new Map<string, Uint8Array | Int32Array | Float64Array>([
      ['pos.states', new TextEncoder().encode(states.join('\n'))],
      ['pos.start', start],
      ['pos.trans', trans],
      ['pos.next.start', nextStart],
      ['pos.next', Uint8Array.from(nextList)],
      ['pos.char.start', charStart],
      ['pos.char.states', Uint8Array.from(charStates)],
      ['pos.char.emit', Float64Array.from(charEmit)],
      ['pos.emit.start', emitStart],
      ['pos.emit.states', Uint8Array.from(emitStates)],
      ['pos.emit.values', Float64Array.from(emitValues)],
    ]);
    // Read back as an image's model is: derived tables, and every check an image gets.
    return { model: posFromSections(sections, 'trained POS model'), unknownStates };
  }
}

/** Whether a word is all Han characters (what the POS HMM learns from). */
export function isHanWord(word: string): boolean {
  if (word.length === 0) return false;
  for (let i = 0; i < word.length; i++) if (!isHanChar(word.charCodeAt(i))) return false;
  return true;
}

/** The base's probability (from its log; none when undefined or `MIN_FLOAT`) averaged with the corpus's where both have one. */
function mix(corpus: number, baseLog: number | undefined, haveCorpus: boolean, haveBase = baseLog !== undefined): number {
  const base = baseLog === undefined || baseLog <= POS_MIN_FLOAT ? 0 : Math.exp(baseLog);
  if (!haveBase) return corpus;
  return haveCorpus ? (corpus + base) / 2 : base;
}

function logOf(probability: number): number {
  return probability > 0 ? Math.log(probability) : POS_MIN_FLOAT;
}

function sumKnown(counts: Map<string, number>, known: (state: string) => boolean): number {
  let total = 0;
  for (const [state, n] of counts) if (known(state)) total += n;
  return total;
}

function sum(values: Iterable<number>): number {
  let total = 0;
  for (const v of values) total += v;
  return total;
}

function bump<K>(map: Map<K, number>, key: K): void {
  map.set(key, (map.get(key) ?? 0) + 1);
}

function inner<K, V>(map: Map<string, Map<K, V>>, key: string): Map<K, V> {
  let m = map.get(key);
  if (!m) map.set(key, (m = new Map()));
  return m;
}
