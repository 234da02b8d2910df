/**
 * Regenerate the golden fixtures that let `npm test` check exactness without
 * Python:
 *
 * - test/fixtures/golden/default/NAME.jsonl.gz: Python jieba's results in
 *   every mode (see compat/modes.ts) for each input of
 *   test/fixtures/corpus/NAME.txt (every line, and every run of 20 lines
 *   joined with "\n"), of edge-cases.json (each string), and of seeded random
 *   strings;
 * - test/fixtures/golden/big/: the same with jieba's dict.txt.big;
 * - test/fixtures/golden/scenarios/: dictionary scenarios (user
 *   dictionaries, addWord, delWord, suggestFreq, custom main dictionaries;
 *   see compat/dict-scenarios.ts) and their results;
 * - test/fixtures/golden/keywords/: 1,000 documents through jieba.analyse's
 *   TF-IDF and TextRank in several variants (see compat/keyword_oracle.py),
 *   and 300 of them with the IDF file and stop words of test/fixtures/analyse;
 * - test/fixtures/cli/expected.json: `python3 -m jieba` output for the
 *   inputs in test/fixtures/cli/inputs with several flag sets;
 * - test/fixtures/python/argparse.json: how argparse reads command lines;
 * - test/fixtures/python/engine.json: lcut, the route, the HMM's Viterbi, the
 *   cut modes per block and more, piece by piece, for the engine's unit tests;
 * - test/fixtures/python/unicode.json: Python's `\s` and `\d` classes;
 * - test/fixtures/python/strings.json: `str.strip`, `len`, `float()`, `sorted` and
 *   where `bytes.decode('utf-8')` fails, on awkward strings;
 * - test/fixtures/python/porter.json: Whoosh's Porter stemmer (python3-whoosh) on
 *   words made to reach each of its rules;
 * - test/fixtures/python/analyzer.json: jieba.analyse.ChineseAnalyzer with each option;
 * - test/fixtures/python/sort.json.gz: the order of `sorted` over float keys
 *   with NaN among them (CPython's algorithm, step by step);
 * - test/fixtures/python/log.json: Python's `math.log` of every frequency
 *   in the default dictionary, its total, the integers where glibc is not
 *   correctly rounded, and random integers and doubles.
 *
 *   npm run golden [-- --only python|cli|text|dict|keywords]
 *
 * Needs Debian's python3-jieba (see compat/oracle-client.ts).
 *
 * @module
 */

import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { basename } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { dictionaryWords, textsOfFile } from './inputs.js';
import { MODES } from './modes.js';
import { PYTHON, requirePython, runOracle } from './oracle-client.js';
import { RandomText } from './random-text.js';
import { randomScenarios, runScenariosInPython, type Operation, type Scenario } from './dict-scenarios.js';
import { documentsOf, runKeywordOracle } from './keywords.js';

const fixtures = new URL('../../test/fixtures/', import.meta.url);
const corpusDir = new URL('corpus/', fixtures);
const goldenDir = new URL('golden/', fixtures);
const pythonDir = new URL('python/', fixtures);

/** Seed and size of the committed random strings. */
export const GOLDEN_RANDOM = { seed: 20261128, count: 3000 } as const;

/** Golden outputs of every mode for `texts`: in golden/default/, or golden/big/ with the big dictionary. */
async function writeGolden(name: string, texts: string[], dict?: string): Promise<void> {
  const results = await runOracle(texts, 2, dict && fileURLToPath(new URL(`../../${dict}`, import.meta.url)));
  const lines = texts.map((text, i) => {
    const record: Record<string, unknown> = { text };
    for (const mode of MODES) record[mode] = results[i]![mode];
    return JSON.stringify(record);
  });
  const dir = new URL(dict ? 'big/' : 'default/', goldenDir);
  mkdirSync(dir, { recursive: true });
  const file = new URL(`${name}.jsonl.gz`, dir);
  writeFileSync(file, gzipSync(lines.join('\n') + '\n', { level: 9 }));
  console.log(`golden: ${fileURLToPath(file)} (${texts.length} inputs)`);
}

function python(code: string): string {
  return execFileSync(PYTHON, ['-c', code], { encoding: 'utf8', maxBuffer: 1 << 28 });
}

