import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { barChartSvg, chartHtml, chartSvg, layoutCloud, wordCloudSvg } from '../../src/analyse/charts.js';
import { countWords } from '../../src/index.js';
import { readFileSync } from 'node:fs';
import { fixturePath } from '../support/fixtures.js';

const ENTRIES = countWords(readFileSync(fixturePath('corpus/seed-news.txt'), 'utf8').split('\n'), { minLength: 2 }).sorted(150);

describe('word cloud and bar chart', () => {
  it('places words without overlap, inside the box, the most frequent first and largest', () => {
    const placed = layoutCloud(ENTRIES, 800, 500);
    assert.ok(placed.length > 100, `${placed.length} words placed`);
    assert.equal(placed[0]!.word, ENTRIES[0]![0]);
    for (const w of placed) {
      assert.ok(w.x - w.width / 2 >= 0 && w.x + w.width / 2 <= 800 && w.y - w.height / 2 >= 0 && w.y + w.height / 2 <= 500, w.word);
      assert.ok(w.fontSize <= placed[0]!.fontSize);
    }
    for (let i = 0; i < placed.length; i++) {
      for (let j = i + 1; j < placed.length; j++) {
        const [a, b] = [placed[i]!, placed[j]!];
        assert.ok(!(Math.abs(a.x - b.x) * 2 < a.width + b.width && Math.abs(a.y - b.y) * 2 < a.height + b.height), `${a.word} overlaps ${b.word}`);
      }
    }
  });

  it('draws the same bytes for the same counts, and escapes what XML must', () => {
    assert.equal(chartSvg(ENTRIES), chartSvg(ENTRIES.map(([w, n]) => [w, n] as [string, number])));
    const svg = barChartSvg([['a<b&"c\'', 2], ['中文', 1]]);
    assert.ok(svg.includes('a&#60;b&#38;&#34;c&#39;'));
    assert.ok(!svg.includes('a<b'));
    assert.match(wordCloudSvg([['中文', 1]]), /^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"[^>]*>.*中文.*<\/svg>\n$/s);
  });

  it('makes a page that needs no network: no script, no link, no external source', () => {
    const html = chartHtml(ENTRIES);
    assert.ok(html.startsWith('<!doctype html>'));
    assert.ok(!/<script|<link|src=|url\(|@import/i.test(html), 'nothing to fetch');
    // Every word of the bar chart is there.
    for (const [word] of ENTRIES.slice(0, 30)) assert.ok(html.includes(`>${word}</text>`), word);
  });
});
