/**
 * Messages between the page and the segmentation worker.
 *
 * @module
 */

import type { CutMode } from 'jieba-ts/browser';

/** Load the tokenizer, with the POS model and IDF table. */
export interface InitRequest {
  type: 'init';
}

/** Segment `text`; answers carry the same `id`, so stale answers can be dropped. */
export interface SegmentRequest {
  type: 'segment';
  id: number;
  text: string;
  /** A cut mode of jieba-ts, or LAC's paddle mode. */
  mode: CutMode | 'paddle';
  hmm: boolean;
  /** Paddle mode only: look characters up as LAC was trained (not Python's behaviour). */
  normalize: boolean;
  keywords: 'tfidf' | 'textrank';
  /** User-dictionary lines (`word [freq] [tag]`), applied to a fresh tokenizer whenever they change. */
  userDict: string;
}

/** Count the words of a file the user dropped (read in the page: nothing is uploaded). */
export interface CountRequest {
  type: 'count';
  id: number;
  name: string;
  text: string;
}

export type WorkerRequest = InitRequest | SegmentRequest | CountRequest;

export interface ReadyReply {
  type: 'ready';
  /** Fetching and loading the dictionary, POS model and IDF table. */
  loadMs: number;
  bytes: number;
}

export interface ResultReply {
  type: 'result';
  id: number;
  /** The words of the chosen mode, in order (line breaks included). */
  tokens: string[];
  /** A POS tag for each token. */
  tags: string[];
  keywords: { word: string; weight: number }[];
  /** The most frequent words (no punctuation or spaces), most frequent first. */
  frequencies: [word: string, count: number][];
  /** Cutting, tagging and keyword extraction. */
  segmentMs: number;
  /** Words of the user dictionary in use, or why it was refused (the line is named). */
  userDict: { words: number } | { error: string };
}

export interface ErrorReply {
  type: 'error';
  message: string;
}

/** The words of a dropped file, counted. */
export interface CountsReply {
  type: 'counts';
  id: number;
  name: string;
  /** Words counted, and distinct words. */
  total: number;
  distinct: number;
  /** The 30 most frequent, for the bar chart. */
  top: [word: string, count: number][];
  /** The word cloud of the 150 most frequent, as SVG. */
  cloud: string;
  /** Every count, as `jieba freq` prints them. */
  tsv: string;
  countMs: number;
  /**
   * Words of the file that the dictionary lacks (`discoverWords`, as
   * `jieba discover` finds them), best first, each with the frequency that
   * makes jieba cut it whole (`suggestFreq`), for the user dictionary.
   */
  newWords: { word: string; count: number; freq: number }[];
  discoverMs: number;
}

/** Paddle mode's model is being fetched (once). */
export interface LoadingReply {
  type: 'loading';
  what: string;
}

export type WorkerReply = ReadyReply | ResultReply | ErrorReply | LoadingReply | CountsReply;
