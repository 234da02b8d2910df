/**
 * A packed result (`Tokenizer.packed`, sent by a pool worker) made into the
 * public method's own result on the caller's side: words sliced from the
 * text the caller passed (or the worker decoded from bytes), tokens, and
 * tagged words.
 *
 * @module
 */

import type { PackedResult, TaggedWord, TextInput, Token } from '../tokenizer-options.js';
import type { UnitStrings } from '../text/unit-strings.js';
import { offsetsIn } from '../text/offset-units.js';

/**
 * The result `packed` stands for, `input` being what the method was given;
 * words sliced by `strings` (the one-character ones made once per pool).
 *
 * @example
 * unpackResult({ kind: 'words', offsets: Int32Array.of(0, 2, 2, 3) }, '中国人', new UnitStrings()); // ['中国', '人']
 */
export function unpackResult(packed: PackedResult, input: TextInput, strings: UnitStrings): unknown {
  if (packed.kind === 'value') return packed.value;
  const text = packed.text ?? (input as string);
  const { offsets } = packed;
  const count = offsets.length >>> 1;
  if (packed.kind === 'words') {
    const words: string[] = new Array(count);
    for (let i = 0; i < count; i++) words[i] = strings.slice(text, offsets[2 * i]!, offsets[2 * i + 1]!);
    return words;
  }
  if (packed.kind === 'tagged') {
    const { tags, names } = packed;
    const words: TaggedWord[] = new Array(count);
    for (let i = 0; i < count; i++) words[i] = { word: strings.slice(text, offsets[2 * i]!, offsets[2 * i + 1]!), tag: names[tags[i]!]! };
    return words;
  }
  const tokens: Token[] = new Array(count);
  const units = packed.units === 'utf16' ? offsets : offsetsIn(packed.units, text, offsets.slice());
  for (let i = 0; i < count; i++) tokens[i] = { word: strings.slice(text, offsets[2 * i]!, offsets[2 * i + 1]!), start: units[2 * i]!, end: units[2 * i + 1]! };
  return tokens;
}