function writePythonFacts(): void {
  mkdirSync(pythonDir, { recursive: true });
  const unicode = python(`
import json, re, sys, unicodedata
space = [i for i in range(0x110000) if re.match(r'\\s', chr(i))]
digits = [[i, int(chr(i))] for i in range(0x110000) if re.match(r'\\d', chr(i))]
han = [i for i in range(0x110000) if re.match('[\\u4E00-\\u9FD5a-zA-Z0-9+#&\\\\._%\\\\-]', chr(i))]
print(json.dumps({"python": sys.version.split()[0], "unicode": unicodedata.unidata_version,
                  "space": space, "decimal": digits, "han_default_count": len(han),
                  "han_default_first": han[:80]}))
`);
  writeFileSync(new URL('unicode.json', pythonDir), unicode);

  // str.strip, len, float() and sorted() over awkward strings; where bytes stop being UTF-8.
  const strings = python(`
import json, random
random.seed(20261130)
texts = ['', ' ', '\\u3000词\\u0085', '\\t a b \\n', '\\x1c\\x1d\\x1e\\x1fx\\x85', '\\u200b词\\u200b', '\\ufeff词', '😀a', 'a\\ud83d',
         '1', ' 1_000.5 ', '１２', '٣.٥', '0x10', '1__0', '_1', '1e5', '.5', '5.', '-inf', 'Infinity', 'nAn', '+1E-3', '1e', '1.2.3', '3.14e100', '1e400', '\\u20001.5\\u2000', 'nan1']
floats = []
for t in texts:
    try: floats.append(repr(float(t)))
    except ValueError: floats.append(None)
pool = ['a', 'B', '\\uffff', '😀', '\\ue000', '中', '中国', 'z', '', '\\U0002a6a5', 'a\\U00010000', 'a\\uffff']
order = sorted(pool)
byte_cases = [[0x61, 0xff], [0xc0, 0x80], [0xc2, 0x80], [0xe0, 0x80, 0x80], [0xe0, 0xa0, 0x80], [0xed, 0xa0, 0x80], [0xed, 0x9f, 0xbf],
              [0xf0, 0x8f, 0xbf, 0xbf], [0xf0, 0x90, 0x80, 0x80], [0xf4, 0x90, 0x80, 0x80], [0xf4, 0x8f, 0xbf, 0xbf], [0xe4, 0xb8], [0x61, 0xe4, 0xb8, 0x61], [0xf5], [0x80]]
for n in range(300):
    byte_cases.append([random.choice([0x61, 0x80, 0xbf, 0xc2, 0xdf, 0xe0, 0xe4, 0xed, 0xef, 0xf0, 0xf4, 0xf5, 0xa0, 0x9f, 0x8f, 0x90]) for _ in range(random.randrange(1, 9))])
def first_invalid(b):
    try:
        bytes(b).decode('utf-8'); return -1
    except UnicodeDecodeError as e:
        return e.start
alphabet = ['\u03a3', '\u03a3', 'A', 'a', '\u0391', 'İ', ' ', '\u0301', '\u00ad', "'", '.', ':', '中', '\U0001d400', '\U0001e900', '\u1c89', 'ǅ', '\u00aa', '1', '\ud83d']
lowers = ['', 'ΟΔΟΣ ΟΔΟΣ', 'ΑΣ\u0301Β', 'İx', 'Running WILLOWS'] + [''.join(random.choice(alphabet) for _ in range(random.randrange(1, 8))) for _ in range(400)]
print(json.dumps({"lower": [{"text": t, "lower": t.lower()} for t in lowers],
                  "texts": [{"text": t, "strip": t.strip(), "len": len(t), "float": f} for t, f in zip(texts, floats)],
                  "sorted": order, "bytes": [{"bytes": b, "firstInvalid": first_invalid(b)} for b in byte_cases]}))
`);
  writeFileSync(new URL('strings.json', pythonDir), strings);

  // Whoosh's Porter stemmer (jieba's ChineseAnalyzer stems with it) over words built to reach every rule.
  const porter = python(`
import json, random
from whoosh.lang.porter import stem
random.seed(20261130)
stems = ['run', 'hop', 'relat', 'gener', 'agre', 'fe', 'siz', 'happ', 'y', 'yell', 'caress', 'pon', 'cat', 'fil', 'control',
         'adjust', 'hope', 'cease', 'troubl', 'sky', 'a', 'b', 'at', 'bl', 'iz', 'ss', 'tt', 'oscill', 'digit', 'formal',
         'electr', 'sens', 'rational', 'vietnam', 'call', 'roll', 'xyz', 'aeiou', 'strength', 'syzygy', 'queue', 'qu']
suffixes = ['', 's', 'es', 'ies', 'sses', 'ss', 'ed', 'eed', 'ing', 'y', 'ly', 'ational', 'tional', 'enci', 'anci', 'izer',
            'bli', 'alli', 'entli', 'eli', 'ousli', 'ization', 'ation', 'ator', 'alism', 'iveness', 'fulness', 'ousness',
            'aliti', 'iviti', 'biliti', 'logi', 'icate', 'ative', 'alize', 'iciti', 'ical', 'ful', 'ness', 'al', 'ance',
            'ence', 'er', 'ic', 'able', 'ible', 'ant', 'ement', 'ment', 'ent', 'sion', 'tion', 'ou', 'ism', 'ate', 'iti',
            'ous', 'ive', 'ize', 'e', 'll', 'ingly', 'edly', 'ing\\n', 'ed\\n']
words = sorted({s + x for s in stems for x in suffixes})
letters = 'aeiouybcdlmnrstwxzY'
words += [''.join(random.choice(letters) for _ in range(random.randrange(1, 12))) for _ in range(3000)]
words += ['\\U0001F600ing', 'y\\U0001F600ed', '\\u4e2d\\u6587ing', 'caf\\u00e9s', 'na\\u00efve', 'abc\\u00e9d']
print(json.dumps({"words": words, "stems": [stem(w) for w in words]}))
`);
  writeFileSync(new URL('porter.json', pythonDir), porter);

  // jieba.analyse.ChineseAnalyzer with each of its options.
  const analyzer = python(`
import json, jieba
jieba.setLogLevel(60)
from jieba.analyse import ChineseAnalyzer
texts = ['我来到北京清华大学, Running and JUMPING', 'The 的 了 和 foxes ΟΔΟΣ İstanbul x y 3', '永和服装饰品有限公司 a1 B2 Running runs', '']
options = {'default': {}, 'noStopWords': {'stoplist': None}, 'minSize2': {'minsize': 2}, 'minSize3': {'minsize': 3},
           'stopWords': {'stoplist': ['北京', 'runn', 'running', 'foxes']}, 'upperStem': {'stemfn': lambda w: w.upper()}}
out = {}
for name, kwargs in options.items():
    analyze = ChineseAnalyzer(**kwargs)
    out[name] = [[[t.text, t.original, t.pos, t.startchar, t.endchar] for t in analyze(text)] for text in texts]
print(json.dumps({"texts": texts, "options": out}))
`);
  writeFileSync(new URL('analyzer.json', pythonDir), analyzer);

  const dictPath = fileURLToPath(new URL('../../data/jieba/dict.txt', import.meta.url));
  // log-hard-integers.json lists the integers below five million where glibc's
  // log is not correctly rounded (found once by comparing with a double-double log).
  const hardPath = fileURLToPath(new URL('log-hard-integers.json', pythonDir));
  const log = python(`
import json, math, random
random.seed(20261128)
freqs = set(); total = 0
for line in open(${JSON.stringify(dictPath)}, encoding='utf-8'):
    f = int(line.split(' ')[1]); freqs.add(f); total += f
ints = sorted(freqs | {total, 1, 2, 3, 10, 100, 2**31 - 1, 2**31, 2**53, 10**15 + 37} | set(json.load(open(${JSON.stringify(hardPath)}))))
ints += [random.randrange(2, 2**31) for _ in range(5000)] + [random.randrange(2, 2**53) for _ in range(2000)]
doubles = [random.uniform(0.9375, 1.0647) for _ in range(2000)] + [2.0 ** random.uniform(-1074, 1023) for _ in range(2000)]
values = [float(v) for v in ints] + doubles
print(json.dumps({"values": [v.hex() for v in values], "logs": [math.log(v).hex() for v in values]}))
`);
  writeFileSync(new URL('log.json', pythonDir), log);

  // sorted(range(n), key=keys.__getitem__, reverse=...) over float keys with
  // NaN, ±0 and ±inf among them, where the order is CPython's algorithm's
  // own: lists long enough for merges and galloping, with runs and ties.
  const sort = python(`
import json, math, random
random.seed(20261201)
def enc(v):
    return 'nan' if math.isnan(v) else repr(v)
cases = []
for t in range(240):
    n = [0, 1, 2, 3, 7, 31, 63, 64, 65, 127, 129, 300, 700, 1500][t % 14]
    style = ['random', 'runs', 'ties', 'descending'][(t // 14) % 4]
    nan_share = [0.0, 0.02, 0.1, 0.4][(t // 56) % 4]
    keys, level = [], 0
    for i in range(n):
        if style == 'random': v = random.randint(0, 999)
        elif style == 'runs': level += random.choice([1, 1, 1, 2, -40]); v = level
        elif style == 'ties': v = random.randint(0, 3)
        else: v = n - i if random.random() > 0.05 else random.randint(0, n)
        v = float(v)
        if random.random() < nan_share: v = float('nan')
        elif random.random() < 0.01: v = random.choice([0.0, -0.0, math.inf, -math.inf])
        keys.append(v)
    reverse = t % 2 == 1
    cases.append({"keys": [enc(v) for v in keys], "reverse": reverse, "order": sorted(range(n), key=keys.__getitem__, reverse=reverse)})
# Long lists, where powersort's merge order (new in 3.11) departs from the older one.
for t in range(8):
    n = 4000 if t < 4 else 8000
    keys = [float('nan') if random.random() < 0.05 else float(random.randint(0, 999) if t % 2 else random.randint(0, 3)) for _ in range(n)]
    reverse = t % 4 >= 2
    cases.append({"keys": [enc(v) for v in keys], "reverse": reverse, "order": sorted(range(n), key=keys.__getitem__, reverse=reverse)})
print(json.dumps(cases, separators=(',', ':')))
`);
  writeFileSync(new URL('sort.json.gz', pythonDir), gzipSync(sort, { level: 9 }));
  console.log(`python facts: ${fileURLToPath(pythonDir)}`);
}

