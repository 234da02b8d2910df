import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { sharedModels } from '../../src/node-platform.js';
import { absorptionThreshold, emission, maskWords, predecessors, POS_MIN_FLOAT, type PosModel } from '../../src/posseg/model.js';
import { posViterbi, PosViterbiDeadEnd, PosViterbiScratch } from '../../src/posseg/viterbi.js';
import { REAL_PATH_LONGEST, RealPathViterbi } from '../../src/posseg/real-path-viterbi.js';
import { WasmRealPathViterbi } from '../../src/posseg/wasm-real-path.js';
import { isSilent } from '../../src/posseg/top-layers.js';
import { PosCounts } from '../../src/analyse/train-pos.js';
import { Tokenizer } from '../../src/index.js';
import { repoPath } from '../support/fixtures.js';
import { HAN_COUNT } from '../../src/hmm/model.js';
import { HAN_FIRST } from '../../src/text/char-classes.js';

/**
 * `jieba.posseg.viterbi` written out plainly, sets and all: every state a
 * step may consider, every predecessor scanned, ties to the larger state.
 */
function referenceViterbi(model: PosModel, text: string): number[] {
  const S = model.states.length;
  const listed = (cu: number): number[] => {
    const c = cu - HAN_FIRST;
    const states: number[] = [];
    for (let k = model.charStart[c]!; k < model.charStart[c + 1]!; k++) states.push(model.charStates[k]!);
    return states.length > 0 ? states : Array.from({ length: S }, (_, y) => y);
  };
  const successors = (x: number): number[] => Array.from(model.next.subarray(model.nextStart[x]!, model.nextStart[x + 1]!));
  let scores = new Map<number, number>();
  const from: Map<number, number>[] = [new Map()];
  for (const y of listed(text.charCodeAt(0))) scores.set(y, model.start[y]! + emission(model, y, text.charCodeAt(0)));
  for (let t = 1; t < text.length; t++) {
    const cu = text.charCodeAt(t);
    const previous = [...scores.keys()].filter((x) => successors(x).length > 0);
    if (previous.length === 0) throw new RangeError('max() arg is an empty sequence'); // as Python fails
    const expected = new Set(previous.flatMap(successors));
    let states = listed(cu).filter((y) => expected.has(y));
    if (states.length === 0) states = expected.size > 0 ? [...expected] : Array.from({ length: S }, (_, y) => y);
    const next = new Map<number, number>();
    const back = new Map<number, number>();
    for (const y of states) {
      let best = -Infinity;
      let bestFrom = -1;
      for (const y0 of previous) {
        const prob = scores.get(y0)! + model.trans[y * S + y0]! + emission(model, y, cu);
        if (bestFrom < 0 || prob > best || (prob === best && y0 > bestFrom)) {
          best = prob;
          bestFrom = y0;
        }
      }
      next.set(y, best);
      back.set(y, bestFrom);
    }
    scores = next;
    from.push(back);
  }
  let state = -1;
  let best = -Infinity;
  for (const [y, v] of scores) {
    if (state < 0 || v > best || (v === best && y > state)) {
      best = v;
      state = y;
    }
  }
  const path = [state];
  for (let t = text.length - 1; t > 0; t--) path.unshift((state = from[t]!.get(state)!));
  return path;
}

type Random = () => number;

/** A seeded generator, so that a failure can be replayed. */
function random(seed: number): Random {
  return () => {
    seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
    return seed / 2 ** 32;
  };
}

function decoded(model: PosModel, text: string, scratch: PosViterbiScratch): number[] {
  posViterbi(model, text, 0, text.length, scratch);
  return Array.from(scratch.path.subarray(0, text.length));
}

