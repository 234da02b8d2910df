import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { BenchArgs, BenchUsageError } from '../../bench/args.js';

const OPTIONS = {
  rounds: { type: 'string' },
  gold: { type: 'string', multiple: true },
  curve: { type: 'boolean' },
  ratio: { type: 'string' },
} as const;

describe('BenchArgs', () => {
  it('reads values, repeated values, flags and defaults', () => {
    const args = new BenchArgs(OPTIONS, ['--rounds', '3', '--gold', 'a=x', '--curve', '--gold=b=y', '--ratio', '0.5']);
    assert.equal(args.count('rounds', 5), 3);
    assert.deepEqual(args.strings('gold'), ['a=x', 'b=y']);
    assert.equal(args.flag('curve'), true);
    assert.equal(args.positive('ratio', 4), 0.5);
    assert.equal(args.help, false);
    const none = new BenchArgs(OPTIONS, []);
    assert.equal(none.count('rounds', 5), 5);
    assert.deepEqual(none.strings('gold'), []);
    assert.equal(none.flag('curve'), false);
    assert.equal(none.positive('ratio', 4), 4);
    assert.equal(new BenchArgs(OPTIONS, ['-h']).help, true);
  });

  it('refuses an unknown option, a missing value and a stray argument', () => {
    assert.throws(() => new BenchArgs(OPTIONS, ['--round', '3']), BenchUsageError);
    assert.throws(() => new BenchArgs(OPTIONS, ['--rounds']), BenchUsageError);
    assert.throws(() => new BenchArgs(OPTIONS, ['corpus.txt']), BenchUsageError);
    assert.deepEqual(new BenchArgs(OPTIONS, ['corpus.txt'], true).positionals, ['corpus.txt']);
  });

  it('refuses a count or a number that is not one, naming the option and the value', () => {
    for (const bad of ['0', '-1', '2.5', 'x', '', '1e3']) {
      assert.throws(() => new BenchArgs(OPTIONS, [`--rounds=${bad}`]).count('rounds', 5), (error: Error) => {
        assert.ok(error instanceof BenchUsageError);
        assert.match(error.message, /--rounds/);
        assert.ok(error.message.includes(JSON.stringify(bad)), error.message);
        return true;
      });
    }
    assert.equal(new BenchArgs(OPTIONS, ['--rounds', '0']).count('rounds', 5, 0), 0);
    for (const bad of ['0', '-2', 'x', '', 'Infinity']) {
      assert.throws(() => new BenchArgs(OPTIONS, [`--ratio=${bad}`]).positive('ratio', 4), BenchUsageError);
    }
  });
});

describe('the bench scripts', () => {
  const script = (name: string): string => fileURLToPath(new URL(`../../bench/${name}.js`, import.meta.url));

  it('answer a mistyped option with one line and the usage, status 1, no stack', () => {
    const result = spawnSync(process.execPath, [script('run'), '--round', '3'], { encoding: 'utf8' });
    assert.equal(result.status, 1);
    assert.equal(result.stdout, '');
    assert.match(result.stderr, /^bench: Unknown option '--round'\nusage: npm run bench /);
    assert.doesNotMatch(result.stderr, /\n\s+at /);
  });

  it('answer a name they do not know with the names they do', () => {
    const result = spawnSync(process.execPath, [script('run'), '--engines', 'jieba-ts,nodejeiba'], { encoding: 'utf8' });
    assert.equal(result.status, 1);
    assert.match(result.stderr, /^bench: no engine named nodejeiba \(engines: jieba-ts, @node-rs\/jieba/);
    const modes = spawnSync(process.execPath, [script('accuracy'), '--modes', 'padle'], { encoding: 'utf8' });
    assert.equal(modes.status, 1);
    assert.match(modes.stderr, /^bench: --modes: no mode named padle/);
  });

  it('print the usage for --help, status 0', () => {
    const result = spawnSync(process.execPath, [script('pool'), '--help'], { encoding: 'utf8' });
    assert.equal(result.status, 0);
    assert.equal(result.stdout, 'usage: npm run bench:pool [-- --rounds N] [--no-cores] [--single-only]\n');
  });
});
