/**
 * Soak cases for `jieba serve`: hostile and heavy clients against a real
 * server process, with `/health` timed all along and the server's memory
 * read from the kernel.
 *
 * @module
 */

import { connect, type Socket } from 'node:net';
import { readFileSync } from 'node:fs';
import { bodyOf, memoryOf, randomHan, root, sampleHealth, startServe, summary } from './harness.js';

/** One line of the report. */
export interface Outcome {
  name: string;
  /** What was measured, in words. */
  measured: string;
  /** The goal and the bar it must clear. */
  target: string;
  pass: boolean;
}

const MIB = 1 << 20;
/** The largest body the server takes by default, less a little for headers' sake. */
const BODY = MIB - 64;

/** Send a POST and never read the answer: the socket is paused and kept. */
function postAndIgnore(url: string, path: string, body: string): Promise<Socket> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), hostname, () => {
      socket.pause();
      socket.write(
        `POST ${path} HTTP/1.1\r\nhost: ${hostname}\r\ncontent-type: application/json\r\ncontent-length: ${Buffer.byteLength(body)}\r\n\r\n`,
      );
      socket.write(body, () => resolve(socket));
    });
    socket.on('error', () => undefined);
    socket.once('error', reject);
  });
}

async function post(url: string, path: string, body: string): Promise<{ status: number; bytes: number }> {
  const response = await fetch(`${url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
  return { status: response.status, bytes: (await response.arrayBuffer()).byteLength };
}

const ms = (value: number): string => (Number.isFinite(value) ? `${value.toFixed(0)} ms` : 'no answer');

/**
 * 60 clients each send 1 MB of spaces to /tokenize in search mode (a 40 MB
 * answer) and never read: memory must stay bounded, /health fast.
 */
export async function nonReadingClients(args: readonly string[] = []): Promise<Outcome> {
  const server = await startServe(args);
  const health = sampleHealth(server.url);
  const body = bodyOf(' ', BODY, { mode: 'search' });
  const sockets: Socket[] = [];
  try {
    sockets.push(...(await Promise.all(Array.from({ length: 60 }, () => postAndIgnore(server.url, '/tokenize', body)))));
    // Long enough for the admitted answers to be computed and to stall, and for send timeouts to free their slots.
    await new Promise((resolve) => setTimeout(resolve, 15_000));
  } finally {
    for (const socket of sockets) socket.destroy();
  }
  const latency = summary(await health.stop());
  const memory = memoryOf(server.child.pid!);
  await server.stop();
  const peak = memory?.peakMiB ?? NaN;
  return {
    name: '60 clients send 1 MB to /tokenize (search) and never read',
    measured: `peak RSS ${peak.toFixed(0)} MiB; /health median ${ms(latency.median)}, max ${ms(latency.max)} (${latency.count} samples)`,
    target: 'RSS ≤ 500 MB (476 MiB), /health ≤ 100 ms (bar 1 s)',
    pass: peak * 1048576 <= 500e6 && latency.max <= 1000,
  };
}

/** Heavy requests answered in parallel while /health is timed. */
async function heavyLoad(name: string, path: string, body: string, count: number): Promise<Outcome> {
  const server = await startServe();
  // One warm request first, so that the measurement is of load, not start-up.
  await post(server.url, '/cut', '{"text":"预热"}');
  const health = sampleHealth(server.url, 20);
  const results = await Promise.all(Array.from({ length: count }, () => post(server.url, path, body)));
  const latency = summary(await health.stop());
  await server.stop();
  const statuses = [...new Set(results.map((r) => r.status))].join(', ');
  return {
    name,
    measured: `/health median ${ms(latency.median)}, max ${ms(latency.max)} (${latency.count} samples); answers: ${statuses}`,
    target: '/health ≤ 50 ms (bar 200 ms)',
    pass: latency.max <= 200,
  };
}

/** 16 concurrent 1 MB /tag requests. */
export function concurrentTags(): Promise<Outcome> {
  return heavyLoad('16 concurrent 1 MB /tag requests', '/tag', bodyOf(randomHan(1000, 3), BODY), 16);
}

/** One 1 MB TextRank request (it runs into the 30 s time limit). */
export function oneTextRank(): Promise<Outcome> {
  return heavyLoad('one 1 MB /keywords request with TextRank', '/keywords', bodyOf(randomHan(349_000, 5), BODY, { method: 'textrank' }), 1);
}

/**
 * SIGTERM with four 1 MB /tag requests in flight, `runs` times: none may
 * go unanswered. The text is news (about a second of tagging each), so
 * that twenty runs fit the soak's time.
 */
export async function drainOnSigterm(runs = 20): Promise<Outcome> {
  const body = bodyOf(readFileSync(`${root}test/fixtures/corpus/seed-news.txt`, 'utf8').replaceAll('\n', ''), BODY);
  let dropped = 0;
  let answered = 0;
  for (let run = 0; run < runs; run++) {
    const server = await startServe();
    const requests = Array.from({ length: 4 }, () => post(server.url, '/tag', body).catch(() => ({ status: 0, bytes: 0 })));
    // Wait until all four are received, then stop.
    for (let i = 0; i < 200; i++) {
      const health = (await (await fetch(`${server.url}/health`)).json()) as { inflight: number };
      if (health.inflight >= 4) break;
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    const exited = server.stop();
    const results = await Promise.all(requests);
    for (const result of results) {
      if (result.status === 200 && result.bytes > 0) answered++;
      else dropped++;
    }
    await exited;
  }
  return {
    name: `SIGTERM with four 1 MB /tag requests in flight, ${runs} runs`,
    measured: `${answered} answered, ${dropped} dropped`,
    target: '0 dropped',
    pass: dropped === 0,
  };
}
