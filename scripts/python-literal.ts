/**
 * A reader for the one Python construct jieba's model files use:
 * `P = { key: value, ... }`. Keys are single-quoted strings or tuples of
 * them; values are floats, strings, tuples, or nested dicts. Strings may use
 * the escapes `\uXXXX`, `\UXXXXXXXX`, `\xXX`, `\\` and `\'`. Anything else
 * is refused, so a changed file fails the build loudly.
 *
 * @module
 */

/** A parsed value: a number, a string, a tuple, or a nested table. */
export type PythonValue = number | string | PythonValue[] | PythonTable;
/** A parsed dict literal, keys in file order; a tuple key is its items joined by a space. */
export type PythonTable = Map<string, PythonValue>;

/**
 * Parse the dict literal assigned to `P` in a jieba model file.
 *
 * @example
 * readModelTable("P={'B': -0.26, 'E': -3.14e+100}").get('B'); // -0.26
 * readModelTable("P={('B', 'a'): -4.7}").get('B a'); // -4.7
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
  /** Items up to `close`, with Python's optional trailing comma. */
  const readItems = <T>(close: string, readItem: () => T): T[] => {
    const items: T[] = [];
    skipSpace();
    while (source[i] !== close) {
      items.push(readItem());
      skipSpace();
      if (source[i] === ',') {
        i++;
        skipSpace();
      } else if (source[i] !== close) {
        fail(`expected "," or ${JSON.stringify(close)}`);
      }
    }
    i++;
    return items;
  };
  const readValue = (): PythonValue => {
    skipSpace();
    if (source[i] === '{') return readTable();
    if (source[i] === '(') {
      i++;
      return readItems(')', readValue);
    }
    if (source[i] === "'") return readString();
    return readNumber();
  };
  const readKey = (): string => {
    skipSpace();
    if (source[i] !== '(') return readString();
    i++;
    return readItems(')', readString).join(' ');
  };
  const readTable = (): PythonTable => {
    expect('{');
    const table: PythonTable = new Map();
    for (const [key, value] of readItems('}', (): [string, PythonValue] => {
      const key = readKey();
      expect(':');
      return [key, readValue()];
    })) {
      table.set(key, value);
    }
    return table;
  };

  const table = readTable();
  skipSpace();
  if (i < source.length) fail('unexpected text after the table');
  return table;
}
