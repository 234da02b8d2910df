/**
 * Compile the vendored jieba data (data/jieba) into the images the library
 * loads without parsing:
 *
 * - dist/data/default.img: dict.txt and the finalseg HMM;
 * - dist/data/big.img: dict.txt.big and the same HMM;
 * - dist/data/posseg.img: the POS model and dict.txt's word tags, loaded
 *   when tagging starts;
 * - dist/data/idf.img: jieba.analyse's idf.txt, loaded when TF-IDF starts;
 * - dist/data/paddle.img: the paddle-mode model (data/lac_small), loaded
 *   when paddle mode is first used.
 *
 * Run by `npm run build` (and so by `npm install`).
 *
 * @module
 */

import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { encodeDictionaryImage } from '../src/data/load.js';
import { PrefixDictionary } from '../src/dictionary/prefix-dictionary.js';
import { encodeImage } from '../src/data/image.js';
import { idfSections, posSections, tagSections } from '../src/data/sections.js';
import { IdfTable } from '../src/analyse/idf-table.js';
import { readFinalsegModel } from './finalseg-tables.js';
import { readPossegModel } from './posseg-tables.js';
import { readLacModel } from './paddle-tables.js';
import { lacSections } from '../src/paddle/model.js';

const root = new URL('../../', import.meta.url);
const dataDir = new URL('data/jieba/', root);
const outDir = new URL('dist/data/', root);

function write(target: string, image: Uint8Array, started: number): void {
  const out = new URL(target, outDir);
  writeFileSync(out, image);
  const ms = Math.round(performance.now() - started);
  console.log(`jieba-ts: wrote ${fileURLToPath(out)} (${(image.length / 1048576).toFixed(1)} MiB, ${ms} ms)`);
}

function main(): void {
  const read = (file: string): string => readFileSync(new URL(file, dataDir), 'utf8');
  const hmm = readFinalsegModel(read);
  mkdirSync(outDir, { recursive: true });
  const defaultDict = PrefixDictionary.fromText(readFileSync(new URL('dict.txt', dataDir)), 'data/jieba/dict.txt');
  let started = performance.now();
  // The default dictionary's word tags travel with the POS model: cutting never needs them.
  write('default.img', encodeDictionaryImage(defaultDict, hmm, true), started);
  started = performance.now();
  const pos = readPossegModel(read);
  write('posseg.img', encodeImage({ ...posSections(pos), ...tagSections(defaultDict.tags!, 'default.') }), started);
  started = performance.now();
  const idf = IdfTable.fromText(readFileSync(new URL('analyse/idf.txt', dataDir)), 'data/jieba/analyse/idf.txt');
  write('idf.img', encodeImage(idfSections(idf)), started);
  started = performance.now();
  const big = PrefixDictionary.fromText(readFileSync(new URL('dict.txt.big', dataDir)), 'data/jieba/dict.txt.big');
  write('big.img', encodeDictionaryImage(big, hmm), started);
  started = performance.now();
  const lac = readLacModel((file) => readFileSync(new URL(`data/lac_small/${file}`, root)));
  write('paddle.img', encodeImage(lacSections(lac)), started);
}

main();
