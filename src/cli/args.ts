/**
 * Command-line parsing that accepts what `python3 -m jieba` accepts and
 * reads it the same way: Python's argparse rules for clustered short flags
 * (`-aqn`), attached values (`-d,` `-d=,` `--delimiter=,`), unambiguous
 * long-option prefixes (`--no` for `--no-hmm`), optional values (`-d` alone
 * means one space, and takes the next argument as its value unless that
 * looks like an option), `--` and the single optional FILE.
 *
 * @module
 */

/** Parsed command line. */
export interface CliOptions {
  /** Text between words: `' / '` by default, `' '` for a bare `-d`. */
  delimiter: string;
  /** POS tag separator (`-p`); `undefined` when POS tagging is off. */
  pos: string | undefined;
  /** Main dictionary path (`-D`). */
  dict: string | undefined;
  /** User dictionary path (`-u`). */
  userDict: string | undefined;
  /** Full mode (`-a`). */
  cutAll: boolean;
  /** Search-engine mode (`--search`), a jieba-ts addition. */
  search: boolean;
  /** Paddle mode (`--paddle`), as Python's `use_paddle=True`; a jieba-ts addition. */
  paddle: boolean;
  /** With `--paddle`, look characters up in the forms LAC was trained on (`--normalize`); not Python's behaviour. */
  normalize: boolean;
  /** Use the HMM (cleared by `-n`). */
  hmm: boolean;
  /** No loading messages on standard error (`-q`). */
  quiet: boolean;
  /** Replace invalid UTF-8 with U+FFFD instead of failing (`--replace-invalid`), a jieba-ts addition. */
  replaceInvalid: boolean;
  /** Use jieba's big dictionary (`--big`), a jieba-ts addition. */
  big: boolean;
  /**
   * Save the dictionary as a compiled image to this path and exit
   * (`--save-image`), a jieba-ts addition. (Not `--compile`: `--c` must stay
   * an abbreviation of `--cut-all`, as in Python.)
   */
  saveImage: string | undefined;
  /** Keyword extraction instead of segmentation (`--keywords [tfidf|textrank]`). */
  keywords: 'tfidf' | 'textrank' | undefined;
  /** Keywords per document (`--top-k`; 0 for all; 20 when absent). */
  topK: number | undefined;
  /** Print keyword weights (`--with-weight`). */
  withWeight: boolean;
  /** Keep keywords with these POS tags only (`--allow-pos n,v`). */
  allowPOS: string[] | undefined;
  /** Each input line is a document (`--each-line`); otherwise the whole input is one. */
  eachLine: boolean;
  /** JSON Lines output (`--json`). */
  json: boolean;
  /** IDF file for TF-IDF (`--idf`). */
  idf: string | undefined;
  /** More stop words (`--stop-words`). */
  stopWords: string | undefined;
  /** Worker threads (`-j N`); the available cores when absent. */
  jobs: number | undefined;
  /** Read JSON Lines and add the words of this field to each record (`--jsonl FIELD`). */
  jsonl: string | undefined;
  /** Read tab-separated lines and segment this column, 1-based (`--tsv COLUMN`). */
  tsv: number | undefined;
  /** With `--jsonl`, the name of the added field (`--output-field`; default FIELD_words, or FIELD_tags with -p). */
  outputField: string | undefined;
  /** Input file; `undefined` (or `-`) for standard input. */
  filename: string | undefined;
}

/** What the command line asks for. */
export type ParsedArgs =
  | { kind: 'run'; options: CliOptions }
  | { kind: 'help' }
  | { kind: 'version' }
  | { kind: 'error'; message: string };

type Arity = 'flag' | 'optional' | 'one';

interface OptionSpec {
  short: string | undefined;
  long: string;
  arity: Arity;
  /** Name in messages, as argparse prints it: `-d/--delimiter`. */
  label: string;
  apply: (options: CliOptions, value: string | undefined) => ParsedArgs | void;
}

function spec(short: string | undefined, long: string, arity: Arity, apply: OptionSpec['apply']): OptionSpec {
  return { short, long, arity, label: short ? `${short}/${long}` : long, apply };
}

