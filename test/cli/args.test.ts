import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseArgs } from '../../src/cli/args.js';
import { readJsonFixture } from '../support/fixtures.js';

interface ArgparseCase {
  argv: string[];
  ok?: {
    delimiter: string;
    pos: string | null;
    dict: string | null;
    user_dict: string | null;
    cutall: boolean;
    hmm: boolean;
    quiet: boolean;
    filename: string | null;
  };
  exit?: number;
  stdout?: string;
  error?: string;
}

describe('parseArgs reads command lines as Python\'s argparse does for python3 -m jieba', () => {
  const cases = readJsonFixture<ArgparseCase[]>('python/argparse.json');
  it('covers many cases', () => assert.ok(cases.length > 60));

  for (const c of cases) {
    it(JSON.stringify(c.argv), () => {
      const parsed = parseArgs(c.argv);
      if (c.ok) {
        assert.equal(parsed.kind, 'run', JSON.stringify(parsed));
        if (parsed.kind !== 'run') return;
        const o = parsed.options;
        assert.deepEqual(
          {
            delimiter: o.delimiter,
            pos: o.pos ?? null,
            dict: o.dict ?? null,
            user_dict: o.userDict ?? null,
            cutall: o.cutAll,
            hmm: o.hmm,
            quiet: o.quiet,
            filename: o.filename ?? null,
          },
          c.ok,
        );
      } else if (c.exit === 0) {
        assert.equal(parsed.kind, c.stdout?.startsWith('Jieba') ? 'version' : 'help');
      } else {
        assert.equal(parsed.kind, 'error');
        if (parsed.kind === 'error') assert.equal(`argp: error: ${parsed.message}`, c.error!.replace(/^\S+: error:/, 'argp: error:'));
      }
    });
  }

  it('knows the jieba-ts additions', () => {
    const parsed = parseArgs(['--search', '--replace-invalid', 'f']);
    assert.equal(parsed.kind, 'run');
    if (parsed.kind === 'run') {
      assert.equal(parsed.options.search, true);
      assert.equal(parsed.options.replaceInvalid, true);
    }
  });
});