/**
 * A model of 8 states (B, E, M, S of two tags) over the first five Han
 * characters, whose scores come from a set of three values, so that ties
 * are everywhere; each character lists a few states, and one lists none.
 * With `smallTransitions`, transitions are only -1 or -2, as in jieba's
 * model, where scores of the size of `MIN_FLOAT` absorb them (the shortcut
 * of `groupPredecessors`); otherwise they may be `MIN_FLOAT` too. With
 * `nearMinFloatStarts`, start scores may also be a few units in the last
 * place away from `MIN_FLOAT`, so that scores near it differ slightly and
 * adding `MIN_FLOAT` to them may round two of them to one (a tie). With
 * `wordShapedTags`, the states are B, E, M, S of that many tags and the
 * transitions are shaped as jieba's: with ten tags (40 states, two bit-set
 * words), E and M states have two predecessors, which the Viterbi scans as
 * a short list, and those two often tie.
 */
function tieModel(next: Random, smallTransitions: boolean, nearMinFloatStarts = false, wordShapedTags = 0): PosModel {
  const tagNames = wordShapedTags > 0 ? 'abcdefghij'.slice(0, wordShapedTags).split('') : ['a', 'b'];
  const states = ['B', 'E', 'M', 'S'].flatMap((position) => tagNames.map((tag) => `${position},${tag}`));
  const S = states.length;
  const values = [-1, -2, POS_MIN_FLOAT];
  const pick = (): number => values[Math.floor(next() * values.length)]!;
  const pickTransition = (): number => (smallTransitions ? values[Math.floor(next() * 2)]! : pick());
  const starts = nearMinFloatStarts ? [-1, POS_MIN_FLOAT, POS_MIN_FLOAT * (1 + 2 ** -52), POS_MIN_FLOAT * (1 + 3 * 2 ** -52)] : values;
  const pickStart = (): number => starts[Math.floor(next() * starts.length)]!;
  const trans = new Float64Array(S * S).fill(-Infinity);
  const lists: number[][] = [];
  // Word-shaped, as jieba's model: B and M of a tag lead to E and M of the
  // same tag only (so E and M states have two predecessors, a short list),
  // E and S to some B and S states of any tag.
  const T = tagNames.length;
  const allowed = (x: number, y: number): boolean => {
    if (wordShapedTags === 0) return next() >= 0.5;
    const [px, tx, py, ty] = [Math.floor(x / T), x % T, Math.floor(y / T), y % T];
    if (px === 0 || px === 2) return tx === ty && (py === 1 || py === 2);
    return (py === 0 || py === 3) && next() >= 0.5;
  };
  for (let x = 0; x < S; x++) {
    lists.push([]);
    for (let y = 0; y < S; y++) {
      if (!allowed(x, y)) continue;
      lists[x]!.push(y);
      trans[y * S + x] = pickTransition();
    }
  }
  const nextStart = new Int32Array(S + 1);
  lists.forEach((list, x) => (nextStart[x + 1] = nextStart[x]! + list.length));
  const nextStates = Uint8Array.from(lists.flat());
  const charStart = new Int32Array(HAN_COUNT + 1);
  const charStates: number[] = [];
  const charEmit: number[] = [];
  const emitStart = new Int32Array(HAN_COUNT + 1);
  const emitStates: number[] = [];
  const emitValues: number[] = [];
  for (let c = 0; c < HAN_COUNT; c++) {
    if (c < 5) {
      for (let y = 0; y < S; y++) {
        if (next() < 0.6) continue;
        const value = pick();
        emitStates.push(y);
        emitValues.push(value);
        if (c !== 4) {
          charStates.push(y);
          charEmit.push(value);
        }
      }
    }
    charStart[c + 1] = charStates.length;
    emitStart[c + 1] = emitStates.length;
  }
  const emitValuesArray = Float64Array.from(emitValues);
  const charEmitArray = Float64Array.from(charEmit);
  return {
    states,
    position: Uint8Array.from(states, (s) => 'BEMS'.indexOf(s[0]!)),
    tags: states.map((s) => s.slice(2)),
    start: Float64Array.from(states, pickStart),
    trans,
    nextStart,
    next: nextStates,
    ...predecessors(nextStart, nextStates, trans),
    charStart,
    charStates: Uint8Array.from(charStates),
    charEmit: charEmitArray,
    emitStart,
    emitStates: Uint8Array.from(emitStates),
    emitValues: emitValuesArray,
    hugeScore: absorptionThreshold(trans, nextStart, nextStates, emitValuesArray, charEmitArray),
  };
}

