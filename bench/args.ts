/**
 * The bench scripts' command lines, read strictly. An option a script does
 * not know, a missing value or a count that is not one ends the script with
 * one line on standard error and status 1, so that a typo (`--round 3`)
 * never measures something else in silence; `--help` prints the usage.
 *
 * @module
 */

import { parseArgs } from 'node:util';

/** What a script's option takes: a value (`string`, or several with `multiple`) or nothing (`boolean`). */
export interface BenchOption {
  readonly type: 'string' | 'boolean';
  readonly multiple?: boolean;
}

/** A command line that a bench script cannot run with; the message says why. */
export class BenchUsageError extends Error {
  override name = 'BenchUsageError';
}

/**
 * One script's options, read from its command line.
 *
 * @example
 * const args = new BenchArgs({ rounds: { type: 'string' } }, ['--rounds', '3']);
 * args.count('rounds', 5); // 3
 */
export class BenchArgs {
  readonly #values: Record<string, string | boolean | (string | boolean)[] | undefined>;
  /** The arguments that are not options, in order (only for scripts that allow them). */
  readonly positionals: readonly string[];
  /** Whether `--help` (or `-h`) was given. */
  readonly help: boolean;

  /**
   * Reads `argv` against `options`.
   *
   * @throws {BenchUsageError} for an unknown option, a missing value, or an
   *   argument that is not an option where `allowPositionals` is false.
   */
  constructor(options: Readonly<Record<string, BenchOption>>, argv: readonly string[], allowPositionals = false) {
    try {
      const { values, positionals } = parseArgs({
        args: [...argv],
        options: { ...options, help: { type: 'boolean', short: 'h' } },
        strict: true,
        allowPositionals,
      });
      this.#values = values;
      this.positionals = positionals;
      this.help = values.help === true;
    } catch (error) {
      throw new BenchUsageError((error as Error).message);
    }
  }

  /** Whether the flag `--name` was given. */
  flag(name: string): boolean {
    return this.#values[name] === true;
  }

  /** The value of `--name`, or `fallback` when it was not given. */
  string(name: string, fallback: string): string {
    const value = this.#values[name];
    return typeof value === 'string' ? value : fallback;
  }

  /** Every value of `--name` (an option given any number of times). */
  strings(name: string): string[] {
    const value = this.#values[name];
    return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : typeof value === 'string' ? [value] : [];
  }

  /**
   * The integer value of `--name` (at least `min`), or `fallback` when it
   * was not given.
   *
   * @throws {BenchUsageError} when the value is not such an integer.
   */
  count(name: string, fallback: number, min = 1): number {
    const value = this.#values[name];
    if (value === undefined) return fallback;
    const n = typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : NaN;
    if (!Number.isSafeInteger(n) || n < min) throw new BenchUsageError(`--${name} wants an integer of at least ${min}, not ${JSON.stringify(value)}`);
    return n;
  }

  /**
   * The positive number `--name` gives, or `fallback` when it was not given.
   *
   * @throws {BenchUsageError} when the value is not a positive number.
   */
  positive(name: string, fallback: number): number {
    const value = this.#values[name];
    if (value === undefined) return fallback;
    const n = typeof value === 'string' && value.trim() !== '' ? Number(value) : NaN;
    if (!(n > 0) || !Number.isFinite(n)) throw new BenchUsageError(`--${name} wants a positive number, not ${JSON.stringify(value)}`);
    return n;
  }
}

/** Ends the script: `PROGRAM: MESSAGE` on standard error, status 1, no stack. */
export function refuse(message: string, program = 'bench'): never {
  process.stderr.write(`${program}: ${message}\n`);
  process.exit(1);
}

/** How {@link benchArgs} reads a command line besides its options. */
export interface BenchArgsSettings {
  /** Whether arguments that are not options are taken (as `positionals`); default false. */
  readonly positionals?: boolean;
  /** The name errors start with; default `bench`. */
  readonly program?: string;
}

/**
 * A script's command line: the options of `options` read from
 * `process.argv`, after `--help` (which prints `usage` and exits 0) and any
 * error (which prints it with `usage` and exits 1).
 *
 * @example
 * const args = benchArgs('npm run bench:pool [-- --rounds N]', { rounds: { type: 'string' } });
 * const rounds = countOr(args, 'rounds', 3);
 */
export function benchArgs(usage: string, options: Readonly<Record<string, BenchOption>>, settings: BenchArgsSettings = {}): BenchArgs {
  let args: BenchArgs;
  try {
    args = new BenchArgs(options, process.argv.slice(2), settings.positionals ?? false);
  } catch (error) {
    refuse(`${(error as Error).message}\nusage: ${usage}`, settings.program);
  }
  if (args.help) {
    process.stdout.write(`usage: ${usage}\n`);
    process.exit(0);
  }
  return args;
}

/**
 * `args.count(name, fallback, min)`, with a bad value ending the script as
 * {@link refuse} does.
 *
 * @example
 * countOr(args, 'rounds', 3); // 3 unless --rounds N was given
 */
export function countOr(args: BenchArgs, name: string, fallback: number, min = 1, program = 'bench'): number {
  try {
    return args.count(name, fallback, min);
  } catch (error) {
    refuse((error as Error).message, program);
  }
}

/**
 * `args.positive(name, fallback)`, with a bad value ending the script as
 * {@link refuse} does.
 *
 * @example
 * positiveOr(args, 'ratio', 4); // 4 unless --ratio R was given
 */
export function positiveOr(args: BenchArgs, name: string, fallback: number): number {
  try {
    return args.positive(name, fallback);
  } catch (error) {
    refuse((error as Error).message);
  }
}
