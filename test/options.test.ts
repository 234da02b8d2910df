import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { chineseAnalyzer, countWords, discoverWords, extractTags, searchTokenizer, textRank, Tokenizer } from '../src/index.js';

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

  it('refuse options a method does not have, naming them, the likely meant one and the method\'s own', () => {
    // Python's spelling, silently ignored, would give the HMM's cut where the caller asked for none.
    rejects(() => tokenizer.cut('他来到了网易杭研大厦', { HMM: false } as never), TypeError, /^jieba-ts: cut\(\) has no option HMM \(did you mean hmm\?\); its options are hmm, paddle, invalidUtf8$/);
    rejects(() => tokenizer.cut('北京', { cut_all: true } as never), TypeError, /cut\(\) has no option cut_all \(use the cutAll\(\) method\)/);
    rejects(() => tokenizer.cut('北京', { normalize: true } as never), TypeError, /cut\(\) has no option normalize; its options are hmm, paddle, invalidUtf8/);
    rejects(() => tokenizer.tag('北京', { use_paddle: true } as never), TypeError, /tag\(\) has no option use_paddle \(did you mean paddle\?\)/);
    rejects(() => tokenizer.cutAll('北京', { hmm: false } as never), TypeError, /^jieba-ts: cutAll\(\) has no option hmm; its options are invalidUtf8$/);
    rejects(() => tokenizer.cutForSearch('北京', { mode: 'search' } as never), TypeError, /cutForSearch\(\) has no option mode/);
    rejects(() => tokenizer.tokenize('北京', { Offsets: 'utf8' } as never), TypeError, /tokenize\(\) has no option Offsets \(did you mean offsets\?\)/);
    rejects(() => tokenizer.tokenizeOffsets('北京', { signal: undefined } as never), TypeError, /tokenizeOffsets\(\) has no option signal; its options/);
    rejects(() => tokenizer.tokenize('北京', { offset: 'utf8' } as never), TypeError, /tokenize\(\) has no option offset \(did you mean offsets\?\)/);
    rejects(() => tokenizer.cut('北京', { hnm: false } as never), TypeError, /cut\(\) has no option hnm \(did you mean hmm\?\)/);
    rejects(() => tokenizer.cut('北京', { paddles: true } as never), TypeError, /cut\(\) has no option paddles \(did you mean paddle\?\)/);
    rejects(() => tokenizer.cut('北京', { xyz: true } as never), TypeError, /cut\(\) has no option xyz; its options/);
    rejects(() => tokenizer.cutStream({ hmm: true, paddle: true } as never), TypeError, /cutStream\(\) has no option paddle; its options are mode, hmm$/);
    rejects(() => new Tokenizer({ userDict: 'user.txt' } as never), TypeError, /^jieba-ts: Tokenizer\(\) has no option userDict; its options are dict, tagDict, eager$/);
    rejects(() => extractTags('北京大学', { topk: 3 } as never), TypeError, /extractTags\(\) has no option topk \(did you mean topK\?\)/);
    rejects(() => textRank('北京大学', { allow_pos: ['n'] } as never), TypeError, /textRank\(\) has no option allow_pos \(did you mean allowPOS\?\)/);
    rejects(() => countWords('北京', { minlength: 2 } as never), TypeError, /countWords\(\) has no option minlength \(did you mean minLength\?\)/);
    rejects(() => discoverWords('北京', { min_count: 2 } as never), TypeError, /discoverWords\(\) has no option min_count \(did you mean minCount\?\)/);
    rejects(() => searchTokenizer({ foldcase: true } as never), TypeError, /searchTokenizer\(\) has no option foldcase \(did you mean foldCase\?\)/);
    rejects(() => chineseAnalyzer({ stoplist: ['的'] } as never), TypeError, /chineseAnalyzer\(\) has no option stoplist \(did you mean stopWords\?\); its options are stopWords, minSize, stem, tokenizer/);
    rejects(() => chineseAnalyzer({ stemfn: null } as never), TypeError, /chineseAnalyzer\(\) has no option stemfn \(did you mean stem\?\)/);
    rejects(() => new Tokenizer({ dictionary: 'dict.txt' } as never), TypeError, /Tokenizer\(\) has no option dictionary \(did you mean dict\?\)/);
    assert.deepEqual(discoverWords('北京', { top: 5, minCount: 2, tokenizer }), []);
    // Known options, and known options left undefined, still pass.
    assert.deepEqual(tokenizer.cut('他来到了网易杭研大厦', { hmm: false, paddle: undefined, invalidUtf8: undefined }), ['他', '来到', '了', '网易', '杭', '研', '大厦']);
    assert.deepEqual(tokenizer.tokenize('北京', { mode: 'search', hmm: true, offsets: 'utf8' }), [{ word: '北京', start: 0, end: 6 }]);
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