/** The Han characters the model lists states for. */
function listedCharsOf(model: PosModel): number[] {
  const chars: number[] = [];
  for (let c = 0; c < HAN_COUNT; c++) if (model.charStart[c]! < model.charStart[c + 1]!) chars.push(HAN_FIRST + c);
  return chars;
}

/** A run of 1 to `longest` characters: listed ones (`listedShare` of them) and any Han character. */
function randomRun(next: Random, listedChars: readonly number[], longest: number, listedShare: number): string {
  const length = 1 + Math.floor(next() * longest);
  let text = '';
  for (let i = 0; i < length; i++) {
    const cu = next() < listedShare ? listedChars[Math.floor(next() * listedChars.length)]! : HAN_FIRST + Math.floor(next() * HAN_COUNT);
    text += String.fromCharCode(cu);
  }
  return text;
}

/** The kinds of tie models (see {@link tieModel}), with their names. */
const TIE_KINDS = ([
  [false, false],
  [true, false],
  [true, true],
] as const).map(([smallTransitions, nearMinFloatStarts]) => ({
  smallTransitions,
  nearMinFloatStarts,
  name: `transitions ${smallTransitions ? 'small' : 'up to MIN_FLOAT'}${nearMinFloatStarts ? ', starts near MIN_FLOAT' : ''}`,
}));

/** 200 tie models of one kind, and 30 runs of their five characters each. */
function* tieRuns(next: Random, smallTransitions: boolean, nearMinFloatStarts: boolean): Generator<{ m: number; model: PosModel; text: string }> {
  for (let m = 0; m < 200; m++) {
    const model = tieModel(next, smallTransitions, nearMinFloatStarts);
    for (let n = 0; n < 30; n++) {
      let text = '';
      const length = 1 + Math.floor(next() * (smallTransitions ? 12 : 6));
      for (let i = 0; i < length; i++) text += String.fromCharCode(HAN_FIRST + Math.floor(next() * 5));
      yield { m, model, text };
    }
  }
}

describe('POS Viterbi', () => {
  it('decodes as posseg does, on the real model', () => {
    const model = sharedModels.pos().model;
    const scratch = new PosViterbiScratch();
    const next = random(7);
    // Characters the model lists (most runs) and any Han character (some unlisted).
    const listedChars = listedCharsOf(model);
    for (let n = 0; n < 3000; n++) {
      const text = randomRun(next, listedChars, 8, 0.95);
      assert.deepEqual(decoded(model, text, scratch), referenceViterbi(model, text), text);
    }
  });

  for (const { smallTransitions, nearMinFloatStarts, name } of TIE_KINDS) {
    it(`breaks ties as posseg does, on models made of ties (${name})`, () => {
      const next = random(smallTransitions ? (nearMinFloatStarts ? 19 : 13) : 11);
      const scratch = new PosViterbiScratch();
      let compared = 0;
      for (const { m, model, text } of tieRuns(next, smallTransitions, nearMinFloatStarts)) {
        assert.equal(maskWords(model.states.length), 1);
        assert.equal(model.hugeScore < Infinity, smallTransitions);
        let expected: number[] | undefined;
        try {
          expected = referenceViterbi(model, text);
        } catch {
          // A dead end, where Python fails.
          assert.throws(() => decoded(model, text, scratch), PosViterbiDeadEnd, `model ${m}, ${text}`);
          continue;
        }
        assert.deepEqual(decoded(model, text, scratch), expected, `model ${m}, ${text}`);
        compared++;
      }
      assert.ok(compared > 3000, `only ${compared} runs compared`);
    });
  }

  it('breaks ties as posseg does on word-shaped models made of ties (40 states)', () => {
    const next = random(47);
    const scratch = new PosViterbiScratch();
    for (let m = 0; m < 100; m++) {
      const model = tieModel(next, true, false, 10);
      assert.equal(maskWords(model.states.length), 2);
      for (let n = 0; n < 30; n++) {
        const text = Array.from({ length: 1 + Math.floor(next() * 10) }, () => String.fromCharCode(HAN_FIRST + Math.floor(next() * 5))).join('');
        assert.deepEqual(decoded(model, text, scratch), referenceViterbi(model, text), `model ${m}, ${text}`);
      }
    }
  });

  it('decodes as posseg does through long runs of characters the model does not list', () => {
    // One such character puts every score near MIN_FLOAT, where transitions
    // and emissions are absorbed and ties decide (groupPredecessors).
    const model = sharedModels.pos().model;
    assert.ok(model.hugeScore < 1e30, `hugeScore ${model.hugeScore}`);
    const scratch = new PosViterbiScratch();
    const next = random(17);
    const listedChars: number[] = [];
    const unlistedChars: number[] = [];
    for (let c = 0; c < HAN_COUNT; c++) (model.charStart[c]! < model.charStart[c + 1]! ? listedChars : unlistedChars).push(HAN_FIRST + c);
    for (let n = 0; n < 60; n++) {
      const length = 2 + Math.floor(next() * 20);
      const unlistedShare = next();
      let text = '';
      for (let i = 0; i < length; i++) {
        const pool = next() < unlistedShare ? unlistedChars : listedChars;
        text += String.fromCharCode(pool[Math.floor(next() * pool.length)]!);
      }
      assert.deepEqual(decoded(model, text, scratch), referenceViterbi(model, text), text);
    }
  });
});

