import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { countSpans } from '../../src/analyse/span-counts.js';
import { Tokenizer } from '../../src/index.js';
import { readFileSync } from 'node:fs';
import { repoPath } from '../support/fixtures.js';

/** The same counts through a Map of strings, which keeps first-insertion order. */
function byMap(text: string, spans: Int32Array): [string, number][] {
  const counts = new Map<string, number>();
  for (let i = 0; i < spans.length; i += 2) {
    const word = text.slice(spans[i]!, spans[i + 1]!);
    counts.set(word, (counts.get(word) ?? 0) + 1);
  }
  return [...counts];
}

function asPairs(text: string, spans: Int32Array): [string, number][] {
  const { starts, ends, counts, size } = countSpans(text, spans);
  return Array.from({ length: size }, (_, i) => [text.slice(starts[i]!, ends[i]!), counts[i]!] as [string, number]);
}

describe('countSpans', () => {
  it('counts words in order of first occurrence', () => {
    const text = '天天向上天天';
    assert.deepEqual(asPairs(text, Int32Array.of(0, 2, 2, 3, 3, 4, 4, 6)), [['天天', 2], ['向', 1], ['上', 1]]);
  });

  it('tells apart words of equal length and prefixes, astral characters included', () => {
    const text = 'ab a b ab 😀 😀😀 😀';
    const spans = Int32Array.of(0, 2, 3, 4, 5, 6, 7, 9, 10, 12, 13, 17, 18, 20);
    assert.deepEqual(asPairs(text, spans), byMap(text, spans));
  });

  it('agrees with a Map on a real document, thousands of words (hash collisions included)', () => {
    const text = readFileSync(repoPath('test/fixtures/corpus/seed-news.txt'), 'utf8').repeat(3);
    const spans = new Tokenizer().tokenizeOffsets(text);
    assert.ok(spans.length > 4000);
    assert.deepEqual(asPairs(text, spans), byMap(text, spans));
  });

  it('handles no words', () => {
    assert.equal(countSpans('', new Int32Array(0)).size, 0);
  });
});
