/**
 * What the command does to each input line, as a plain description that can
 * be sent to a worker thread, and the function that does it.
 *
 * @module
 */

import type { CutMode } from '../cut/modes.js';
import { splitRuleFor, type SplitRule } from '../cut/stream.js';
import { BIG_DICTIONARY, DEFAULT_DICTIONARY, Tokenizer } from '../index.js';
import type { LineItem } from './lines.js';

/** Everything a worker needs to treat lines exactly as the main thread would. */
export interface LineJob {
  /** Main dictionary: a path, `'big'` for jieba's big dictionary, or undefined for the default. */
  dict: string | undefined;
  userDict: string | undefined;
  /** A cut mode, or `'tag'` (`-p`). */
  mode: CutMode | 'tag';
  hmm: boolean;
  /** Paddle mode (LAC) for `'default'` and `'tag'`, with or without input normalisation. */
  paddle: boolean | { normalize: true };
  delimiter: string;
  /** POS delimiter, for mode `'tag'`. */
  posDelimiter: string;
}

/** Load the tokenizer a job describes (the same in every thread). */
export function tokenizerFor(job: LineJob): Tokenizer {
  const dict = job.dict === 'big' ? BIG_DICTIONARY : job.dict;
  // python3 -m jieba builds its POS tagger before loading -D, so tags come from the default dictionary.
  const tagDict = job.mode === 'tag' && dict !== undefined ? DEFAULT_DICTIONARY : undefined;
  const tokenizer = new Tokenizer({ dict, tagDict, eager: true });
  if (job.userDict !== undefined) tokenizer.loadUserDict(job.userDict);
  return tokenizer;
}

/**
 * Where the job's lines may be cut into parts with the same words: paddle
 * mode reads a line whole, tagging keeps posseg's blocks whole, and the cut
 * modes keep theirs.
 */
export function splitRuleOf(job: LineJob): SplitRule {
  if (job.paddle) return splitRuleFor('whole');
  return splitRuleFor(job.mode);
}

/**
 * The output text for some lines: each line's words joined by the
 * delimiter, then `\n` (Python's `print`). The parts of a long line are
 * joined as the whole line's words would be.
 */
export function lineFormatter(tokenizer: Tokenizer, job: LineJob): (lines: readonly LineItem[]) => string {
  const { hmm, paddle, delimiter, posDelimiter } = job;
  const words: (line: string) => string[] =
    job.mode === 'tag'
      ? (line) => tokenizer.tag(line, { hmm, paddle }).map(({ word, tag }) => word + posDelimiter + tag)
      : job.mode === 'all'
        ? (line) => tokenizer.cutAll(line)
        : job.mode === 'search'
          ? (line) => tokenizer.cutForSearch(line, { hmm })
          : (line) => tokenizer.cut(line, { hmm, paddle });
  return (lines) => {
    // Paddle mode takes the batch's lines together: the network runs them two at a time.
    const paddled = paddle ? paddledWords(tokenizer, job, lines) : undefined;
    let out = '';
    for (let i = 0; i < lines.length; i++) {
      const item = lines[i]!;
      if (typeof item === 'string') {
        out += (paddled ? paddled[i]! : words(item)).join(delimiter) + '\n';
        continue;
      }
      const list = paddled ? paddled[i]! : words(item.text);
      // Earlier parts of the line had words (a part is cut only from a long text), so a delimiter goes between.
      if (!item.first && list.length > 0) out += delimiter;
      out += list.join(delimiter);
      if (item.last) out += '\n';
    }
    return out;
  };
}

/** Paddle mode's words (or `word/tag`s, for `-p`) of each of `lines`, from one `paddleMany` call. */
function paddledWords(tokenizer: Tokenizer, job: LineJob, lines: readonly LineItem[]): string[][] {
  const results = tokenizer.paddleMany(
    lines.map((item) => (typeof item === 'string' ? item : item.text)),
    typeof job.paddle === 'object',
  );
  if (job.mode !== 'tag') return results.map((result) => result.words);
  return results.map(({ words, tags }) => words.map((word, i) => word + job.posDelimiter + tags[i]!));
}