/** The options, in the order `--help` lists them. */
export const OPTION_SPECS: readonly OptionSpec[] = [
  spec('-d', '--delimiter', 'optional', (o, v) => void (o.delimiter = v ?? ' ')),
  spec('-p', '--pos', 'optional', (o, v) => void (o.pos = v ?? '_')),
  spec('-D', '--dict', 'one', (o, v) => void (o.dict = v)),
  spec('-u', '--user-dict', 'one', (o, v) => void (o.userDict = v)),
  spec(undefined, '--big', 'flag', (o) => void (o.big = true)),
  spec('-j', '--jobs', 'one', (o, v) => {
    const n = Number(v);
    if (!/^\d+$/.test(v ?? '') || n < 1 || n > 256) return { kind: 'error', message: `argument -j/--jobs: invalid value: '${v}' (1 to 256)` };
    o.jobs = n;
  }),
  spec(undefined, '--save-image', 'one', (o, v) => void (o.saveImage = v)),
  spec(undefined, '--jsonl', 'one', (o, v) => void (o.jsonl = v)),
  spec(undefined, '--tsv', 'one', (o, v) => {
    const n = Number(v);
    if (!/^\d+$/.test(v ?? '') || n < 1 || !Number.isSafeInteger(n)) return { kind: 'error', message: `argument --tsv: invalid column: '${v}' (1 for the first)` };
    o.tsv = n;
  }),
  spec(undefined, '--output-field', 'one', (o, v) => void (o.outputField = v)),
  spec('-a', '--cut-all', 'flag', (o) => void (o.cutAll = true)),
  spec(undefined, '--search', 'flag', (o) => void (o.search = true)),
  spec(undefined, '--paddle', 'flag', (o) => void (o.paddle = true)),
  spec(undefined, '--normalize', 'flag', (o) => void (o.normalize = true)),
  spec('-n', '--no-hmm', 'flag', (o) => void (o.hmm = false)),
  spec('-q', '--quiet', 'flag', (o) => void (o.quiet = true)),
  spec(undefined, '--replace-invalid', 'flag', (o) => void (o.replaceInvalid = true)),
  spec(undefined, '--keywords', 'optional', (o, v) => {
    const method = v ?? 'tfidf';
    if (method !== 'tfidf' && method !== 'textrank') {
      return { kind: 'error', message: `argument --keywords: invalid choice: '${method}' (choose from 'tfidf', 'textrank')` };
    }
    o.keywords = method;
  }),
  spec(undefined, '--top-k', 'one', (o, v) => {
    const n = Number(v);
    if (!/^-?\d+$/.test(v ?? '') || !Number.isSafeInteger(n)) return { kind: 'error', message: `argument --top-k: invalid int value: '${v}'` };
    o.topK = n;
  }),
  spec(undefined, '--with-weight', 'flag', (o) => void (o.withWeight = true)),
  spec(undefined, '--allow-pos', 'one', (o, v) => void (o.allowPOS = v!.split(',').filter(Boolean))),
  spec(undefined, '--each-line', 'flag', (o) => void (o.eachLine = true)),
  spec(undefined, '--json', 'flag', (o) => void (o.json = true)),
  spec(undefined, '--idf', 'one', (o, v) => void (o.idf = v)),
  spec(undefined, '--stop-words', 'one', (o, v) => void (o.stopWords = v)),
  spec('-V', '--version', 'flag', () => ({ kind: 'version' })),
  spec('-h', '--help', 'flag', () => ({ kind: 'help' })),
];

/** The long options of `python3 -m jieba`; the rest are jieba-ts additions. */
const PYTHON_OPTIONS = new Set(['--delimiter', '--pos', '--dict', '--user-dict', '--cut-all', '--no-hmm', '--quiet', '--version', '--help']);

const NEGATIVE_NUMBER = /^-\d+$|^-\d*\.\d+$/;

/** argparse's test for "this argument is an option string" (its 'O' pattern). */
function looksLikeOption(arg: string): boolean {
  if (arg.length < 2 || arg[0] !== '-') return false;
  if (findExact(arg)) return true;
  if (arg.includes('=') && findExact(arg.slice(0, arg.indexOf('=')))) return true;
  if (matchPrefix(arg).length > 0) return true;
  if (NEGATIVE_NUMBER.test(arg)) return false; // no option looks like a negative number
  return !arg.includes(' ');
}

function findExact(name: string): OptionSpec | undefined {
  return OPTION_SPECS.find((s) => s.short === name || s.long === name);
}

