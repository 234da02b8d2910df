/**
 * The benchmark corpora, generated reproducibly (a fixed seed over jieba's
 * own dictionary), so every run and every machine measures the same text:
 *
 * - `novel`: about 750 KB of narrative (the size of a novel such as 围城):
 *   long paragraphs, dialogue in quotation marks;
 * - `news`: about 6 MB of news-like text: shorter paragraphs dense with
 *   numbers, dates, percentages, Latin names and organisations.
 *
 * Words are drawn by frequency from dict.txt, with one word in twelve made
 * up of two or three common characters (like a name), so the HMM has
 * unknown words to find, as in real text.
 *
 * @module
 */

import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { seededRandom } from '../compat/random-text.js';

const root = new URL('../../', import.meta.url);
const outDir = new URL('bench/data/', root);

/** The corpora: name, target size in bytes, seed, and style. */
export const CORPORA = {
  novel: { bytes: 750_000, seed: 1947, style: 'novel' },
  news: { bytes: 6_000_000, seed: 2026, style: 'news' },
} as const;

/** Corpus name. */
export type CorpusName = keyof typeof CORPORA;

/** A sampler of dictionary words by frequency. */
class WordSampler {
  private readonly words: string[] = [];
  private readonly cumulative: Float64Array;
  private readonly total: number;

  constructor(dictionary: string, accept: (word: string) => boolean = () => true) {
    const freqs: number[] = [];
    for (const line of dictionary.split('\n')) {
      const [word, freq] = line.split(' ');
      if (!word || !freq || !accept(word)) continue;
      this.words.push(word);
      freqs.push(Number(freq));
    }
    this.cumulative = new Float64Array(freqs.length);
    let sum = 0;
    freqs.forEach((f, i) => (this.cumulative[i] = sum += f));
    this.total = sum;
  }

  pick(random: () => number): string {
    const target = random() * this.total;
    let lo = 0;
    let hi = this.cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.cumulative[mid]! < target) lo = mid + 1;
      else hi = mid;
    }
    return this.words[lo]!;
  }
}

function generate(style: 'novel' | 'news', bytes: number, seed: number, sampler: WordSampler, chars: WordSampler): string {
  const random = seededRandom(seed);
  const int = (n: number): number => Math.floor(random() * n);
  const unknown = (): string => {
    let word = '';
    for (let i = 0, n = 2 + int(2); i < n; i++) word += chars.pick(random);
    return word;
  };
  const newsTokens = (): string => {
    const roll = random();
    if (roll < 0.3) return String(1 + int(2025));
    if (roll < 0.45) return `${int(100)}.${int(10)}%`;
    if (roll < 0.6) return `${1 + int(12)}月${1 + int(28)}日`;
    if (roll < 0.8) return ['GDP', 'CPI', 'AI', '5G', 'iPhone', 'NASA', 'WTO', 'App', 'CEO', 'IT'][int(10)]!;
    return `${int(1000)}亿元`;
  };
  const sentence = (): string => {
    const length = style === 'novel' ? 6 + int(22) : 8 + int(26);
    let s = '';
    for (let i = 0; i < length; i++) {
      const roll = random();
      if (roll < 1 / 12) s += unknown();
      else if (style === 'news' && roll < 0.16) s += newsTokens();
      else s += sampler.pick(random);
      if (i > 2 && i < length - 1 && random() < 0.1) s += '，';
    }
    const end = style === 'novel' ? ['。', '。', '。', '！', '？', '……'][int(6)]! : '。';
    return style === 'novel' && random() < 0.25 ? `“${s}${end}”` : s + end;
  };
  const paragraphs: string[] = [];
  let size = 0;
  while (size < bytes) {
    let paragraph = '';
    for (let n = 0, count = style === 'novel' ? 3 + int(10) : 2 + int(5); n < count; n++) paragraph += sentence();
    paragraphs.push(paragraph);
    size += Buffer.byteLength(paragraph) + 1;
  }
  return paragraphs.join('\n') + '\n';
}

/**
 * Path of a corpus, generating it first if bench/data lacks it.
 *
 * @example
 * readFileSync(corpusPath('news'), 'utf8');
 */
export function corpusPath(name: CorpusName): string {
  const file = new URL(`${name}.txt`, outDir);
  if (!existsSync(file)) {
    const dictionary = readFileSync(new URL('data/jieba/dict.txt', root), 'utf8');
    const { bytes, seed, style } = CORPORA[name];
    mkdirSync(outDir, { recursive: true });
    const chars = new WordSampler(dictionary, (word) => word.length === 1 && word >= '\u4e00' && word <= '\u9fa5');
    writeFileSync(file, generate(style, bytes, seed, new WordSampler(dictionary), chars));
  }
  return fileURLToPath(file);
}
