/**
 * Charts of word counts (`jieba freq --chart`, the playground): a bar chart and a word
 * cloud as SVG, or both in one self-contained HTML page (no script, no
 * font or file fetched: it opens offline). Deterministic: the same counts
 * give the same bytes.
 *
 * The cloud places words from the most frequent down, each on an
 * Archimedean spiral from the centre until its box overlaps no placed box;
 * sizes grow with the square root of the count. Text is not measured (no
 * canvas in Node.js): a Han or full-width character is taken as 1 em wide,
 * any other as 0.6 em, which is what common CJK and Latin fonts give.
 *
 * @module
 */

import { isWideCharacter } from '../text/char-classes.js';

/** A placed word of the cloud: its box's centre, size and font size. */
export interface CloudWord {
  word: string;
  count: number;
  x: number;
  y: number;
  width: number;
  height: number;
  fontSize: number;
}

const FONT = "'Noto Sans CJK SC', 'Source Han Sans SC', 'PingFang SC', 'Microsoft YaHei', sans-serif";
const COLOURS = ['#1f77b4', '#d62728', '#2ca02c', '#ff7f0e', '#9467bd', '#8c564b', '#e377c2', '#17becf'];

/** `text` safe inside XML text and attributes. */
function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** Width of `word` in em, as estimated (see the module comment). */
function emWidth(word: string): number {
  let width = 0;
  for (const c of word) {
    width += isWideCharacter(c.codePointAt(0)!) ? 1 : 0.6;
  }
  return width;
}

/**
 * A horizontal bar chart of `entries` (most frequent first) as SVG.
 *
 * @example
 * barChartSvg([['北京', 3], ['大学', 1]]); // '<svg ...>...</svg>'
 */
export function barChartSvg(entries: readonly (readonly [string, number])[], title = 'Word frequencies'): string {
  const rowHeight = 24;
  const labelWidth = Math.max(60, Math.ceil(Math.max(0, ...entries.map(([w]) => emWidth(w))) * 14) + 16);
  const barWidth = 480;
  const width = labelWidth + barWidth + 80;
  const height = 40 + entries.length * rowHeight + 10;
  const most = Math.max(1, ...entries.map(([, n]) => n));
  const rows = entries.map(([word, count], i) => {
    const y = 40 + i * rowHeight;
    const w = Math.max(1, Math.round((count / most) * barWidth));
    return (
      `<text x="${labelWidth - 8}" y="${y + 16}" text-anchor="end">${escapeXml(word)}</text>` +
      `<rect x="${labelWidth}" y="${y + 3}" width="${w}" height="${rowHeight - 6}" fill="${COLOURS[0]}"/>` +
      `<text x="${labelWidth + w + 6}" y="${y + 16}" fill="#444">${count}</text>`
    );
  });
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="${escapeXml(FONT)}" font-size="14">` +
    `<rect width="100%" height="100%" fill="#fff"/>` +
    `<text x="${width / 2}" y="24" text-anchor="middle" font-size="16" font-weight="bold">${escapeXml(title)}</text>` +
    rows.join('') +
    '</svg>\n'
  );
}

/**
 * Lay out a word cloud of `entries` (most frequent first) in a box of
 * `width` × `height`; a word that fits nowhere is left out.
 *
 * @example
 * layoutCloud([['北京', 3], ['大学', 1]], 400, 300); // [{ word: '北京', x: 200, y: 150, ... }, ...]
 */
export function layoutCloud(entries: readonly (readonly [string, number])[], width: number, height: number): CloudWord[] {
  const placed: CloudWord[] = [];
  const most = Math.max(1, ...entries.map(([, n]) => n));
  const least = Math.max(1, Math.min(...entries.map(([, n]) => n)));
  const overlaps = (a: CloudWord): boolean =>
    placed.some((b) => Math.abs(a.x - b.x) * 2 < a.width + b.width && Math.abs(a.y - b.y) * 2 < a.height + b.height);
  for (const [word, count] of entries) {
    // Square-root scale from 12 px (the least frequent) to 64 px (the most).
    const t = most === least ? 1 : (Math.sqrt(count) - Math.sqrt(least)) / (Math.sqrt(most) - Math.sqrt(least));
    const fontSize = Math.round(12 + t * 52);
    const box = { word, count, x: 0, y: 0, width: emWidth(word) * fontSize + 4, height: fontSize * 1.15, fontSize };
    for (let step = 0; step < 4000; step++) {
      const angle = step * 0.1;
      const radius = 2 * angle;
      box.x = Math.round(width / 2 + radius * Math.cos(angle) * (width / height));
      box.y = Math.round(height / 2 + radius * Math.sin(angle));
      const inside = box.x - box.width / 2 >= 0 && box.x + box.width / 2 <= width && box.y - box.height / 2 >= 0 && box.y + box.height / 2 <= height;
      if (inside && !overlaps(box)) {
        placed.push({ ...box });
        break;
      }
    }
  }
  return placed;
}

/**
 * A word cloud of `entries` as SVG.
 *
 * @example
 * wordCloudSvg([['北京', 3], ['大学', 1]]);
 */
export function wordCloudSvg(entries: readonly (readonly [string, number])[], width = 800, height = 500): string {
  const words = layoutCloud(entries, width, height).map(
    (w, i) =>
      `<text x="${w.x}" y="${w.y}" font-size="${w.fontSize}" text-anchor="middle" dominant-baseline="central" fill="${COLOURS[i % COLOURS.length]}">` +
      `<title>${escapeXml(w.word)}: ${w.count}</title>${escapeXml(w.word)}</text>`,
  );
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="${escapeXml(FONT)}">` +
    `<rect width="100%" height="100%" fill="#fff"/>${words.join('')}</svg>\n`
  );
}

/**
 * The cloud above the bar chart, in one SVG.
 *
 * @example
 * chartSvg(counts.sorted(200));
 */
export function chartSvg(entries: readonly (readonly [string, number])[], bars = 30, cloud = 150): string {
  const top = wordCloudSvg(entries.slice(0, cloud)).trimEnd();
  const bottom = barChartSvg(entries.slice(0, bars)).trimEnd();
  const size = (svg: string): [number, number] => {
    const match = /width="(\d+)" height="(\d+)"/.exec(svg)!;
    return [Number(match[1]), Number(match[2])];
  };
  const [w1, h1] = size(top);
  const [w2, h2] = size(bottom);
  const width = Math.max(w1, w2);
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${h1 + h2}" viewBox="0 0 ${width} ${h1 + h2}">` +
    top.replace('<svg ', '<svg x="0" y="0" ') +
    bottom.replace('<svg ', `<svg x="0" y="${h1}" `) +
    '</svg>\n'
  );
}

/**
 * One self-contained HTML page with the bar chart of the first `bars`
 * entries and the cloud of the first `cloud`.
 *
 * @example
 * chartHtml(counts.sorted(200));
 */
export function chartHtml(entries: readonly (readonly [string, number])[], bars = 30, cloud = 150): string {
  return (
    '<!doctype html>\n<html lang="zh"><head><meta charset="utf-8"><title>Word frequencies (jieba-ts)</title>' +
    '<style>body{font-family:sans-serif;margin:2em;background:#fafafa}figure{margin:0 0 2em}svg{max-width:100%;height:auto;border:1px solid #ddd}</style></head><body>\n' +
    `<h1>Word frequencies</h1>\n<figure>${wordCloudSvg(entries.slice(0, cloud))}</figure>\n<figure>${barChartSvg(entries.slice(0, bars))}</figure>\n</body></html>\n`
  );
}