/** Options that `arg` may abbreviate, with the explicit value each would get. */
function matchPrefix(arg: string): { spec: OptionSpec; value: string | undefined }[] {
  if (arg.startsWith('--')) {
    const equals = arg.indexOf('=');
    const prefix = equals < 0 ? arg : arg.slice(0, equals);
    const value = equals < 0 ? undefined : arg.slice(equals + 1);
    let found = OPTION_SPECS.filter((s) => s.long.startsWith(prefix));
    // An abbreviation Python accepts keeps its meaning: `--p` stays `--pos`
    // although jieba-ts adds `--paddle`.
    if (found.some((s) => PYTHON_OPTIONS.has(s.long))) found = found.filter((s) => PYTHON_OPTIONS.has(s.long));
    return found.map((s) => ({ spec: s, value }));
  }
  const head = arg.slice(0, 2);
  const matches: { spec: OptionSpec; value: string | undefined }[] = [];
  for (const s of OPTION_SPECS) {
    if (s.short === head) matches.push({ spec: s, value: arg.slice(2) });
  }
  return matches;
}

/**
 * Parse `argv` (without the program name).
 *
 * @example
 * parseArgs(['-d', '-q', 'news.txt']);
 * // { kind: 'run', options: { delimiter: ' ', quiet: true, filename: 'news.txt', ... } }
 */
export function parseArgs(argv: readonly string[]): ParsedArgs {
  const options: CliOptions = {
    delimiter: ' / ',
    pos: undefined,
    dict: undefined,
    userDict: undefined,
    cutAll: false,
    search: false,
    paddle: false,
    normalize: false,
    hmm: true,
    quiet: false,
    replaceInvalid: false,
    big: false,
    saveImage: undefined,
    keywords: undefined,
    topK: undefined,
    withWeight: false,
    allowPOS: undefined,
    eachLine: false,
    json: false,
    idf: undefined,
    stopWords: undefined,
    jobs: undefined,
    jsonl: undefined,
    tsv: undefined,
    outputField: undefined,
    filename: undefined,
  };
  // What argparse leaves unrecognized, in its order: unknown options where
  // they stand, and each run of other arguments as it ends (see takeRun).
  const extras: string[] = [];
  let run: string[] = [];
  let marker = -1;
  let filenameTaken = false;
  /**
   * The run of arguments since the last option: the filename (argparse's
   * `nargs='?'`, pattern `-*A?-*`) takes its first argument, with the first
   * `--` (the marker) before or right after it, which is dropped; anything
   * else, a later `--` included, is unrecognized.
   */
  const takeRun = (): void => {
    if (run.length === 0) return;
    let rest = 0;
    if (!filenameTaken) {
      filenameTaken = true;
      if (marker === 0) rest = 1;
      if (rest < run.length && rest !== marker) options.filename = run[rest++];
      if (rest === marker) rest++;
    }
    extras.push(...run.slice(rest));
    run = [];
    marker = -1;
  };
  let optionsEnded = false;

  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (optionsEnded || !looksLikeOption(arg)) {
      run.push(arg);
      continue;
    }
    if (arg === '--') {
      optionsEnded = true;
      marker = run.length;
      run.push(arg);
      continue;
    }
    takeRun();

    let target: OptionSpec;
    let explicit: string | undefined;
    const exact = findExact(arg);
    const equals = arg.indexOf('=');
    const beforeEquals = equals < 0 ? undefined : findExact(arg.slice(0, equals));
    if (exact) {
      target = exact;
    } else if (beforeEquals) {
      target = beforeEquals;
      explicit = arg.slice(equals + 1);
    } else {
      const candidates = matchPrefix(arg);
      if (candidates.length > 1) {
        const names = candidates.map((c) => c.spec.long).join(', ');
        return { kind: 'error', message: `ambiguous option: ${arg.split('=')[0]} could match ${names}` };
      }
      if (candidates.length === 0) {
        extras.push(arg);
        continue;
      }
      target = candidates[0]!.spec;
      explicit = candidates[0]!.value;
    }

    // A cluster of single-dash flags: -aqn, or -qd, or -qd, (value ",").
    for (;;) {
      if (target.arity === 'flag') {
        const result = target.apply(options, undefined);
        if (result) return result;
        if (explicit === undefined) break;
        if (explicit === '' || arg.startsWith('--')) return ignoredArgument(target, explicit);
        const next = findExact(`-${explicit[0]}`);
        if (!next) return ignoredArgument(target, explicit);
        target = next;
        explicit = explicit.length > 1 ? explicit.slice(1) : undefined;
        continue;
      }
      let result: ParsedArgs | void;
      if (explicit !== undefined) {
        result = target.apply(options, explicit);
      } else if (i + 1 < argv.length && !looksLikeOption(argv[i + 1]!) && argv[i + 1] !== '--') {
        result = target.apply(options, argv[++i]);
      } else if (target.arity === 'optional') {
        result = target.apply(options, undefined);
      } else {
        return { kind: 'error', message: `argument ${target.label}: expected one argument` };
      }
      if (result) return result;
      break;
    }
  }

  takeRun();
  if (extras.length > 0) return { kind: 'error', message: `unrecognized arguments: ${extras.join(' ')}` };
  return { kind: 'run', options };
}