/** Command lines to compare with Python's argparse (jieba's own options only). */
const ARGV_CASES: readonly string[][] = [
  [], ['-d'], ['-d', 'x'], ['-dx'], ['-d='], ['-dx=y'], ['--delimiter'], ['--delimiter=x'], ['--delim', 'x'],
  ['--d', 'x'], ['-ad'], ['-da'], ['-d', '-q'], ['-d', '-'], ['-d', '-5'], ['-d', '- x'], ['-d', '--', 'x'],
  ['-d', '--'], ['-p'], ['-p', ''], ['-p', '-d'], ['--pos='], ['-p', '/', 'f'], ['-D'], ['-D', 'x'],
  ['-D', '-q'], ['-D', '-5'], ['-Dx'], ['--dict=x'], ['--dic', 'x'], ['-u'], ['-u', 'u'], ['--user', 'u'],
  ['--u', 'u'], ['-a'], ['-n'], ['-q'], ['-aqn', 'f'], ['-qd'], ['-qdx'], ['-qd', 'x'], ['-ax'], ['-q='],
  ['--quiet=1'], ['--quiet='], ['--cut'], ['--no', 'f'], ['--no-hmm', '--cut-all', 'f'], ['f'], ['f', '-q'],
  ['-q', 'f'], ['f', 'g'], ['--', 'f'], ['--', '-d'], ['f', '--', 'g'], ['--', 'f', 'g'], ['-', '-q'], ['-x'],
  ['-x', 'f'], ['--xyz'], ['-V'], ['--version'], ['-V', '-x'], ['-x', '-V'], ['-h'], ['-q', '-h'], ['-d', 'a', '-d'],
  ['-n', '-n'], ['-5'], ['f', '-5'], ['-d', ' '], ['-d', ''], ['', '-q'], ['-d', 'a b'], ['-a', '--', '-'],
  ['-x', 'f', 'g'], ['f', '-x', 'g'], ['f', 'g', '-x'], ['-x', 'f', 'g', '-y'], ['f', '-x', 'g', 'h', '-y', 'i'],
  ['f', 'g', '--', 'h'], ['-x', '--', 'f', 'g'], ['--xyz=1', 'f', 'g', '-q'],
];

