/**
 * Checks of the options every public method takes, with one kind of
 * message: the method, the option, what it must be, and the value received
 * with its type. Options are booleans where Python takes a truth value
 * (`HMM=0` turns the HMM off in Python; `{ hmm: 0 }` here is a TypeError,
 * not a silent guess). `null` or `undefined` options mean none.
 *
 * @module
 */

/**
 * A value as messages show it: strings quoted, with the type named.
 *
 * @example
 * describeValue('3'); // '"3" (a string)'
 * describeValue(null); // 'null'
 */
export function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (value === undefined) return 'undefined';
  if (typeof value === 'string') return `${JSON.stringify(value.length > 30 ? `${value.slice(0, 30)}…` : value)} (a string)`;
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'object') return 'an object';
  if (typeof value === 'function') return 'a function';
  return `${String(value)} (a ${typeof value})`;
}

/**
 * The options object of `method`: `{}` for `null` or `undefined`.
 *
 * @throws TypeError for anything but an object
 * @example
 * const { hmm } = optionsOf(options, 'cut');
 */
export function optionsOf<T extends object>(options: T | null | undefined, method: string): Partial<T> {
  if (options === undefined || options === null) return {};
  if (typeof options !== 'object' || Array.isArray(options)) {
    throw new TypeError(`jieba-ts: ${method}() options must be an object, got ${describeValue(options)}`);
  }
  return options;
}

/**
 * A boolean option: `fallback` when absent.
 *
 * @throws TypeError for anything but `true`, `false` or `undefined`
 * @example
 * booleanOption(options.hmm, 'hmm', 'cut', true);
 */
export function booleanOption(value: unknown, name: string, method: string, fallback: boolean): boolean {
  if (value === undefined) return fallback;
  if (typeof value !== 'boolean') throw new TypeError(`jieba-ts: ${method}() option ${name} must be true or false, got ${describeValue(value)}`);
  return value;
}

/**
 * An option that must be one of `choices`: the first when absent.
 *
 * @throws RangeError for anything else
 * @example
 * choiceOption(options.mode, 'mode', 'tokenize', ['default', 'search'] as const);
 */
export function choiceOption<T extends string>(value: unknown, name: string, method: string, choices: readonly T[]): T {
  if (value === undefined) return choices[0]!;
  if (typeof value !== 'string' || !choices.includes(value as T)) {
    throw new RangeError(`jieba-ts: ${method}() option ${name} must be ${choices.map((c) => `'${c}'`).join(' or ')}, got ${describeValue(value)}`);
  }
  return value as T;
}

/**
 * An option that is a collection of strings (an array, a set, any iterable
 * but a string): `fallback` when absent, none when `null`.
 *
 * @throws TypeError for a string (iterable by character, never what was
 *   meant), another value, or a member that is not a string
 * @example
 * stringSetOption(options.stopWords, 'stopWords', 'chineseAnalyzer', ['the']);
 */
export function stringSetOption(value: unknown, name: string, method: string, fallback: readonly string[] = []): ReadonlySet<string> {
  if (value === undefined) return new Set(fallback);
  if (value === null) return new Set();
  if (typeof value === 'string' || typeof value !== 'object' || typeof (value as Iterable<unknown>)[Symbol.iterator] !== 'function') {
    throw new TypeError(`jieba-ts: ${method}() option ${name} must be an array or set of strings, or null, got ${describeValue(value)}`);
  }
  const set = new Set<string>();
  for (const item of value as Iterable<unknown>) {
    if (typeof item !== 'string') throw new TypeError(`jieba-ts: ${method}() option ${name} must hold strings, got ${describeValue(item)}`);
    set.add(item);
  }
  return set;
}
