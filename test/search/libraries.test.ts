/**
 * The recipes of the README's "Search libraries" section, run with the real
 * libraries: a small Chinese collection indexed with jieba-ts's terms, and
 * queries that must return exactly the right documents. Each library's own
 * tokenizer is tried too, to show the recipe is what makes them work.
 */

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { create, insertMultiple, search as oramaSearch } from '@orama/orama';
import { Index as FlexIndex } from 'flexsearch';
import lunr from 'lunr';
import MiniSearch from 'minisearch';
import { lunrPlugin, oramaTokenizer, queryTokenizer, searchTokenizer } from '../../src/index.js';

const DOCUMENTS = [
  { id: 1, body: '清华大学是中国著名的高等学府' },
  { id: 2, body: '北京大学位于北京市海淀区' },
  { id: 3, body: '我在上海的一家公司工作' },
  { id: 4, body: '小明硕士毕业于中国科学院计算所' },
  { id: 5, body: 'ｉＰｈｏｎｅ 手机的销量很好' },
  { id: 6, body: '南京市长江大桥通车了' },
  { id: 7, body: '大学生的就业问题' },
];

/** Queries and the documents each must find: a word inside longer words, a long word, a word of one document. */
const QUERIES: [string, number[]][] = [
  ['大学', [1, 2, 7]],
  ['清华大学', [1]],
  ['北京', [2]],
  ['中国', [1, 4]],
  ['长江大桥', [6]],
  ['计算所', [4]],
  ['学府', [1]],
  ['iphone', [5]],
  ['IPHONE 手机', [5]],
];

/** The options every recipe uses: case and width folded, so that "iphone" finds "ｉＰｈｏｎｅ". */
const FOLD = { foldCase: true, foldWidth: true } as const;

const sorted = (ids: Iterable<unknown>): number[] => [...ids].map(Number).sort((a, b) => a - b);

describe('search libraries with jieba-ts terms', () => {
  it('MiniSearch: tokenize and searchOptions.tokenize', () => {
    const mini = new MiniSearch({
      fields: ['body'],
      tokenize: searchTokenizer(FOLD),
      searchOptions: { tokenize: queryTokenizer(FOLD), combineWith: 'AND' },
    });
    mini.addAll(DOCUMENTS);
    for (const [query, ids] of QUERIES) assert.deepEqual(sorted(mini.search(query).map((r) => r.id)), ids, query);
    // MiniSearch's own tokenizer splits on spaces and punctuation: a Chinese sentence is one term.
    const plain = new MiniSearch({ fields: ['body'] });
    plain.addAll(DOCUMENTS);
    assert.deepEqual(plain.search('大学'), []);
  });

  it('FlexSearch: encode', async () => {
    const index = new FlexIndex({ encode: searchTokenizer(FOLD) });
    for (const { id, body } of DOCUMENTS) index.add(id, body);
    // FlexSearch encodes queries with the same function: search-mode terms, all required.
    for (const [query, ids] of QUERIES) assert.deepEqual(sorted(await index.search(query)), ids, query);
    const plain = new FlexIndex();
    for (const { id, body } of DOCUMENTS) plain.add(id, body);
    assert.deepEqual(await plain.search('大学'), []);
  });

  it('Orama: components.tokenizer', async () => {
    const db = create({ schema: { body: 'string' } as const, components: { tokenizer: oramaTokenizer(FOLD) } });
    await insertMultiple(db, DOCUMENTS.map(({ id, body }) => ({ id: String(id), body })));
    for (const [query, ids] of QUERIES) {
      const results = await oramaSearch(db, { term: query, properties: ['body'], threshold: 0 });
      assert.deepEqual(sorted(results.hits.map((hit) => hit.id)), ids, query);
    }
    const plain = create({ schema: { body: 'string' } as const });
    await insertMultiple(plain, DOCUMENTS.map(({ id, body }) => ({ id: String(id), body })));
    const found = await oramaSearch(plain, { term: '大学', properties: ['body'], threshold: 0 });
    assert.equal(found.hits.length, 0);
  });

  it('Lunr: the plugin, and index.query with required terms', () => {
    const index = lunr(function () {
      this.use(lunrPlugin(lunr, FOLD));
      this.ref('id');
      this.field('body');
      for (const document of DOCUMENTS) this.add(document);
    });
    const query = queryTokenizer(FOLD);
    for (const [text, ids] of QUERIES) {
      const results = index.query((q) => {
        for (const term of query(text)) q.term(term, { presence: lunr.Query.presence.REQUIRED });
      });
      assert.deepEqual(sorted(results.map((r) => r.ref)), ids, text);
    }
    const plain = lunr(function () {
      this.ref('id');
      this.field('body');
      for (const document of DOCUMENTS) this.add(document);
    });
    assert.deepEqual(plain.search('大学'), []);
  });
});