function writeArgparseFacts(): void {
  const script = fileURLToPath(new URL('../../compat/argparse_oracle.py', import.meta.url));
  const output = execFileSync(PYTHON, [script], { input: JSON.stringify(ARGV_CASES), encoding: 'utf8' });
  writeFileSync(new URL('argparse.json', pythonDir), output);
}

/**
 * Sentences for the engine's unit tests: Python's route over each (DAG and
 * `calc`), and `finalseg`'s Viterbi over each Han-only one.
 */
const ENGINE_CASES = {
  texts: [
    '我来到北京清华大学。', '  他说：“iPhone 6s 很好用！”\n', 'Hello, world! 你好，世界', '韩冰说3.5%的人\t在  南京市长江大桥',
    '', ' ', '\r\n', 'a  b', '结过婚的和尚未结过婚的', '😀中文😀', 'C++ 和 C# 都是 .NET 的语言', '１２３ＡＢＣ全角',
  ],
  route: [
    '我来到北京清华大学', '他来到了网易杭研大厦', '小明硕士毕业于中国科学院计算所，后在日本京都大学深造',
    '结过婚的和尚未结过婚的', '乒乓球拍卖完了', '工信处女干事每月经过下属科室都要亲口交代24口交换机等技术性器件的安装工作',
    '永和服装饰品有限公司', 'iPhone6手机', '石墨烯', '一', '', '的的的的的', '南京市长江大桥', '中华人民共和国',
  ],
  hmm: ['杭研', '小明', '京都', '哈哈哈哈', '他来到了网易杭研大厦', '韩冰', '鑫', '龘靐齉', '人人人人人人人人', '一'],
  blocks: [
    '我来到北京清华大学', '他来到了网易杭研大厦', '小明硕士毕业于中国科学院计算所', '乒乓球拍卖完了', '中华人民共和国',
    'iPhone6手机', 'abc123def', '韩冰说3.5%', '南京市长江大桥', '永和服装饰品有限公司', '龘靐齉', 'B2B电商', '的的的的的',
  ],
  unknown: ['韩冰说3.5%', '杭研', 'abc12.5%def', '龘靐齉', '人人人', '100%的人', 'x'],
  userdict: [
    '云计算 5 n', '创新办 3 i', '凱特琳 nz', '台中', 'word with spaces 10', 'Python 3 eng', '  padded 7  ', '数字123 4',
    'UPPER 2 Nz', '结尾 a b', 'x 00012 n', '', '   ', '\t制表\t5', '单 5 n x', '12 34', 'a 1 b 2', '石墨烯 0',
  ],
  dictionary: {
    text: readFileSync(new URL('../../test/fixtures/dict/small-dict.txt', import.meta.url), 'utf8'),
    probes: ['中国', '中', '中国人', '清华大学', '清华大', '网络安全', '网络安', '安', '北京大学', '北京大', '云计算', '云', '云计', '', '的'],
    sentences: ['我来到北京清华大学', '中国人民网络安全会议', '北京大学云计算'],
    ops: [['北京大学', 30], ['云计算', 7], ['中国', 0], ['清华大学', 0], ['中国', 12], ['北京大', 3], ['云计算', 0]],
  },
};

