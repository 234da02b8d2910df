/**
 * Compile the vendored jieba data (data/jieba) into the images the library
 * loads without parsing:
 *
 * - dist/data/default.img: dict.txt and the finalseg HMM;
 * - dist/data/big.img: dict.txt.big and the same HMM.
 *
 * Run by `npm run build` (and so by `npm install`).
 *
 * @module
 */

import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { encodeDictionaryImage } from '../src/data/load.js';
import { PrefixDictionary } from '../src/dictionary/prefix-dictionary.js';
import { readFinalsegModel } from './finalseg-tables.js';

const root = new URL('../../', import.meta.url);
const dataDir = new URL('data/jieba/', root);
const outDir = new URL('dist/data/', root);

function main(): void {
  const hmm = readFinalsegModel((file) => readFileSync(new URL(file, dataDir), 'utf8'));
  mkdirSync(outDir, { recursive: true });
  for (const [source, target] of [
    ['dict.txt', 'default.img'],
    ['dict.txt.big', 'big.img'],
  ] as const) {
    const started = performance.now();
    const dict = PrefixDictionary.fromText(readFileSync(new URL(source, dataDir)), `data/jieba/${source}`);
    const image = encodeDictionaryImage(dict, hmm);
    const out = new URL(target, outDir);
    writeFileSync(out, image);
    const ms = Math.round(performance.now() - started);
    console.log(`jieba-ts: wrote ${fileURLToPath(out)} (${(image.length / 1048576).toFixed(1)} MiB, ${ms} ms)`);
  }
}

main();
