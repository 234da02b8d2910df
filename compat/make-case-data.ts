/**
 * Writes src/text/python-case-data.ts: Python's `str.lower()` tables, read
 * off the interpreter that has Debian's python3-jieba (its Unicode version,
 * not the JavaScript runtime's, decides what jieba-ts lowercases). Run with
 * `npm run case-data` after changing Python; the output is committed.
 *
 * @module
 */

import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { PYTHON, requirePython } from './oracle-client.js';

const SCRIPT = String.raw`
import json, unicodedata
lower, multi = {}, {}
for c in range(0x110000):
    if 0xd800 <= c < 0xe000 or c == 0x3a3:
        continue
    l = chr(c).lower()
    if l != chr(c):
        if len(l) == 1:
            lower[c] = ord(l) - c
        else:
            multi[c] = [ord(x) for x in l]
# Runs of code points start, start + step, ... (step 1 or 2) sharing one offset.
runs, cps, i = [], sorted(lower), 0
while i < len(cps):
    c, d, best = cps[i], lower[cps[i]], (1, 1)
    for step in (1, 2):
        n = 1
        while i + n < len(cps) and cps[i + n] == c + n * step and lower[cps[i + n]] == d:
            n += 1
        if n > best[0]:
            best = (n, step)
    runs += [c, best[0], best[1], d]
    i += best[0]
# Cased and Case_Ignorable as str.lower() sees them, from where it puts a final sigma.
def final(s):
    return s.lower()[-1] == '\u03c2'
ignorable, cased = [], []
for c in range(0x110000):
    if 0xd800 <= c < 0xe000:
        continue
    x = chr(c)
    f1, f2 = final(x + '\u03a3'), final('A' + x + '\u03a3')
    if f2 and not f1:
        ignorable.append(c)
    elif f1:
        cased.append(c)
def ranges(cps):
    out = []
    for c in cps:
        if out and out[-1] == c - 1:
            out[-1] = c
        else:
            out += [c, c]
    return out
print(json.dumps({"unicode": unicodedata.unidata_version, "runs": runs, "multi": multi,
                  "cased": ranges(cased), "ignorable": ranges(ignorable)}))
`;

interface CaseData {
  unicode: string;
  runs: number[];
  multi: Record<string, number[]>;
  cased: number[];
  ignorable: number[];
}

function rows(numbers: readonly number[], perRow: number): string {
  const lines: string[] = [];
  for (let i = 0; i < numbers.length; i += perRow) lines.push(`  ${numbers.slice(i, i + perRow).join(', ')},`);
  return lines.join('\n');
}

requirePython();
const data = JSON.parse(execFileSync(PYTHON, ['-c', SCRIPT], { encoding: 'utf8' })) as CaseData;
const out = `/**
 * Python's \`str.lower()\` tables (Unicode ${data.unicode}, as Debian's python3 has it), made by
 * compat/make-case-data.ts (\`npm run case-data\`) from the interpreter itself. Generated: do
 * not edit. The data is the Unicode Character Database's, under the Unicode License.
 *
 * @module
 */

/** Lowercase mappings to one code point: runs of [first, count, step, offset]. */
export const LOWER_RUNS: readonly number[] = [
${rows(data.runs, 16)}
];

/** Lowercase mappings to more than one code point: [code point, ...its lowercase]. */
export const LOWER_MULTI: readonly (readonly number[])[] = [
${Object.entries(data.multi).map(([c, l]) => `  [${c}, ${l.join(', ')}],`).join('\n')}
];

/** Cased code points (for the final sigma), as [first, last] ranges. */
export const CASED_RANGES: readonly number[] = [
${rows(data.cased, 16)}
];

/** Case-ignorable code points (for the final sigma), as [first, last] ranges. */
export const CASE_IGNORABLE_RANGES: readonly number[] = [
${rows(data.ignorable, 16)}
];
`;
writeFileSync(new URL('../../src/text/python-case-data.ts', import.meta.url), out);
console.log(`src/text/python-case-data.ts: Unicode ${data.unicode}, ${data.runs.length / 4} runs`);