function writeEngineFacts(): void {
  const script = fileURLToPath(new URL('../../compat/engine_oracle.py', import.meta.url));
  const output = execFileSync(PYTHON, [script], { input: JSON.stringify(ENGINE_CASES), encoding: 'utf8' });
  writeFileSync(new URL('engine.json', pythonDir), output);
}

/** Flag sets for the command-line goldens, run on each input by file and by standard input. */
const CLI_FLAG_SETS: readonly string[][] = [
  [], ['-d'], ['-d', '|'], ['-d='], ['-a'], ['-n'], ['-a', '-n'], ['-d', '-a'],
  ['-p'], ['-p', '/', '-n'], ['-p', '-a'], ['-p', '-d', '|'], ['-p', ''],
];

/** Dictionary flag sets, run on modern-mixed.txt only; paths are relative to the repository. */
const CLI_DICT_FLAG_SETS: readonly string[][] = [
  ['-u', 'test/fixtures/dict/user-formats.txt'],
  ['-u', 'test/fixtures/dict/jieba-userdict.txt', '-d', '|'],
  ['-D', 'test/fixtures/dict/small-dict.txt', '-u', 'test/fixtures/dict/jieba-userdict.txt'],
  ['-D', 'data/jieba/dict.txt.big', '-n'],
  ['-D', 'data/jieba/dict.txt.big', '-a'],
  ['-p', '-u', 'test/fixtures/dict/user-formats.txt'],
  ['-p', '-D', 'test/fixtures/dict/small-dict.txt'],
  ['-p', '-D', 'data/jieba/dict.txt.big', '-n'],
];

