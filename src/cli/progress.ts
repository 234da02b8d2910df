/**
 * A progress line on standard error, for terminals only: bytes done (of the
 * total, when the input is a file), rate, and time left.
 *
 * @module
 */

import type { Writable } from 'node:stream';

function size(bytes: number): string {
  return bytes >= 1e9 ? `${(bytes / 1e9).toFixed(2)} GB` : `${(bytes / 1e6).toFixed(1)} MB`;
}

function duration(seconds: number): string {
  const s = Math.round(seconds);
  return s >= 3600 ? `${Math.floor(s / 3600)}h${String(Math.floor(s / 60) % 60).padStart(2, '0')}m` : `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}

/**
 * Redraws one line with `\r` at most ten times a second; silent unless the
 * stream is a terminal and the output is not (on the same screen, the output
 * is progress enough, and the two would be drawn over each other).
 */
export class Progress {
  private readonly started = performance.now();
  private lastDraw = -Infinity;
  private drawn = false;

  constructor(
    private readonly stream: Writable & { isTTY?: boolean },
    private readonly total: number | undefined,
    private readonly output?: { isTTY?: boolean },
  ) {}

  /** Whether anything will be shown. */
  get active(): boolean {
    return this.stream.isTTY === true && this.output?.isTTY !== true;
  }

  /** Report that `done` bytes have been processed. */
  update(done: number): void {
    if (!this.active) return;
    const now = performance.now();
    if (now - this.lastDraw < 100) return;
    this.lastDraw = now;
    const seconds = (now - this.started) / 1000;
    const rate = seconds > 0 ? done / seconds : 0;
    let line = `jieba: ${size(done)}`;
    if (this.total) line += ` of ${size(this.total)} (${((100 * done) / this.total).toFixed(0)}%)`;
    line += `, ${(rate / 1e6).toFixed(1)} MB/s`;
    if (this.total && rate > 0) line += `, ${duration((this.total - done) / rate)} left`;
    this.stream.write(`\r${line}\x1b[K`);
    this.drawn = true;
  }

  /** Clear the line. */
  done(): void {
    if (this.drawn) this.stream.write('\r\x1b[K');
  }
}