/** A decoder of runs whose best path is real: true (path written) or false (declined). */
interface RunDecoder {
  decode(model: PosModel, text: string, start: number, end: number): boolean;
  readonly path: Uint8Array;
}

/**
 * The two such decoders: RealPathViterbi, and its WebAssembly build, which
 * must decide the same runs with the same paths (and here, where
 * WebAssembly is available, never answer that it cannot run).
 */
const RUN_DECODERS: { name: string; make: () => RunDecoder }[] = [
  { name: 'RealPathViterbi', make: () => new RealPathViterbi() },
  ...[true, false].map((simd) => ({
    name: `WasmRealPathViterbi, ${simd ? 'SIMD' : 'scalar'} module`,
    make: (): RunDecoder => {
      const compiled = new WasmRealPathViterbi({ simd });
      return {
        decode(model, text, start, end) {
          const decided = compiled.decode(model, text, start, end);
          assert.notEqual(decided, undefined, 'WebAssembly did not run');
          return decided === true;
        },
        get path() {
          return compiled.path;
        },
      };
    },
  })),
];

/** A copy of `model` with other start scores (a decoder may keep what it derived from a model it has seen). */
function withStart(model: PosModel, change: (start: Float64Array) => void): PosModel {
  const start = Float64Array.from(model.start);
  change(start);
  return { ...model, start };
}