function writeCliGoldens(): void {
  const inputs = new URL('cli/inputs/', fixtures);
  const repo = fileURLToPath(new URL('../../', import.meta.url));
  const cases: object[] = [];
  for (const file of readdirSync(inputs).sort()) {
    const path = `test/fixtures/cli/inputs/${file}`;
    const flagSets = file === 'modern-mixed.txt' ? [...CLI_FLAG_SETS, ...CLI_DICT_FLAG_SETS] : CLI_FLAG_SETS;
    for (const flags of flagSets) {
      for (const stdin of [false, true]) {
        const argv = ['-q', ...flags, ...(stdin ? [] : [path])];
        const stdout = execFileSync(PYTHON, ['-m', 'jieba', ...argv], {
          cwd: repo,
          input: stdin ? readFileSync(new URL(file, inputs)) : undefined,
          maxBuffer: 1 << 28,
          encoding: 'utf8',
        });
        cases.push({ input: file, flags, stdin, stdout });
      }
    }
  }
  writeFileSync(new URL('cli/expected.json', fixtures), '[\n' + cases.map((c) => JSON.stringify(c)).join(',\n') + '\n]\n');
}

/** Cut `text` every way a scenario can. */
function cutsOf(text: string): Operation[] {
  return [
    ['cut', text, true],
    ['cut', text, false],
    ['cut_all', text],
    ['search', text, true],
    ['search', text, false],
    ['tag', text, true],
    ['tag', text, false],
  ];
}

const USER_DICT_SENTENCES = [
  '李小福是创新办主任也是云计算方面的专家; 什么是八一双鹿',
  '例如我输入一个带“韩玉赏鉴”的标题，在自定义词库中也增加了此词为N类',
  '「台中」正確應該不會被切開。mac上可分出「石墨烯」；此時又可以分出來凱特琳了。',
  'easy_install好用吗？Edu Trust认证很重要，石墨烯 10 NR也是',
  '中国人民在网易杭研大厦讨论区块链、人工 智能、量子\t计算和深度学习',
  '12345和c++以及AT&T都是大数据时代的自然语言处理很长的一个用户自定义词语用来测试',
  '哈哈哈，x是w2v端到端的机器学习，自定义词 7 n extra也算',
  '全角空格开头的词\u3000全角空格开头，末尾没有换行',
];

