/**
 * Seeded random strings that reach every branch of the segmenter: built
 * from dictionary words, rare and out-of-range CJK, ASCII runs with the
 * characters `re_han_default` admits (`+#&._%-`), decimals and percentages,
 * every Python whitespace character and some that only JavaScript calls
 * whitespace, full-width forms, emoji and other astral characters, other
 * scripts, other decimal digits, and (rarely) lone surrogates.
 *
 * @module
 */

/** A small, fast, seedable generator (mulberry32). Returns floats in [0, 1). */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const PYTHON_SPACES = [
  ' ', '\t', '\n', '\r', '\r\n', '\x0b', '\x0c', '\x1c', '\x1d', '\x1e', '\x1f', '\x85', '\xa0', '\u1680',
  '\u2000', '\u2003', '\u2009', '\u200a', '\u2028', '\u2029', '\u202f', '\u205f', '\u3000', '  ', '\r\r\n',
];
/** Characters JavaScript's `\s` or intuition call whitespace but Python's `\s` does not. */
const NOT_PYTHON_SPACES = ['\ufeff', '\u200b', '\u180e', '\u2060', '\u00ad'];
const ASCII_PIECES = [
  'a', 'Z', 'abc', 'Python', 'iPhone', 'C++', 'c#', 'C#', 'AT&T', 'e-mail', 'x_y', 'a.b', '3.14', '50%', '1.5%',
  '2.0.1', '100', '007', '-', '--', '.', '...', '%', '#', '&', '+', '_', 'B超', 'T恤', 'A股', 'CD机', 'IC卡',
  'U盘', 'K歌之王', 'www.example.com', 'foo@bar.cn', 'v8', 'H2O', '3D', '4G', 'Wi-Fi', 'COVID-19',
  // English words whose stems reach the Porter stemmer's rules (jieba's ChineseAnalyzer), stop words among them.
  'Running', 'WILLOWS', 'generalization', 'caresses', 'happily', 'Yelling', 'agreed', 'controlling', 'relational',
  'hopefulness', 'The', 'and', 'tbd',
];
const PUNCTUATION = [
  '，', '。', '！', '？', '、', '；', '：', '“', '”', '‘', '’', '（', '）', '《', '》', '【', '】', '…', '—', '·',
  ',', '.', '!', '?', ';', ':', '"', "'", '(', ')', '[', ']', '{', '}', '/', '\\', '|', '@', '$', '^', '*', '=',
  '<', '>', '~', '`',
];
const FULL_WIDTH = ['Ａ', 'ｂ', 'Ｃ', '１', '２', '５', '０', '＋', '＃', '％', '．', '－', '＿', '＆'];
const ASTRAL = ['😀', '🎉', '👍🏻', '👨‍👩‍👧', '🇨🇳', '𠀀', '𠮷', '𪚥', '𝟘', '𝟙', '🀄', '𝄞'];
const OTHER_SCRIPTS = [
  'привет', 'Москва', 'αβγ', 'Ελλάδα', 'مرحبا', '١٢٣', 'สวัสดี', 'こんにちは', 'カタカナ', '안녕하세요', 'שלום',
  'नमस्ते', '५', '٣', '໒', 'Ⅻ', '½', '²', 'ﬁ', 'é', 'e\u0301', 'ΟΔΟΣ', 'ΣΑΣ', 'İstanbul', 'ǅemal',
];
const OUT_OF_RANGE_CJK = ['\u9fd6', '\u9fea', '\u9fff', '\u3400', '\u4db5', '\u3007', '\uf900', '\u2e80', '\u31c0'];
const LONE_SURROGATES = ['\ud800', '\udc00', '\udbff', '\udfff'];

/** Draw random texts from a dictionary's words and the pools above. */
export class RandomText {
  private readonly random: () => number;
  private readonly words: readonly string[];

  /**
   * @param seed - the same seed and words give the same texts
   * @param words - dictionary words to draw real vocabulary from
   */
  constructor(seed: number, words: readonly string[]) {
    this.random = seededRandom(seed);
    this.words = words;
  }

  private int(n: number): number {
    return Math.floor(this.random() * n);
  }

  private pick<T>(items: readonly T[]): T {
    return items[this.int(items.length)]!;
  }

  private piece(): string {
    const roll = this.random();
    if (roll < 0.4) return this.pick(this.words);
    if (roll < 0.5) return String.fromCharCode(0x4e00 + this.int(0x9fd5 - 0x4e00 + 1)); // any Han, often unknown
    if (roll < 0.58) return this.pick(ASCII_PIECES);
    if (roll < 0.66) return this.pick(PUNCTUATION);
    if (roll < 0.74) return this.pick(PYTHON_SPACES);
    if (roll < 0.77) return this.pick(NOT_PYTHON_SPACES);
    if (roll < 0.82) return this.pick(FULL_WIDTH);
    if (roll < 0.87) return this.pick(ASTRAL);
    if (roll < 0.92) return this.pick(OTHER_SCRIPTS);
    if (roll < 0.96) return this.pick(OUT_OF_RANGE_CJK);
    if (roll < 0.99) return String(this.int(100000)) + (this.random() < 0.5 ? '.' + this.int(1000) : '') + (this.random() < 0.3 ? '%' : '');
    return this.pick(LONE_SURROGATES);
  }

  /** One text of 1 to `maxPieces` pieces. */
  next(maxPieces = 40): string {
    const count = 1 + this.int(maxPieces);
    let text = '';
    for (let i = 0; i < count; i++) text += this.piece();
    return text;
  }
}
