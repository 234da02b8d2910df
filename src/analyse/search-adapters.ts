/**
 * The shapes two search libraries want their tokenizers in, typed here
 * structurally so that jieba-ts depends on neither: Orama's tokenizer
 * component, and a Lunr plugin.
 *
 * @module
 */

/** Orama's `Tokenizer` component (`components.tokenizer` of `create`). */
export interface OramaTokenizer {
  language: string;
  normalizationCache: Map<string, string>;
  tokenize(raw: string, language?: string, prop?: string, withCache?: boolean): string[];
}

/**
 * An Orama tokenizer cutting with `index` where Orama indexes a property
 * (it passes the property's name) and with `query` where it tokenizes a
 * search term (it passes none).
 *
 * @example
 * const db = create({ schema: { body: 'string' }, components: { tokenizer: oramaTokenizerOf(index, query) } });
 */
export function oramaTokenizerOf(index: (text: string) => string[], query: (text: string) => string[]): OramaTokenizer {
  return {
    language: 'mandarin',
    normalizationCache: new Map(),
    tokenize: (raw, _language, prop) => (prop === undefined ? query : index)(String(raw)),
  };
}

/** The part of the `lunr` module a plugin needs. */
export interface LunrModule {
  Token: new (text: string, metadata: object) => unknown;
}

/** The part of a Lunr `Builder` the plugin changes. */
export interface LunrBuilder {
  tokenizer: unknown;
  pipeline: { reset(): void };
  searchPipeline: { reset(): void };
}

/**
 * A Lunr plugin (`builder.use(plugin)`) that indexes the terms of `index`
 * and empties Lunr's pipelines: Lunr's trimmer strips every character
 * outside `\w`, so it would delete every Chinese term, and its stemmer and
 * stop words are English.
 *
 * @example
 * const idx = lunr(function () { this.use(lunrPluginOf(lunr, index)); this.field('body'); docs.forEach((d) => this.add(d)); });
 */
export function lunrPluginOf(lunr: LunrModule, index: (text: string) => string[]): (builder: LunrBuilder) => void {
  const tokenize = (value: unknown, metadata?: object): unknown[] => {
    if (value === null || value === undefined) return [];
    const texts = Array.isArray(value) ? value.map(String) : [String(value)];
    return texts.flatMap((text) => index(text).map((term, position) => new lunr.Token(term, { ...metadata, index: position })));
  };
  return (builder) => {
    builder.tokenizer = tokenize;
    builder.pipeline.reset();
    builder.searchPipeline.reset();
  };
}
