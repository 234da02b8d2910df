/**
 * Compile the vendored jieba data (data/jieba, data/lac_small) into the
 * images the library loads without parsing:
 *
 * - dist/data/default.img: dict.txt and the finalseg HMM, uncompressed,
 *   which Node.js, Deno and Bun read at start-up with no decompression;
 * - dist/data/default.img.gz: the same, gzipped, which browsers fetch and
 *   `jieba-ts/embedded` carries inside its JavaScript;
 * - dist/data/posseg.img.gz: the POS model and dict.txt's word tags,
 *   loaded when tagging starts;
 * - dist/data/idf.img.gz: jieba.analyse's idf.txt, loaded when TF-IDF starts;
 * - packages/big/big.img.gz: dict.txt.big and the HMM, for the companion
 *   package jieba-ts-big;
 * - packages/paddle/paddle.img: the paddle-mode model (LAC small) with
 *   its large weight matrices in float16, for jieba-ts-paddle,
 *   uncompressed and unfiltered: deflate saves only 14% of it (half
 *   floats barely compress), and without inflating or unshuffling, loading
 *   reads the file straight into the memory it is used from, which halves
 *   the first paddle-mode call's time and the memory it takes; its
 *   embedding is checked by blocks, read as sentences need them.
 *
 * Each gzipped image stores every section with the filters (see
 * `src/data/image.ts`) under which it compresses best, tried one by one.
 * Run by `npm run build` (and so by `npm install`).
 *
 * @module
 */

import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { deflateRawSync, gzip } from 'node:zlib';
import { dictionarySections, hmmSections, idfSections, posSections, tagSections } from '../src/data/sections.js';
import { PrefixDictionary } from '../src/dictionary/prefix-dictionary.js';
import { encodeImage, type SectionArray, type SectionEncoding } from '../src/data/image.js';
import { IdfTable } from '../src/dictionary/idf-table.js';
import { readFinalsegModel } from './finalseg-tables.js';
import { readPossegModel } from './posseg-tables.js';
import { readLacModel } from './paddle-tables.js';
import { lacSections } from '../src/data/lac-sections.js';
import { EMBEDDING_SIZE } from '../src/paddle/embedding.js';

/** 128 rows of half-precision values: 32 KiB, eight pages, read in one piece. */
const EMBEDDING_BLOCK_BYTES = 128 * EMBEDDING_SIZE * 2;

const root = new URL('../../', import.meta.url);
const dataDir = new URL('data/jieba/', root);

function write(target: URL, bytes: Uint8Array, started: number): void {
  writeFileSync(target, bytes);
  const ms = Math.round(performance.now() - started);
  console.log(`jieba-ts: wrote ${fileURLToPath(target)} (${(bytes.length / 1048576).toFixed(2)} MiB, ${ms} ms)`);
}

const gzipAsync = promisify(gzip);

/**
 * For each section, the filters under which it deflates smallest. The
 * sections are tried one at a time; neighbouring sections barely share
 * matches, so the sum of the parts is what the whole image gets.
 */
function bestEncodings(sections: Record<string, SectionArray>, float16: readonly string[] = []): Record<string, SectionEncoding> {
  const encodings: Record<string, SectionEncoding> = {};
  for (const [name, array] of Object.entries(sections)) {
    const base: SectionEncoding = float16.includes(name) ? { float16: true } : {};
    const integer = !(array instanceof Float64Array || array instanceof Float32Array);
    const candidates: SectionEncoding[] = [base, { ...base, shuffle: true }];
    if (integer) candidates.push({ ...base, delta: true }, { ...base, delta: true, shuffle: true });
    let best = base;
    let bestSize = Infinity;
    for (const candidate of candidates) {
      const size = deflateRawSync(encodeImage({ [name]: array }, { [name]: candidate }), { level: 6 }).length;
      if (size < bestSize) [best, bestSize] = [candidate, size];
    }
    encodings[name] = best;
  }
  return encodings;
}

/**
 * Write the image of `sections`, filtered and gzipped for shipping. The
 * compression runs on libuv's thread pool, so the images compress in
 * parallel while the next is built.
 */
function writeGzipped(target: URL, sections: Record<string, SectionArray>, float16: readonly string[] = []): Promise<void> {
  const started = performance.now();
  const image = encodeImage(sections, bestEncodings(sections, float16));
  return gzipAsync(image, { level: 9, memLevel: 9 }).then((bytes) => write(target, bytes, started));
}

async function main(): Promise<void> {
  const read = (file: string): string => readFileSync(new URL(file, dataDir), 'utf8');
  const outDir = new URL('dist/data/', root);
  mkdirSync(outDir, { recursive: true });
  const hmm = readFinalsegModel(read);

  const started = performance.now();
  const defaultDict = PrefixDictionary.fromText(readFileSync(new URL('dict.txt', dataDir)), 'data/jieba/dict.txt');
  // The default dictionary's word tags travel with the POS model: cutting never needs them.
  const defaultSections = { ...dictionarySections(defaultDict, true), ...hmmSections(hmm) };
  write(new URL('default.img', outDir), encodeImage(defaultSections), started);
  const written = [writeGzipped(new URL('default.img.gz', outDir), defaultSections)];

  const pos = readPossegModel(read);
  written.push(writeGzipped(new URL('posseg.img.gz', outDir), { ...posSections(pos), ...tagSections(defaultDict.tags!, 'default.') }));

  const idf = IdfTable.fromText(readFileSync(new URL('analyse/idf.txt', dataDir)), 'data/jieba/analyse/idf.txt');
  written.push(writeGzipped(new URL('idf.img.gz', outDir), idfSections(idf)));

  const big = PrefixDictionary.fromText(readFileSync(new URL('dict.txt.big', dataDir)), 'data/jieba/dict.txt.big');
  written.push(writeGzipped(new URL('packages/big/big.img.gz', root), { ...dictionarySections(big), ...hmmSections(hmm) }));

  const lac = readLacModel((file) => readFileSync(new URL(`data/lac_small/${file}`, root)));
  const lacImage = lacSections(lac);
  // The weight matrices (99.9% of the model) in half precision: SIGHAN 2005 F1 moves by less than 0.0001 (see the README).
  const matrices = Object.keys(lacImage).filter((name) => /\.(embedding|w)$/.test(name));
  // The embedding (5.4 MB of 6.6) checked by blocks of 128 rows, so that Node.js reads each block when a sentence first needs one of its rows.
  const encodings = Object.fromEntries(matrices.map((name) => [name, name === 'lac.embedding' ? { float16: true, blocks: EMBEDDING_BLOCK_BYTES } : { float16: true }]));
  write(new URL('packages/paddle/paddle.img', root), encodeImage(lacImage, encodings), started);
  await Promise.all(written);
}

await main();