for (const { name: decoderName, make: makeDecoder } of RUN_DECODERS) describe(`POS Viterbi of runs whose best path is real (${decoderName})`, () => {
  const realPath = (decoder: RunDecoder, text: string): number[] => Array.from(decoder.path.subarray(0, text.length));
  const isListed = (model: PosModel, cu: number): boolean => model.charStart[cu - HAN_FIRST]! < model.charStart[cu - HAN_FIRST + 1]!;

  it('decides runs of mostly listed characters as posseg does', () => {
    const model = sharedModels.pos().model;
    const decoder = makeDecoder();
    const next = random(23);
    const listedChars = listedCharsOf(model);
    let decided = 0;
    for (let n = 0; n < 3000; n++) {
      const text = randomRun(next, listedChars, 12, 0.97);
      if (!decoder.decode(model, text, 0, text.length)) continue;
      assert.deepEqual(realPath(decoder, text), referenceViterbi(model, text), text);
      decided++;
    }
    // Most such runs are the usual case; the rest went to posViterbi.
    assert.ok(decided > 1500, `only ${decided} of 3000 runs decided`);
  });

  it('decides runs with characters the model does not list as posseg does, the other live states a shadow', () => {
    // Such a character makes every reachable state live, most of them with
    // MIN_FLOAT: those are the shadow, which still decides what later
    // steps consider.
    const model = sharedModels.pos().model;
    const decoder = makeDecoder();
    const scratch = new PosViterbiScratch();
    const next = random(41);
    const listedChars = listedCharsOf(model);
    // Unlisted characters that some state emits (most traditional ones are).
    const emitted: number[] = [];
    for (let c = 0; c < HAN_COUNT; c++) if (model.charStart[c] === model.charStart[c + 1] && model.emitStart[c]! < model.emitStart[c + 1]!) emitted.push(HAN_FIRST + c);
    let decided = 0;
    let withUnlisted = 0;
    let declined = 0;
    for (let n = 0; n < 400; n++) {
      let text = randomRun(next, listedChars, 8, 1);
      // Each character replaced by an emitted unlisted one, or (rarely) by any Han character, or kept.
      text = [...text]
        .map((ch) => {
          const r = next();
          if (r < 0.4) return String.fromCharCode(emitted[Math.floor(next() * emitted.length)]!);
          return r < 0.45 ? String.fromCharCode(HAN_FIRST + Math.floor(next() * HAN_COUNT)) : ch;
        })
        .join('');
      if (!decoder.decode(model, text, 0, text.length)) {
        assert.deepEqual(decoded(model, text, scratch), referenceViterbi(model, text), text);
        declined++;
        continue;
      }
      assert.deepEqual(realPath(decoder, text), referenceViterbi(model, text), text);
      decided++;
      if ([...text].some((ch) => !isListed(model, ch.charCodeAt(0)))) withUnlisted++;
    }
    assert.ok(withUnlisted > 100, `only ${withUnlisted} runs with unlisted characters decided`);
    assert.ok(declined > 0 && decided > 200, `${decided} decided, ${declined} declined`);
  });

  it('decides runs through characters no state emits, in top layers, as posseg does', () => {
    // Such a character ends every real path: every state a real one reaches
    // then scores MIN_FLOAT exactly, and ties.
    const model = sharedModels.pos().model;
    const decoder = makeDecoder();
    const silent: string[] = [];
    for (let c = 0; c < HAN_COUNT && silent.length < 2; c++) {
      if (model.charStart[c] === model.charStart[c + 1] && model.emitStart[c] === model.emitStart[c + 1]) silent.push(String.fromCharCode(HAN_FIRST + c));
    }
    assert.equal(silent.length, 2, 'the model emits every character');
    const [a, b] = silent as [string, string];
    // 爲 is such a character (most runs the decoder used to decline hold one); 國 is not listed but is emitted.
    assert.ok(isSilent(model, '爲'.charCodeAt(0) - HAN_FIRST) && isSilent(model, a.charCodeAt(0) - HAN_FIRST));
    assert.ok(!isListed(model, '國'.charCodeAt(0)) && !isSilent(model, '國'.charCodeAt(0) - HAN_FIRST));
    for (const text of [a, `${a}${b}`, `天气${a}不错`, `${a}國學${b}說`, `我們${a}${b}去公園`, `${a}天气`, `天气${a}`]) {
      assert.ok(decoder.decode(model, text, 0, text.length), text);
      assert.deepEqual(realPath(decoder, text), referenceViterbi(model, text), text);
    }
  });

  it('declines a run opening with a character no state emits when a start score would not leave a clean top layer', () => {
    // The top layer of such a first character is the states whose start plus
    // MIN_FLOAT is MIN_FLOAT exactly; that needs every other start to fall
    // at or below 2 * MIN_FLOAT then. A start of -2^281 lands in between.
    const decoder = makeDecoder();
    const text = String.fromCharCode(HAN_FIRST + 5, HAN_FIRST);
    const next = random(9);
    // A tie model whose clean starts let the decoder decide the run (a bounded search, so that a broken decoder fails here).
    let model: PosModel | undefined;
    for (let tries = 0; tries < 1000 && model === undefined; tries++) {
      const candidate = tieModel(next, true);
      if (decoder.decode(candidate, text, 0, text.length)) model = candidate;
    }
    assert.ok(model, 'no tie model decided the run');
    assert.deepEqual(realPath(decoder, text), referenceViterbi(model, text));
    // On the last state, so that the states before it would make a layer.
    const changed = withStart(model, (start) => (start[start.length - 1] = -(2 ** 281)));
    assert.equal(decoder.decode(changed, text, 0, text.length), false);
    assert.deepEqual(decoded(changed, text, new PosViterbiScratch()), referenceViterbi(changed, text));
  });

  it('breaks ties as posseg does where it decides, on word-shaped models made of ties (40 states)', () => {
    // E and M states scan their two predecessors as a short list, where a
    // tie goes to the larger one.
    const next = random(53);
    const decoder = makeDecoder();
    let decided = 0;
    for (let m = 0; m < 100; m++) {
      const model = tieModel(next, true, false, 10);
      for (let n = 0; n < 30; n++) {
        const text = Array.from({ length: 1 + Math.floor(next() * 10) }, () => String.fromCharCode(HAN_FIRST + Math.floor(next() * 5))).join('');
        if (!decoder.decode(model, text, 0, text.length)) continue;
        assert.deepEqual(realPath(decoder, text), referenceViterbi(model, text), `model ${m}, ${text}`);
        decided++;
      }
    }
    assert.ok(decided > 1000, `only ${decided} runs decided`);
  });

  it('decides as posViterbi does with POS models trained from a tagged corpus', () => {
    // `jieba train` re-estimates the POS HMM: a corpus's own model has other
    // states (and fewer), other numbers and other unlisted characters.
    const tokenizer = new Tokenizer();
    const counts = new PosCounts();
    const text = ['chinese-poetry.txt', 'seed-news.txt'].map((name) => readFileSync(repoPath(`test/fixtures/corpus/${name}`), 'utf8')).join('\n');
    for (const line of text.split('\n')) {
      for (const { word, tag } of tokenizer.tag(line)) {
        if (/^[\u4e00-\u9fa5]+$/.test(word)) counts.addWord(word, tag);
        else counts.endRun();
      }
      counts.endRun();
    }
    const next = random(43);
    const base = sharedModels.pos().model;
    for (const model of [counts.build(undefined).model, counts.build(base).model]) {
      assert.ok(model.hugeScore < Infinity);
      const decoder = makeDecoder();
      const scratch = new PosViterbiScratch();
      const listedChars = listedCharsOf(model);
      let decided = 0;
      for (let n = 0; n < 3000; n++) {
        const run = randomRun(next, listedChars, 10, 0.7);
        if (!decoder.decode(model, run, 0, run.length)) continue;
        assert.deepEqual(realPath(decoder, run), decoded(model, run, scratch), `${model.states.length} states, ${run}`);
        decided++;
      }
      assert.ok(decided > 1000, `only ${decided} runs decided with ${model.states.length} states`);
    }
  });

  it('declines a run with a score between the real and the shadow ranges', () => {
    // jieba's model never makes one; a start score of three quarters of
    // -hugeScore does, given to one of two states of the first character
    // that start and emit it for real (the other stays real).
    const decoder = makeDecoder();
    const text = String.fromCharCode(HAN_FIRST, HAN_FIRST + 1);
    const next = random(5);
    // (A bounded search, so that a broken decoder fails here.)
    let found: { model: PosModel; real: number[] } | undefined;
    for (let tries = 0; tries < 1000 && found === undefined; tries++) {
      const model = tieModel(next, true);
      const real: number[] = [];
      for (let k = model.charStart[0]!; k < model.charStart[1]!; k++) {
        if (model.charEmit[k] !== POS_MIN_FLOAT && model.start[model.charStates[k]!]! > POS_MIN_FLOAT) real.push(model.charStates[k]!);
      }
      if (real.length >= 2 && decoder.decode(model, text, 0, text.length)) found = { model, real };
    }
    assert.ok(found, 'no tie model decided the run');
    const { model, real } = found;
    const changed = withStart(model, (start) => (start[real[0]!] = -0.75 * model.hugeScore));
    assert.equal(decoder.decode(changed, text, 0, text.length), false);
    assert.deepEqual(decoded(changed, text, new PosViterbiScratch()), referenceViterbi(changed, text));
  });

  it('decides runs of the longest length it keeps, of characters many states emit, as posseg does', () => {
    // The most states a step can score and the most steps a run can have:
    // the compiled decoder logs every step's head, and its log must hold
    // the longest run's (a test that can fail if the log ran into the
    // tables after it: later runs would then read damaged tables).
    const model = sharedModels.pos().model;
    const emitting = (c: number): number => {
      let n = 0;
      for (let k = model.emitStart[c]!; k < model.emitStart[c + 1]!; k++) if (model.emitValues[k] !== POS_MIN_FLOAT) n++;
      return n;
    };
    const busiest = Array.from({ length: HAN_COUNT }, (_, c) => c)
      .sort((a, b) => emitting(b) - emitting(a) || a - b)
      .slice(0, 64)
      .map((c) => HAN_FIRST + c);
    const decoder = makeDecoder();
    const scratch = new PosViterbiScratch();
    const next = random(59);
    let decided = 0;
    for (let n = 0; n < 12; n++) {
      let run = '';
      for (let i = 0; i < REAL_PATH_LONGEST; i++) run += String.fromCharCode(busiest[Math.floor(next() * busiest.length)]!);
      if (!decoder.decode(model, run, 0, run.length)) continue;
      assert.deepEqual(realPath(decoder, run), decoded(model, run, scratch), `run ${n}`);
      decided++;
    }
    assert.ok(decided >= 10, `only ${decided} of 12 long runs decided`);
    for (const text of ['今天天气不错我们去公园散步吧', '國學說文解字']) {
      assert.ok(decoder.decode(model, text, 0, text.length), text);
      assert.deepEqual(realPath(decoder, text), referenceViterbi(model, text), text);
    }
  });

  it('decides a run inside a longer text at its offsets, and declines runs longer than it keeps', () => {
    const model = sharedModels.pos().model;
    const decoder = makeDecoder();
    for (const text of ['今天天气不错我们去公园散步吧', '國學說文解字']) {
      assert.ok(decoder.decode(model, `ab${text}cd`, 2, 2 + text.length), text);
      assert.deepEqual(realPath(decoder, text), referenceViterbi(model, text), text);
    }
    const long = '天气'.repeat(REAL_PATH_LONGEST / 2 + 1);
    assert.equal(decoder.decode(model, long, 0, long.length), false);
  });

  for (const { smallTransitions, nearMinFloatStarts, name } of TIE_KINDS) {
    it(`breaks ties as posseg does where it decides, on models made of ties (${name})`, () => {
      const next = random(smallTransitions ? (nearMinFloatStarts ? 29 : 31) : 37);
      const decoder = makeDecoder();
      let decided = 0;
      let withUnlisted = 0;
      for (const { m, model, text } of tieRuns(next, smallTransitions, nearMinFloatStarts)) {
        if (!decoder.decode(model, text, 0, text.length)) continue;
        assert.deepEqual(realPath(decoder, text), referenceViterbi(model, text), `model ${m}, ${text}`);
        decided++;
        if ([...text].some((ch) => !isListed(model, ch.charCodeAt(0)))) withUnlisted++;
      }
      assert.ok(decided > 150, `only ${decided} runs decided`);
      // A shadow needs a model whose scores absorb (small transitions).
      if (smallTransitions) assert.ok(withUnlisted > 50, `only ${withUnlisted} runs with an unlisted character decided`);
      else assert.equal(withUnlisted, 0);
    });
  }
});

describe('WasmRealPathViterbi', () => {
  it('decides nothing for a character outside the tables of the model, for RealPathViterbi to take', () => {
    const model = sharedModels.pos().model;
    const decoder = new WasmRealPathViterbi();
    assert.equal(decoder.decode(model, '天a气', 0, 3), undefined);
    assert.equal(decoder.decode(model, '天\u9fff', 0, 2), undefined);
    assert.equal(decoder.decode(model, '天气', 0, 0), undefined);
    assert.equal(decoder.decode(model, 'a天气', 1, 3), true);
    assert.deepEqual(Array.from(decoder.path.subarray(0, 2)), referenceViterbi(model, '天气'));
  });
});