/** Scenarios with fixed operations: user dictionary formats, jieba's own examples, custom main dictionaries. */
function fixedScenarios(): Scenario[] {
  const formats = 'test/fixtures/dict/user-formats.txt';
  const formatWords = ['云计算', '李小福', '创新办', 'easy_install', '好用', '台中', '凱特琳', 'Edu Trust认证', '石墨烯 10 NR',
    '石墨烯', '中国', '自定义词 7 n extra', '网易杭研', '12345', 'c++', 'AT&T', '大数据', '区块链', '人工 智能', '量子\t计算',
    '深度学习', '机器学习', '自然语言处理', '哈', 'x', 'w2v', '端到端', '\u3000全角空格开头', '末尾没有换行', '\ufeff网易杭研'];
  const scenarios: Scenario[] = [
    {
      dict: null,
      ops: [
        ['load_userdict', formats],
        ['total'],
        ...formatWords.map((w): Operation => ['freq', w]),
        ...USER_DICT_SENTENCES.flatMap(cutsOf),
      ],
    },
    {
      // jieba's test/test_userdict.py
      dict: null,
      ops: [
        ['load_userdict', 'test/fixtures/dict/jieba-userdict.txt'],
        ['add_word', '石墨烯', null, null],
        ['add_word', '凱特琳', null, null],
        ['del_word', '自定义词'],
        ...USER_DICT_SENTENCES.slice(0, 3).flatMap(cutsOf),
        ['cut', '今天天气不错', false],
        ['freq', '今天天气'],
        ['suggest_freq', ['今天', '天气'], true],
        ['cut', '今天天气不错', false],
        ['cut', '如果放到post中将出错。', false],
        ['freq', '中将'],
        ['suggest_freq', ['中', '将'], true],
        ['cut', '如果放到post中将出错。', false],
        ['cut', '我们中出了一个叛徒', false],
        ['suggest_freq', ['中', '出'], true],
        ['cut', '我们中出了一个叛徒', false],
        ['cut', '「台中」正确应该不会被切开', false],
        ['suggest_freq', '台中', true],
        ['cut', '「台中」正确应该不会被切开', false],
        ['total'],
      ],
    },
    {
      // Deleted words stay out of the HMM even after being added back (Python never clears the set).
      dict: null,
      ops: [
        ['cut', '他来到了网易杭研大厦', true],
        ['del_word', '杭研'],
        ['cut', '他来到了网易杭研大厦', true],
        ['add_word', '杭研', 5, null],
        ['cut', '他来到了网易杭研大厦', true],
        ['del_word', '清华大学'],
        ['cut', '我来到北京清华大学', true],
        ['cut_all', '我来到北京清华大学'],
        ['freq', '清华大学'],
        ['freq', '清华大'],
        ['add_word', '', 7, null],
        ['total'],
        ['suggest_freq', '', false],
        ['add_word', '清华大学', null, null],
        ['freq', '清华大学'],
        ['cut', '我来到北京清华大学', true],
        ['total'],
      ],
    },
    {
      // set_dictionary drops added words but keeps deleted ones barred from the HMM.
      dict: null,
      ops: [
        ['add_word', '网易杭研', 100, null],
        ['del_word', '来到'],
        ['cut', '他来到了网易杭研大厦', true],
        ['set_dictionary', 'test/fixtures/dict/small-dict.txt'],
        ['total'],
        ['freq', '网易杭研'],
        ['cut', '他来到了网易杭研大厦', true],
        ['cut', '我来到北京清华大学', true],
      ],
    },
  ];
  const small: Operation[] = [];
  for (const line of readFileSync(fixturePath('corpus/modern-mixed.txt'), 'utf8').split('\n').slice(0, 30)) {
    small.push(...cutsOf(line));
  }
  small.push(['total'], ['freq', '中国'], ['freq', '中'], ['freq', '清华大学'], ['suggest_freq', '北京大学', false]);
  scenarios.push({ dict: 'test/fixtures/dict/small-dict.txt', ops: small });
  scenarios.push({ dict: 'test/fixtures/dict/small-dict.txt', ops: [['load_userdict', formats], ...USER_DICT_SENTENCES.flatMap(cutsOf)] });
  return scenarios;
}

async function writeDictionaryGoldens(): Promise<void> {
  const groups: [string, Scenario[]][] = [
    ['dict-fixed', fixedScenarios()],
    ['dict-random', randomScenarios(GOLDEN_RANDOM.seed, 300, dictionaryWords())],
  ];
  for (const [name, scenarios] of groups) {
    const results = await runScenariosInPython(scenarios);
    const lines = scenarios.map((scenario, i) => JSON.stringify({ ...scenario, results: results[i] }));
    const dir = new URL('scenarios/', goldenDir);
    mkdirSync(dir, { recursive: true });
    const file = new URL(`${name}.jsonl.gz`, dir);
    writeFileSync(file, gzipSync(lines.join('\n') + '\n', { level: 9 }));
    console.log(`golden: ${fileURLToPath(file)} (${scenarios.length} scenarios)`);
  }
  // The big dictionary, over traditional and simplified text.
  const texts = [
    ...textsOfFile(fixturePath('corpus/chinese-poetry.txt')).slice(0, 1500),
    ...textsOfFile(fixturePath('corpus/modern-mixed.txt')),
  ];
  await writeGolden('poetry-and-modern', texts, 'data/jieba/dict.txt.big');
}

