/**
 * `jieba --keywords`: TF-IDF or TextRank keywords of the whole input, or of
 * each line.
 *
 * @module
 */

import { DictionaryError } from '../dictionary/errors.js';
import { TextRank, TfIdf, type Keyword, type KeywordOptions } from '../index.js';
import { splitRuleFor } from '../cut/stream.js';
import type { CliOptions } from './args.js';
import { openAndLoad } from './input.js';
import type { CliIo } from './io.js';
import { InputError, LineTooLong, readLineBatches } from './lines.js';
import { Output, OutputClosed } from './output.js';

/**
 * The most UTF-16 units `--keywords` takes as one document: 2^26 (64 Mi),
 * some 200 MB of Chinese, far below V8's string limit; its words alone then
 * take about a gigabyte to count.
 */
const KEYWORD_DOCUMENT_UNITS = 1 << 26;

/** A keyword as text: `word`, with `:weight` when weights are asked for. */
function keywordText(keyword: Keyword): string {
  if (typeof keyword === 'string') return keyword;
  return 'weight' in keyword ? `${keyword.word}:${keyword.weight}` : keyword.word;
}

/** `--keywords`: TF-IDF or TextRank keywords of the whole input, or of each line. */
export async function keywordsCommand(options: CliOptions, io: CliIo, say: (text: string) => void): Promise<number> {
  const opened = openAndLoad(options, io, say);
  if (typeof opened === 'number') return opened;
  const { input, tokenizer } = opened;
  let extract: (text: string) => Keyword[];
  try {
    const keywordOptions: KeywordOptions = {
      topK: options.topK ?? 20,
      withWeight: options.withWeight,
      ...(options.allowPOS ? { allowPOS: options.allowPOS } : {}),
    };
    const stopWords = options.stopWords;
    if (options.keywords === 'textrank') {
      const rank = new TextRank(tokenizer, stopWords === undefined ? {} : { stopWords });
      extract = (text) => rank.extract(text, keywordOptions);
    } else {
      const tfidf = new TfIdf(tokenizer, {
        ...(options.idf === undefined ? {} : { idf: options.idf }),
        ...(stopWords === undefined ? {} : { stopWords }),
      });
      extract = (text) => tfidf.extract(text, keywordOptions);
    }
  } catch (error) {
    if (error instanceof DictionaryError) {
      say(`jieba: ${error.message}\n`);
      return 1;
    }
    throw error;
  }

  const output = new Output(io.stdout);
  const print = (found: Keyword[]): Promise<void> | void =>
    output.write((options.json ? JSON.stringify(found) : found.map(keywordText).join(options.delimiter)) + '\n');
  const documentLines: string[] = [];
  let documentUnits = 0;
  const tooLarge = (what: string): string =>
    `jieba: ${input.name}: ${what} is more than --keywords holds as one document ` +
    `(${KEYWORD_DOCUMENT_UNITS.toLocaleString('en-US')} characters); use --each-line, or split the input\n`;
  try {
    // Lines stay whole (paddle's rule never splits), but a line past the limit stops the reading before it can reach V8's.
    const longLines = { rule: splitRuleFor('whole'), partUnits: KEYWORD_DOCUMENT_UNITS, maxUnits: KEYWORD_DOCUMENT_UNITS };
    for await (const lines of readLineBatches(input.stream, {
      universalNewlines: input.universal,
      replaceInvalid: options.replaceInvalid,
      name: input.name,
      longLines,
    })) {
      for (const item of lines) {
        // With a rule that never splits, the reader hands out whole lines only.
        const line = item as string;
        if (!options.eachLine) {
          documentUnits += line.length + 1;
          if (documentUnits > KEYWORD_DOCUMENT_UNITS) {
            await output.flush();
            say(tooLarge('the input'));
            return 1;
          }
          documentLines.push(line);
          continue;
        }
        const written = print(extract(line));
        if (written) await written;
      }
    }
    if (!options.eachLine) await print(extract(documentLines.join('\n')));
    await output.flush();
  } catch (error) {
    if (error instanceof OutputClosed) return 0;
    if (error instanceof InputError) {
      await output.flush().catch(() => undefined);
      say(`jieba: ${error.message}; use --replace-invalid to decode bad bytes as U+FFFD\n`);
      return 1;
    }
    if (error instanceof LineTooLong) {
      await output.flush().catch(() => undefined);
      say(tooLarge(`line ${error.line}`));
      return 1;
    }
    throw error;
  }
  return 0;
}