function ignoredArgument(target: OptionSpec, value: string): ParsedArgs {
  return { kind: 'error', message: `argument ${target.label}: ignored explicit argument '${value}'` };
}

/** The usage line, as argparse prints it before an error. */
export const USAGE = 'usage: jieba [options] [FILE]';

/** Text of `jieba --help`. */
export function helpText(version: string): string {
  return `${USAGE}

Segment Chinese text into words, exactly as Python jieba ${version} does
(python3 -m jieba), one output line per input line.

positional arguments:
  FILE                  input file; standard input if absent or -

commands:
  serve                 serve the HTTP API (JSON); jieba serve --help lists
                        its options
  freq                  count words over files, as TSV or JSON; jieba freq
                        --help lists its options
  train                 train a dictionary (and HMM) on segmented text; jieba
                        train --help lists its options
  discover              find new words in raw text, as a user dictionary;
                        jieba discover --help lists its options

options:
  -h, --help            show this help message and exit
  -d [DELIM], --delimiter [DELIM]
                        use DELIM instead of ' / ' for word delimiter; or a
                        space if it is used without DELIM
  -p [DELIM], --pos [DELIM]
                        enable POS tagging; if DELIM is specified, use DELIM
                        instead of '_' for POS delimiter
  -D DICT, --dict DICT  use DICT as dictionary
  -u USER_DICT, --user-dict USER_DICT
                        use USER_DICT together with the default dictionary or
                        DICT (if specified)
  --big                 use jieba's big dictionary (dict.txt.big), better for
                        traditional Chinese
  -j N, --jobs N        worker threads for large inputs (default: the
                        available cores); output order and bytes are the same
  --save-image IMAGE    save the dictionary (with -D, --big and -u applied) to
                        IMAGE as a compiled image that -D loads instantly, and
                        exit
  --jsonl FIELD         read JSON Lines: add the words (with -p, [word, tag]
                        pairs) of each record's FIELD as a new field, keeping
                        the others; one output record per input record
  --tsv COLUMN          read tab-separated lines: segment column COLUMN (1 for
                        the first), keeping the others
  --output-field NAME   with --jsonl, the new field's name (default FIELD_words,
                        or FIELD_tags with -p)
  -a, --cut-all         full pattern cutting (ignored with POS tagging)
  --search              search-engine mode (jieba.cut_for_search)
  --paddle              paddle mode (use_paddle=True): the LAC neural network
                        instead of the dictionary; LAC's tags with -p
  --normalize           with --paddle: feed the network punctuation, capitals
                        and full-width forms as it was trained (better words
                        and tags; not Python's output)
  -n, --no-hmm          don't use the Hidden Markov Model
  -q, --quiet           don't print loading messages to stderr
  --replace-invalid     replace invalid UTF-8 in the input with U+FFFD
                        instead of stopping with an error
  -V, --version         show program's version number and exit

keywords (jieba.analyse):
  --keywords [METHOD]   print keywords instead of words: tfidf (the default)
                        or textrank
  --top-k N             keywords per document (default 20; 0 for all)
  --with-weight         print each keyword's weight, as word:weight
  --allow-pos TAGS      keep keywords with these POS tags only, e.g. n,nr,ns
                        (TextRank's default: ns,n,vn,v)
  --each-line           take each input line as a document (default: the
                        whole input is one document)
  --json                print JSON Lines: one array of keywords per document
  --idf FILE            IDF file for TF-IDF ("word idf" per line)
  --stop-words FILE     more stop words, one per line

DICT and USER_DICT are text (UTF-8, one entry per line) or, for DICT, a
compiled image. On a terminal, a progress line (bytes, rate, time left) is shown on
standard error. A FILE is read with Python's universal newlines (\\r, \\n and \\r\\n end a
line); standard input splits on \\n only, as Python's does.
`;
}
