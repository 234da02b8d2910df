/**
 * What the benchmark measures and reports.
 *
 * @module
 */

/** Benchmark modes, in table order. */
export const MODES = ['cut', 'cutNoHmm', 'cutAll', 'cutForSearch', 'tag', 'keywords', 'keywordsPos'] as const;
/** One mode. */
export type BenchMode = (typeof MODES)[number];

/** What one measurement reports. */
export interface Measurement {
  engine: string;
  version: string;
  loadMs: number;
  /** MB/s per mode the engine has. */
  mbps: Partial<Record<BenchMode, number>>;
  /** Tokens produced in one pass, per mode (a sanity check that work happened). */
  tokens: Partial<Record<BenchMode, number>>;
  peakRssMiB: number;
}