/** 1,000 documents of 1 to 60 lines from every corpus, through every keyword variant. */
async function writeKeywordGoldens(): Promise<void> {
  const lines = readdirSync(corpusDir)
    .filter((file) => file.endsWith('.txt'))
    .sort()
    .flatMap((file) => readFileSync(new URL(file, corpusDir), 'utf8').split(/\r\n|\r|\n/));
  const docs = documentsOf(lines, 1000);
  const results = await runKeywordOracle(docs);
  const dir = new URL('keywords/', goldenDir);
  mkdirSync(dir, { recursive: true });
  const file = new URL('documents.jsonl.gz', dir);
  const records = docs.map((text, i) => JSON.stringify({ text, ...results[i] }));
  writeFileSync(file, gzipSync(records.join('\n') + '\n', { level: 9 }));
  console.log(`golden: ${fileURLToPath(file)} (${docs.length} documents)`);

  // The same variants with an IDF file and stop words of our own
  // (test/fixtures/analyse: a byte order mark, CRLF and other line breaks,
  // every number form float() takes, nan, -0, inf, stop words with spaces).
  const custom = docs.slice(0, 300);
  const files = { idf: fixturePath('analyse/custom-idf.txt'), stopWords: fixturePath('analyse/custom-stop-words.txt') };
  const customResults = await runKeywordOracle(custom, files);
  const customFile = new URL('custom-files.jsonl.gz', dir);
  writeFileSync(customFile, gzipSync(custom.map((text, i) => JSON.stringify({ text, ...customResults[i] })).join('\n') + '\n', { level: 9 }));
  console.log(`golden: ${fileURLToPath(customFile)} (${custom.length} documents, custom IDF and stop words)`);

  // And with a user dictionary loaded first: added words, tags and
  // frequencies change the cut and the tags, so the tokenizer's dictionary
  // is no longer the base one that TF-IDF's counting by trie node assumes.
  const userDocs = docs.slice(300, 600);
  const userFiles = { userDict: fixturePath('analyse/user-dict.txt') };
  const userResults = await runKeywordOracle(userDocs, userFiles);
  const userFile = new URL('user-dict.jsonl.gz', dir);
  writeFileSync(userFile, gzipSync(userDocs.map((text, i) => JSON.stringify({ text, ...userResults[i] })).join('\n') + '\n', { level: 9 }));
  console.log(`golden: ${fileURLToPath(userFile)} (${userDocs.length} documents, a user dictionary)`);
}

function fixturePath(relative: string): string {
  return fileURLToPath(new URL(relative, fixtures));
}

async function main(): Promise<void> {
  requirePython();
  const only = process.argv.includes('--only') ? process.argv[process.argv.indexOf('--only') + 1] : undefined;
  const wanted = (part: string): boolean => only === undefined || only === part;
  mkdirSync(goldenDir, { recursive: true });
  if (wanted('python')) {
    writePythonFacts();
    writeArgparseFacts();
    writeEngineFacts();
  }
  if (wanted('cli')) writeCliGoldens();
  if (wanted('text')) {
    for (const file of readdirSync(corpusDir).sort()) {
      const path = fileURLToPath(new URL(file, corpusDir));
      if (file.endsWith('.txt')) await writeGolden(basename(file, '.txt'), textsOfFile(path));
      else if (file.endsWith('.json')) await writeGolden(basename(file, '.json'), JSON.parse(readFileSync(path, 'utf8')));
    }
    const generator = new RandomText(GOLDEN_RANDOM.seed, dictionaryWords());
    await writeGolden('random', Array.from({ length: GOLDEN_RANDOM.count }, () => generator.next()));
  }
  if (wanted('dict')) await writeDictionaryGoldens();
  if (wanted('keywords')) await writeKeywordGoldens();
}

main().catch((error: Error) => {
  console.error(`golden: ${error.message}`);
  process.exitCode = 1;
});
