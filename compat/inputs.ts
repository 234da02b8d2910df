/**
 * Where the harness's inputs come from.
 *
 * @module
 */

import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** Inputs from a file: each line, and each run of 20 lines joined with "\n". */
export function textsOfFile(path: string): string[] {
  const lines = readFileSync(path, 'utf8').split(/\r\n|\r|\n/);
  const texts = lines.filter((line) => line.length > 0);
  for (let i = 0; i < lines.length; i += 20) texts.push(lines.slice(i, i + 20).join('\n'));
  return texts;
}

/** Dictionary words, for random texts. */
export function dictionaryWords(): string[] {
  const dict = readFileSync(fileURLToPath(new URL('../../data/jieba/dict.txt', import.meta.url)), 'utf8');
  return dict.split('\n').filter(Boolean).map((line) => line.slice(0, line.indexOf(' ')));
}
