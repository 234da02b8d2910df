import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chosenWorkerScript, workerScript } from '../../src/pool/node-script.js';

const MISSING = pathToFileURL(join(tmpdir(), 'jieba-ts-no-such-dir', 'node-worker.js'));

/** Run `f` with the working directory and main module in an empty folder, where no jieba-ts is installed. */
function elsewhere<T>(f: () => T): T {
  const dir = mkdtempSync(join(tmpdir(), 'jieba-script-'));
  const [cwd, main] = [process.cwd(), process.argv[1]];
  process.chdir(dir);
  process.argv[1] = join(dir, 'app.mjs');
  try {
    return f();
  } finally {
    process.chdir(cwd);
    process.argv[1] = main!;
  }
}

describe('workerScript', () => {
  it('takes the script beside the module when it is there', () => {
    const beside = new URL('../../src/pool/node-worker.js', import.meta.url);
    assert.equal(workerScript('node-worker.js', () => beside).href, beside.href);
  });

  it("falls back on the jieba-ts installed beside the app, as a bundle's pool must", () => {
    for (const beside of [() => MISSING, (): URL => { throw new TypeError('Invalid URL'); }]) {
      const found = fileURLToPath(workerScript('node-worker.js', beside));
      assert.match(found, /dist[\\/]bundle[\\/]node-worker\.js$/);
      assert.match(fileURLToPath(workerScript('server-worker.js', beside)), /dist[\\/]bundle[\\/]server-worker\.js$/);
    }
  });

  it('says where it looked and what to do when there is no script anywhere', () => {
    elsewhere(() =>
      assert.throws(
        () => workerScript('node-worker.js', () => MISSING),
        (e: Error) =>
          e.message.includes(`not at ${fileURLToPath(MISSING)}`) &&
          e.message.includes("bundle 'jieba-ts/pool/worker' as an entry of its own and pass its path as the option workerUrl"),
      ),
    );
  });
});

describe('chosenWorkerScript', () => {
  it('takes a path or a file: URL of a file that is there', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'jieba-script-')), 'worker.mjs');
    writeFileSync(file, '');
    assert.equal(chosenWorkerScript(file, 'createPool').href, pathToFileURL(file).href);
    assert.equal(chosenWorkerScript(pathToFileURL(file), 'createPool').href, pathToFileURL(file).href);
    assert.equal(chosenWorkerScript(pathToFileURL(file).href, 'createPool').href, pathToFileURL(file).href);
  });

  it('refuses other types, other protocols and missing files, naming them', () => {
    assert.throws(() => chosenWorkerScript(3, 'createPool'), /createPool\(\) option workerUrl must be a path or a file: URL, got number/);
    assert.throws(() => chosenWorkerScript('https://example.com/w.js', 'createPool'), /must be a path or a file: URL, got "https:\/\/example.com\/w.js"/);
    assert.throws(() => chosenWorkerScript(MISSING, 'createPool'), (e: Error) => e instanceof TypeError && e.message.includes(`no file at ${fileURLToPath(MISSING)}`));
  });
});
