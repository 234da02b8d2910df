/**
 * A reader for the one Python construct jieba's model files use:
 * `P = { 'key': number-or-dict, ... }`, with single-quoted string keys
 * (escapes `\uXXXX`, `\UXXXXXXXX`, `\xXX`, `\\`, `\'`) and float values.
 * It refuses anything else, so a changed file fails the build loudly.
 *
 * @module
 */

/** A parsed value: a number or a nested table. */
export type PythonValue = number | PythonTable;
/** A parsed dict literal, keys in file order. */
export type PythonTable = Map<string, PythonValue>;

/**
 * Parse the dict literal assigned to `P` in a jieba model file.
 *
 * @example
 * readModelTable("P={'B': -0.26, 'E': -3.14e+100}").get('B'); // -0.26
 */
export function readModelTable(source: string, name = '<model>'): PythonTable {
  const match = /^P\s*=\s*/m.exec(source);
  if (!match) throw new Error(`${name}: no "P = {...}" assignment`);
  let i = match.index + match[0].length;

  const fail = (why: string): never => {
    const line = source.slice(0, i).split('\n').length;
    throw new Error(`${name}:${line}: ${why}`);
  };
  const skipSpace = (): void => {
    while (i < source.length && /\s/.test(source[i]!)) i++;
  };
  const expect = (ch: string): void => {
    skipSpace();
    if (source[i] !== ch) fail(`expected ${JSON.stringify(ch)}, found ${JSON.stringify(source[i] ?? 'end of file')}`);
    i++;
  };
  const readString = (): string => {
    skipSpace();
    if (source[i] !== "'") fail('expected a single-quoted string');
    i++;
    let value = '';
    while (source[i] !== "'") {
      if (i >= source.length) fail('unterminated string');
      if (source[i] !== '\\') {
        value += source[i++];
        continue;
      }
      const kind = source[i + 1];
      const hexLength = kind === 'u' ? 4 : kind === 'U' ? 8 : kind === 'x' ? 2 : 0;
      if (hexLength > 0) {
        const hex = source.slice(i + 2, i + 2 + hexLength);
        if (!/^[0-9a-fA-F]+$/.test(hex) || hex.length !== hexLength) fail(`bad escape \\${kind}${hex}`);
        value += String.fromCodePoint(parseInt(hex, 16));
        i += 2 + hexLength;
      } else if (kind === '\\' || kind === "'") {
        value += kind;
        i += 2;
      } else {
        fail(`unsupported escape \\${kind}`);
      }
    }
    i++;
    return value;
  };
  const readNumber = (): number => {
    skipSpace();
    const number = /^-?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?/.exec(source.slice(i, i + 40));
    if (!number) fail('expected a number');
    i += number![0].length;
    // JavaScript and Python both round decimal literals correctly, so the doubles agree.
    return Number(number![0]);
  };
  const readTable = (): PythonTable => {
    expect('{');
    const table: PythonTable = new Map();
    skipSpace();
    if (source[i] === '}') {
      i++;
      return table;
    }
    for (;;) {
      const key = readString();
      expect(':');
      skipSpace();
      table.set(key, source[i] === '{' ? readTable() : readNumber());
      skipSpace();
      if (source[i] === ',') {
        i++;
        skipSpace();
        if (source[i] === '}') {
          i++;
          return table;
        }
        continue;
      }
      expect('}');
      return table;
    }
  };

  const table = readTable();
  skipSpace();
  if (i < source.length) fail('unexpected text after the table');
  return table;
}
