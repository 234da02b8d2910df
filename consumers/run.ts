/**
 * `npm run test:consumers`: jieba-ts as its users get it. Packs the
 * package and its companions as npm would publish them, installs the
 * tarballs into fresh projects outside the repository, then builds and
 * runs a small app with each tool of the matrix (`cases.ts`): Node.js old
 * and new (ESM, CommonJS, default import, the CLI), TypeScript 5.9 and 7
 * (nodenext, bundler, browser-only), esbuild (node and browser, ESM and
 * IIFE), Vite, webpack 5, Rollup, Bun, Deno, workerd, and module and
 * classic workers in Chromium. Every app must print what `jieba -d -q`
 * prints for the seed news transcript. TypeScript 5's compiler API also
 * reads the installed declarations: every public symbol must have its
 * TSDoc, with an example (`docs.ts`).
 *
 *   npm run build && npm run consumers:install && npm run test:consumers [-- --only vite,bun] [--keep]
 *
 * The tools come from consumers/package.json (installed by
 * `consumers:install`); Chromium is Debian's (/usr/bin/chromium).
 *
 * @module
 */

import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { appFiles, writeFiles } from './apps.js';
import { CASES, type Context } from './cases.js';
import { launchChromium, root, runOk, serveStatic, tool, type Browser } from './harness.js';

interface PackInfo {
  name: string;
  filename: string;
  size: number;
  unpackedSize: number;
  entryCount: number;
}

async function pack(destination: string, workspaces: string[]): Promise<PackInfo[]> {
  const args = ['pack', '--ignore-scripts', '--json', '--pack-destination', destination, ...workspaces.flatMap((w) => ['-w', w])];
  return JSON.parse((await runOk('npm', args, { cwd: root })).stdout) as PackInfo[];
}

async function project(dir: string, tarballs: string[], files: Record<string, string>): Promise<void> {
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'consumer-app', private: true, type: 'module' }, null, 2));
  await runOk('npm', ['install', '--no-audit', '--no-fund', '--ignore-scripts', '--prefer-offline', ...tarballs], { cwd: dir });
  writeFiles(dir, files);
}

async function main(): Promise<number> {
  const only = process.argv.includes('--only') ? process.argv[process.argv.indexOf('--only') + 1]!.split(',') : undefined;
  const keep = process.argv.includes('--keep');
  if (!existsSync(join(root, 'dist/bundle/index.js'))) throw new Error('build first: npm run build');
  if (!existsSync(tool('webpack'))) throw new Error('the tools are not installed: npm run consumers:install');

  const work = mkdtempSync(join(tmpdir(), 'jieba-ts-consumers-'));
  const started = performance.now();
  const packs = [...(await pack(work, [])), ...(await pack(work, ['jieba-ts-big', 'jieba-ts-paddle']))];
  for (const p of packs) {
    console.log(`${p.filename}: ${(p.size / 1048576).toFixed(2)} MiB packed, ${(p.unpackedSize / 1048576).toFixed(2)} MiB unpacked, ${p.entryCount} files`);
  }
  const tarball = (name: string): string => join(work, packs.find((p) => p.name === name)!.filename);
  const expected = readFileSync(join(root, 'test/fixtures/cli/seed-news.expected.txt'), 'utf8');
  const input = expected.replaceAll(' ', '');
  const files = appFiles(input);
  const app = join(work, 'app');
  const bare = join(work, 'bare');
  await project(app, [tarball('jieba-ts'), tarball('jieba-ts-big'), tarball('jieba-ts-paddle')], files);
  await project(bare, [tarball('jieba-ts')], files);
  console.log(`packed and installed in ${((performance.now() - started) / 1000).toFixed(1)} s, in ${work}\n`);

  const site = await serveStatic(work);
  let browser: Promise<Browser> | undefined;
  const context: Context = {
    project: app,
    bare,
    scratch(name) {
      const dir = join(work, 'out', name.replace(/[^\w.-]+/g, '-'));
      mkdirSync(dir, { recursive: true });
      return dir;
    },
    input,
    expected,
    browser: () => (browser ??= launchChromium()),
    site,
    urlOf: (dir) => `${site.url}${dir.slice(work.length + 1)}/`,
  };

  // As for the playground's test: without Chromium the browser cases are skipped, unless CI requires them.
  const noBrowser = !existsSync(process.env.CHROMIUM_PATH ?? '/usr/bin/chromium') && process.env.JIEBA_REQUIRE_BROWSER !== '1';
  const rows: string[] = ['| group | consumer | result | seconds | note |', '|---|---|---|---:|---|'];
  let failures = 0;
  for (const test of CASES) {
    if (only && !only.some((word) => `${test.group} ${test.name}`.toLowerCase().includes(word.toLowerCase()))) continue;
    const caseStarted = performance.now();
    let result = 'ok';
    let note = '';
    try {
      if (test.browser && noBrowser) [result, note] = ['skipped', 'no Chromium at /usr/bin/chromium (set JIEBA_REQUIRE_BROWSER=1 to fail instead)'];
      else note = (await test.run(context)) ?? '';
    } catch (error) {
      failures++;
      result = '**FAIL**';
      note = (error as Error).message.split('\n').slice(0, 6).join(' ').slice(0, 600);
    }
    const seconds = ((performance.now() - caseStarted) / 1000).toFixed(1);
    rows.push(`| ${test.group} | ${test.name} | ${result} | ${seconds} | ${note.replaceAll('|', '\\|')} |`);
    console.log(`${result === 'ok' ? 'ok  ' : result === 'skipped' ? 'skip' : 'FAIL'} ${test.group}: ${test.name} (${seconds} s)${note ? `\n     ${note}` : ''}`);
  }
  await (await browser)?.close();
  site.close();
  console.log(`\n${rows.join('\n')}\n`);
  console.log(`${failures === 0 ? 'all passed' : `${failures} failed`} in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  if (!keep) rmSync(work, { recursive: true, force: true });
  return failures === 0 ? 0 : 1;
}

main().then(
  (status) => {
    process.exitCode = status;
  },
  (error: Error) => {
    console.error(`test:consumers: ${error.message}`);
    process.exitCode = 1;
  },
);
