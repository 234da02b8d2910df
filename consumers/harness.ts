/**
 * What the consumer matrix runs on: child processes with time limits, a
 * static web server, headless Chromium, and the tools installed under
 * consumers/node_modules.
 *
 * @module
 */

import { spawn } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root (this file runs from dist/consumers/). */
export const root = fileURLToPath(new URL('../../', import.meta.url));

/** A file installed under consumers/node_modules. */
export function tool(path: string): string {
  return join(root, 'consumers/node_modules', path);
}

/** What a child process did. */
export interface Finished {
  status: number | null;
  stdout: string;
  stderr: string;
}

/**
 * Run a command to completion, killing it after `timeoutMs`.
 *
 * @example
 * const { status, stdout } = await run('node', ['app.mjs'], { cwd: project });
 */
export function run(command: string, args: readonly string[], options: { cwd: string; input?: string; env?: Record<string, string>; timeoutMs?: number }): Promise<Finished> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: options.cwd, env: { ...process.env, ...options.env }, stdio: ['pipe', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => out.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => err.push(chunk));
    const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 120_000);
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.on('close', (status) => {
      clearTimeout(timer);
      resolve({ status, stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8') });
    });
    child.stdin.end(options.input ?? '');
  });
}

/**
 * Start a long-running command (a server); `stop()` ends it and gives what
 * it printed.
 */
export function startProcess(command: string, args: readonly string[], cwd: string): { stop(): Promise<Finished> } {
  const child = spawn(command, args, { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
  const out: Buffer[] = [];
  const err: Buffer[] = [];
  child.stdout.on('data', (chunk: Buffer) => out.push(chunk));
  child.stderr.on('data', (chunk: Buffer) => err.push(chunk));
  const closed = new Promise<Finished>((resolve) => {
    child.on('error', (error) => resolve({ status: null, stdout: '', stderr: String(error) }));
    child.on('close', (status) => resolve({ status, stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8') }));
  });
  return {
    stop() {
      child.kill('SIGKILL');
      return closed;
    },
  };
}

/** {@link run}, failing unless the command exits with status 0. */
export async function runOk(command: string, args: readonly string[], options: Parameters<typeof run>[2]): Promise<Finished> {
  const result = await run(command, args, options);
  if (result.status !== 0) {
    throw new Error(`${[command, ...args].join(' ')} exited with ${result.status}:\n${result.stderr.slice(-2000)}${result.stdout.slice(-1000)}`);
  }
  return result;
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.mjs': 'text/javascript',
  '.css': 'text/css',
  '.json': 'application/json',
};

/** A static file server over `dir`, as any web host is: files by path, unknown types as bytes, nothing decoded. */
export interface StaticSite {
  url: string;
  close(): void;
  /** Bytes served so far, by path. */
  readonly served: Map<string, number>;
}

export function serveStatic(dir: string): Promise<StaticSite> {
  const served = new Map<string, number>();
  const server: Server = createServer((request, response) => {
    const path = normalize(decodeURIComponent(new URL(request.url!, 'http://x').pathname)).replace(/^(\.\.[/\\])+/, '');
    let file = join(dir, path);
    if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
    if (!file.startsWith(dir) || !existsSync(file)) return void response.writeHead(404).end();
    const body = readFileSync(file);
    served.set(path, (served.get(path) ?? 0) + body.length);
    response.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' }).end(body);
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () =>
      resolve({ url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`, close: () => server.close(), served }),
    ),
  );
}

/** The part of playwright-core's API used here. */
export interface BrowserPage {
  goto(url: string): Promise<unknown>;
  on(event: 'pageerror' | 'console', listener: (value: { message?: string; text?(): string }) => void): void;
  waitForFunction(fn: () => unknown, arg?: unknown, options?: { timeout: number }): Promise<unknown>;
  evaluate<T>(fn: () => T): Promise<T>;
  close(): Promise<void>;
}
export interface Browser {
  newPage(): Promise<BrowserPage>;
  close(): Promise<void>;
}

/** Debian's Chromium under playwright-core, as the playground's test launches it. */
export async function launchChromium(): Promise<Browser> {
  const executable = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  if (!existsSync(executable)) throw new Error(`no Chromium at ${executable} (apt-get install chromium, or set CHROMIUM_PATH)`);
  const { chromium } = (await import('playwright-core')) as unknown as { chromium: { launch(options: object): Promise<Browser> } };
  return chromium.launch({
    executablePath: executable,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

/** What the pages publish (functions below run in the page, not here). */
interface PageGlobals {
  __result?: string;
  __error?: string;
}

/**
 * Open `url` and wait for the page to set `window.__result` (a string) or
 * `window.__error`; return the result, or throw with what went wrong.
 * `check`, run in the page, must then return true. Functions rather than
 * strings, which a Content Security Policy without 'unsafe-eval' refuses.
 */
export async function pageResult(browser: Browser, url: string, check?: () => boolean, timeoutMs = 60_000): Promise<string> {
  const page = await browser.newPage();
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(error.message ?? String(error)));
  page.on('console', (message) => {
    const text = message.text?.() ?? '';
    if (/error/i.test(text)) problems.push(text);
  });
  try {
    await page.goto(url);
    try {
      await page.waitForFunction(() => (globalThis as PageGlobals).__result !== undefined || (globalThis as PageGlobals).__error !== undefined, undefined, { timeout: timeoutMs });
    } catch (error) {
      const why = (error as Error).message.split('\n')[0];
      throw new Error(`no result from ${url} in ${timeoutMs} ms (${why})${problems.length ? `: ${problems.join('; ')}` : ''}`);
    }
    const error = await page.evaluate(() => (globalThis as PageGlobals).__error);
    if (error !== undefined) throw new Error(`the page failed: ${error}`);
    if (check !== undefined && (await page.evaluate(check)) !== true) throw new Error(`on the page, ${check.toString()} is not true`);
    return (await page.evaluate(() => (globalThis as PageGlobals).__result))!;
  } finally {
    await page.close();
  }
}
