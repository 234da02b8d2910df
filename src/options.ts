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

/** `K`, when it names every key of `T`; `never` when it misses one. */
type EveryKey<T, K extends readonly PropertyKey[]> = [Exclude<keyof T, K[number]>] extends [never] ? K : never;

/**
 * The option names of `T`, all of them: a list that misses one does not
 * compile, so the list of a method's options cannot fall behind its type.
 *
 * @example
 * const CUT_KEYS = optionKeys<CutOptions & PaddleOptions>()(['hmm', 'paddle', 'invalidUtf8']);
 */
export function optionKeys<T>(): <const K extends readonly (keyof T & string)[]>(keys: EveryKey<T, K>) => readonly string[] {
  return (keys) => keys;
}

/**
 * Python's names for options that are not a matter of case or underscores
 * (those, `HMM` or `allow_pos`, are folded), and what jieba-ts calls them.
 */
const PYTHON_NAMES: Readonly<Record<string, string>> = {
  use_paddle: 'paddle',
  cut_all: 'cutAll()',
  dictionary: 'dict',
  stoplist: 'stopWords',
  minsize: 'minSize',
  stemfn: 'stem',
};

/** Whether `a` becomes `b` by one insertion, deletion or substitution (or none). */
function withinOneEdit(a: string, b: string): boolean {
  if (Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  const tail = (x: string, from: number): string => x.slice(from);
  return tail(a, i + 1) === tail(b, i + 1) || tail(a, i) === tail(b, i + 1) || tail(a, i + 1) === tail(b, i);
}

/**
 * `optionsOf`, and every option named must be one `method` has: a
 * misspelt option, or one in Python's spelling (`{ HMM: false }`), is a
 * TypeError that names it and the options there are, not an option
 * silently ignored (and output other than the caller meant).
 *
 * @throws TypeError for anything but an object, or an option not in `known`
 * @example
 * knownOptions({ HMM: false }, 'cut', ['hmm', 'paddle']);
 * // TypeError: jieba-ts: cut() has no option HMM (did you mean hmm?); its options are hmm, paddle
 */
export function knownOptions<T extends object>(options: T | null | undefined, method: string, known: readonly string[]): Partial<T> {
  const checked = optionsOf(options, method);
  // for...in rather than Object.keys: no array per call, and most calls pass {}.
  for (const key in checked) {
    if (!Object.prototype.hasOwnProperty.call(checked, key) || known.includes(key)) continue;
    const folded = key.toLowerCase().replace(/_/g, '');
    const suggested = PYTHON_NAMES[key];
    const meant =
      suggested !== undefined && (suggested.endsWith('()') || known.includes(suggested))
        ? suggested
        : (known.find((name) => name.toLowerCase().replace(/_/g, '') === folded) ?? known.find((name) => withinOneEdit(name.toLowerCase(), folded)));
    const hint = meant === undefined ? '' : meant.endsWith('()') ? ` (use the ${meant} method)` : ` (did you mean ${meant}?)`;
    const list = known.length === 0 ? 'it takes none' : `its options are ${known.join(', ')}`;
    throw new TypeError(`jieba-ts: ${method}() has no option ${key}${hint}; ${list}`);
  }
  return checked;
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
