/**
 * Compile the vendored jieba data (data/jieba) into the default image,
 * dist/data/default.img, which the library loads without parsing.
 *
 * Run by `npm run build` (and so by `npm install`).
 *
 * @module
 */

import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { encodeImage } from '../src/data/image.js';
import { dictionarySections, hmmSections } from '../src/data/sections.js';
import { PrefixDictionary } from '../src/dictionary/prefix-dictionary.js';
import { readFinalsegTables } from './finalseg-tables.js';

const root = new URL('../../', import.meta.url);
const dataDir = new URL('data/jieba/', root);
const outFile = new URL('dist/data/default.img', root);

function readText(relative: string): string {
  return readFileSync(new URL(relative, dataDir), 'utf8');
}

function main(): void {
  const started = performance.now();
  const dict = PrefixDictionary.fromText(readFileSync(new URL('dict.txt', dataDir)), 'data/jieba/dict.txt');
  const hmm = readFinalsegTables(readText);
  const image = encodeImage({ ...dictionarySections(dict), ...hmmSections(hmm) });
  mkdirSync(new URL('.', outFile), { recursive: true });
  writeFileSync(outFile, image);
  const ms = Math.round(performance.now() - started);
  console.log(`jieba-ts: wrote ${fileURLToPath(outFile)} (${(image.length / 1048576).toFixed(1)} MiB, ${ms} ms)`);
}

main();
