import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { EventEmitter } from 'node:events';
import { createServer } from 'node:net';
import { PassThrough } from 'node:stream';
import { describe, it } from 'node:test';
import { serveMain } from '../../src/cli/serve.js';
import type { RunningServer } from '../../src/server/index.js';
import { fixturePath, repoPath } from '../support/fixtures.js';

function io(): { io: { stdin: PassThrough; stdout: PassThrough; stderr: PassThrough }; out: () => string; err: () => string } {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  let err = '';
  stdout.on('data', (c: Buffer) => (out += c.toString()));
  stderr.on('data', (c: Buffer) => (err += c.toString()));
  return { io: { stdin: new PassThrough(), stdout, stderr }, out: () => out, err: () => err };
}

describe('jieba serve', () => {
  it('serves with a user dictionary loaded at start, and stops on SIGTERM with status 0', async () => {
    const { io: streams, err } = io();
    const signals = new EventEmitter();
    let running: RunningServer | undefined;
    const status = serveMain(['--port', '0', '-u', fixturePath('dict/jieba-userdict.txt')], streams, signals, (r) => {
      running = r;
    });
    while (!running) await new Promise((resolve) => setTimeout(resolve, 10));
    const response = await fetch(`${running.url}/cut`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ text: '李小福是创新办主任也是云计算方面的专家' }),
    });
    const { tokens } = (await response.json()) as { tokens: string[] };
    assert.ok(tokens.includes('创新办'), `user word missing from ${tokens.join('/')}`);
    signals.emit('SIGTERM');
    assert.equal(await status, 0);
    assert.match(err(), /listening on http:\/\/127\.0\.0\.1:\d+/);
    assert.match(err(), /stopped/);
  });

  it('prints its help', async () => {
    const { io: streams, out } = io();
    assert.equal(await serveMain(['--help'], streams), 0);
    assert.match(out(), /usage: jieba serve/);
  });

  it('refuses bad arguments with status 2', async () => {
    for (const argv of [
      ['--port', 'http'],
      ['--port', '70000'],
      ['--max-body', '0'],
      ['--bogus'],
      ['extra'],
      ['--big', '-D', 'x.txt'],
      ['--workers', '0'],
      ['--timeout', '1.5'],
      ['--max-inflight', 'many'],
      ['--allowed-hosts', ','],
    ]) {
      const { io: streams, err } = io();
      assert.equal(await serveMain(argv, streams), 2, argv.join(' '));
      assert.match(err(), /jieba serve: error: /);
    }
  });

  it('reports a missing dictionary with status 1, before listening', async () => {
    const { io: streams, err } = io();
    assert.equal(await serveMain(['--port', '0', '-u', '/nonexistent/user.txt'], streams), 1);
    assert.match(err(), /^jieba serve: .*\/nonexistent\/user\.txt/);
    assert.doesNotMatch(err(), /listening/);
  });

  it('reports a port in use with status 1', async () => {
    const blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const port = (blocker.address() as { port: number }).port;
    const { io: streams, err } = io();
    try {
      assert.equal(await serveMain(['--port', String(port), '-q'], streams), 1);
      assert.match(err(), /cannot listen on 127\.0\.0\.1:\d+: the port is in use/);
    } finally {
      blocker.close();
    }
  });

  it('runs as a process: `jieba serve --port 0` answers, then exits 0 on SIGTERM', async () => {
    const child = spawn(process.execPath, [repoPath('bin/jieba.js'), 'serve', '--port', '0'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    const url = await new Promise<string>((resolve, reject) => {
      child.stderr.on('data', (c: Buffer) => {
        stderr += c.toString();
        const found = /listening on (http:\/\/\S+)/.exec(stderr);
        if (found) resolve(found[1]!);
      });
      child.on('exit', () => reject(new Error(`exited early: ${stderr}`)));
    });
    const health = (await (await fetch(`${url}/health`)).json()) as { status: string };
    assert.equal(health.status, 'ok');
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    child.kill('SIGTERM');
    assert.equal(await exited, 0);
    assert.match(stderr, /stopped/);
  });
});
