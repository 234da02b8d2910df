/**
 * The engines the benchmark compares, each behind the same small interface:
 * jieba-ts and its peers from bench/node_modules. A peer that is not
 * installed (or fails to load) is skipped, not an error.
 *
 * @module
 */

import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

/** What the benchmark calls; a missing method is a mode the engine lacks. */
export interface EngineApi {
  cut?(text: string): unknown[];
  cutNoHmm?(text: string): unknown[];
  cutAll?(text: string): unknown[];
  cutForSearch?(text: string): unknown[];
  tag?(text: string): unknown[];
  keywords?(document: string): unknown[];
  /** TF-IDF keeping only the parts of speech of {@link KEYWORD_POS}. */
  keywordsPos?(document: string): unknown[];
  /**
   * Called before each timed pass over a corpus: an engine that remembers
   * results (jieba-ts keeps recent POS runs) starts each pass as if the
   * text were new, so that a pass is not timed on what the last one left.
   */
  beforePass?(): void;
}

/** The parts of speech `keywordsPos` keeps: jieba's own example (place and other nouns, verbal nouns, verbs). */
export const KEYWORD_POS = ['ns', 'n', 'vn', 'v'];

/** An engine: a name, its version, and how to load it. */
export interface Engine {
  name: string;
  version(): string;
  load(): Promise<EngineApi>;
}

const benchModules = fileURLToPath(new URL('../../bench/node_modules/', import.meta.url));
const requirePeer = createRequire(benchModules);

function peerVersion(name: string): string {
  return (JSON.parse(readFileSync(`${benchModules}${name}/package.json`, 'utf8')) as { version: string }).version;
}

/** Every engine, jieba-ts first. */
export const ENGINES: Engine[] = [
  {
    name: 'jieba-ts',
    version: () => (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }).version,
    async load() {
      // The shipped bundle, by package name; typed from the sources.
      const specifier: string = 'jieba-ts';
      const jieba = (await import(specifier)) as typeof import('../src/index.js');
      let tokenizer = new jieba.Tokenizer({ eager: true });
      let tfidf = new jieba.TfIdf(tokenizer);
      return {
        // A new tokenizer shares the loaded dictionary and models (0.1 ms)
        // but not the POS run cache.
        beforePass: () => {
          tokenizer = new jieba.Tokenizer({ eager: true });
          tfidf = new jieba.TfIdf(tokenizer);
        },
        cut: (t) => tokenizer.cut(t),
        cutNoHmm: (t) => tokenizer.cut(t, { hmm: false }),
        cutAll: (t) => tokenizer.cutAll(t),
        cutForSearch: (t) => tokenizer.cutForSearch(t),
        tag: (t) => tokenizer.tag(t),
        keywords: (d) => tfidf.extractTags(d, { topK: 20 }),
        keywordsPos: (d) => tfidf.extractTags(d, { topK: 20, allowPOS: KEYWORD_POS }),
      };
    },
  },
  {
    name: '@node-rs/jieba',
    version: () => peerVersion('@node-rs/jieba'),
    async load() {
      interface NodeRsJieba {
        cut(t: string, hmm: boolean): string[];
        cutAll(t: string): string[];
        cutForSearch(t: string, hmm: boolean): string[];
        tag(t: string, hmm: boolean): unknown[];
      }
      const { Jieba, TfIdf } = requirePeer('@node-rs/jieba') as {
        Jieba: { withDict(dict: Uint8Array): NodeRsJieba };
        TfIdf: { withDict(idf: Uint8Array): { extractKeywords(j: NodeRsJieba, text: string, topK: number, allowedPos?: string[]): unknown[] } };
      };
      const { dict, idf } = requirePeer('@node-rs/jieba/dict') as { dict: Uint8Array; idf: Uint8Array };
      const jieba = Jieba.withDict(dict);
      const tfidf = TfIdf.withDict(idf);
      return {
        cut: (t) => jieba.cut(t, true),
        cutNoHmm: (t) => jieba.cut(t, false),
        cutAll: (t) => jieba.cutAll(t),
        cutForSearch: (t) => jieba.cutForSearch(t, true),
        tag: (t) => jieba.tag(t, true),
        keywords: (d) => tfidf.extractKeywords(jieba, d, 20),
        keywordsPos: (d) => tfidf.extractKeywords(jieba, d, 20, KEYWORD_POS),
      };
    },
  },
  {
    name: 'jieba-wasm',
    version: () => peerVersion('jieba-wasm'),
    async load() {
      const wasm = requirePeer('jieba-wasm') as {
        cut(t: string, hmm: boolean): string[];
        cut_all(t: string): string[];
        cut_for_search(t: string, hmm: boolean): string[];
        tag(t: string, hmm: boolean): unknown[];
      };
      return {
        cut: (t) => wasm.cut(t, true),
        cutNoHmm: (t) => wasm.cut(t, false),
        cutAll: (t) => wasm.cut_all(t),
        cutForSearch: (t) => wasm.cut_for_search(t, true),
        tag: (t) => wasm.tag(t, true),
      };
    },
  },
  {
    name: 'nodejieba',
    version: () => peerVersion('nodejieba'),
    async load() {
      const nodejieba = requirePeer('nodejieba') as {
        load(): void;
        cut(t: string, hmm: boolean): string[];
        cutAll(t: string): string[];
        cutForSearch(t: string, hmm: boolean): string[];
        tag(t: string): unknown[];
        extract(t: string, topK: number): unknown[];
      };
      nodejieba.load();
      return {
        cut: (t) => nodejieba.cut(t, true),
        cutNoHmm: (t) => nodejieba.cut(t, false),
        cutAll: (t) => nodejieba.cutAll(t),
        cutForSearch: (t) => nodejieba.cutForSearch(t, true),
        tag: (t) => nodejieba.tag(t),
        keywords: (d) => nodejieba.extract(d, 20),
      };
    },
  },
  {
    name: 'Intl.Segmenter',
    version: () => `ICU ${process.versions.icu} (Node ${process.version})`,
    async load() {
      const segmenter = new Intl.Segmenter('zh', { granularity: 'word' });
      return { cut: (t) => Array.from(segmenter.segment(t), (s) => s.segment) };
    },
  },
];
