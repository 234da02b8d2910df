import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { extractTags, textRank, Tokenizer } from '../src/index.js';

/** An error of `kind` whose message names the method, the option and the value received. */
function rejects(call: () => unknown, kind: typeof TypeError | typeof RangeError, message: RegExp): void {
  assert.throws(call, (error: Error) => error instanceof kind && message.test(error.message), String(message));
}

describe('option checks', () => {
  const tokenizer = new Tokenizer();

  it('take null or no options as none, and refuse options that are not objects', () => {
    assert.deepEqual(tokenizer.cut('我来到北京', null as never), ['我', '来到', '北京']);
    assert.deepEqual(new Tokenizer(null as never).cut('北京'), ['北京']);
    assert.deepEqual(tokenizer.tokenize('北京', null as never), [{ word: '北京', start: 0, end: 2 }]);
    assert.ok(tokenizer.cutChunks(['北京'], null as never));
    rejects(() => tokenizer.cut('北京', 1 as never), TypeError, /^jieba-ts: cut\(\) options must be an object, got 1 \(a number\)$/);
    rejects(() => new Tokenizer('dict.txt' as never), TypeError, /^jieba-ts: Tokenizer\(\) options must be an object, got "dict\.txt" \(a string\)$/);
  });

  it('take booleans only where Python takes a truth value, naming the option and the value', () => {
    rejects(() => tokenizer.cut('北京', { hmm: 0 as never }), TypeError, /^jieba-ts: cut\(\) option hmm must be true or false, got 0 \(a number\)$/);
    rejects(() => tokenizer.cutForSearch('北京', { hmm: 'no' as never }), TypeError, /cutForSearch\(\) option hmm must be true or false, got "no" \(a string\)/);
    rejects(() => tokenizer.tag('北京', { hmm: null as never }), TypeError, /tag\(\) option hmm must be true or false, got null/);
    rejects(() => tokenizer.cut('北京', { paddle: 'yes' as never }), TypeError, /cut\(\) option paddle must be true, false or \{ normalize \}, got "yes"/);
    rejects(() => tokenizer.cut('北京', { paddle: { normalize: 1 as never } }), TypeError, /option paddle\.normalize must be true or false, got 1/);
    rejects(() => new Tokenizer({ eager: 'yes' as never }), TypeError, /Tokenizer\(\) option eager must be true or false/);
    assert.deepEqual(tokenizer.cut('他来到了网易杭研大厦', { hmm: false }), ['他', '来到', '了', '网易', '杭', '研', '大厦']);
  });

  it('name the choices of a mode', () => {
    rejects(() => tokenizer.tokenize('北京', { mode: 'all' as never }), RangeError, /^jieba-ts: tokenize\(\) option mode must be 'default' or 'search', got "all" \(a string\)$/);
    rejects(() => tokenizer.cutStream({ mode: 'fast' as never }), RangeError, /cutStream\(\) option mode must be 'default' or 'all' or 'search'/);
  });

  it('check keyword options: topK, allowPOS, withWeight and withFlag', () => {
    rejects(() => extractTags('北京大学', { topK: '3' as never }), TypeError, /^jieba-ts: extractTags\(\) option topK must be an integer or null, got "3" \(a string\)$/);
    rejects(() => extractTags('北京大学', { allowPOS: 'ns' as never }), TypeError, /extractTags\(\) option allowPOS must be an array of tags such as \['ns', 'n'\], got "ns" \(a string\)/);
    rejects(() => textRank('北京大学', { allowPOS: 'ns' as never }), TypeError, /textRank\(\) option allowPOS must be an array/);
    rejects(() => extractTags('北京大学', { withWeight: 1 as never }), TypeError, /option withWeight must be true or false, got 1/);
    rejects(() => textRank('北京大学', { withFlag: 'yes' as never }), TypeError, /option withFlag must be true or false/);
    assert.deepEqual(extractTags('北京大学北京大学的学生', null as never), extractTags('北京大学北京大学的学生'));
  });
});

describe('scratch memory', () => {
  it('is given back after a huge call, and the next calls still cut the same', async () => {
    setFlagsFromString('--expose-gc');
    const gc = runInNewContext('gc') as () => void;
    // V8 frees array buffers on a background thread after a collection: collect until the count settles.
    const settled = async (): Promise<number> => {
      let last = Infinity;
      for (let i = 0; i < 20; i++) {
        gc();
        await new Promise((resolve) => setTimeout(resolve, 25));
        const now = process.memoryUsage().arrayBuffers;
        if (now === last) return now;
        last = now;
      }
      return last;
    };
    const tokenizer = new Tokenizer();
    const small = '他来到了网易杭研大厦，在北京天安门前合影';
    const expected = { cut: tokenizer.cut(small), tag: tokenizer.tag(small), search: tokenizer.cutForSearch(small) };
    const before = await settled();
    const huge = '中华人民共和国中央人民政府'.repeat(200_000); // one run of 2.6 million characters
    tokenizer.cut(huge);
    tokenizer.cutForSearch(huge.slice(0, 1_000_000));
    tokenizer.tag(huge.slice(0, 600_000));
    const after = await settled();
    // Kept between calls: a few megabytes at most (SCRATCH_KEEP per buffer); the huge calls took over 60 MB.
    assert.ok(after - before < 12 * 1024 * 1024, `${((after - before) / 1048576).toFixed(1)} MiB kept`);
    assert.deepEqual({ cut: tokenizer.cut(small), tag: tokenizer.tag(small), search: tokenizer.cutForSearch(small) }, expected);
  });
});
