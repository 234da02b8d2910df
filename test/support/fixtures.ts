/**
 * Paths to test fixtures and helpers to read them. Tests run from
 * dist/test/, the fixtures stay in test/fixtures/.
 */

import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';

const root = new URL('../../../', import.meta.url);

/** Absolute path of a file under test/fixtures/. */
export function fixturePath(relative: string): string {
  return fileURLToPath(new URL(`test/fixtures/${relative}`, root));
}

/** Absolute path of a file in the repository. */
export function repoPath(relative: string): string {
  return fileURLToPath(new URL(relative, root));
}

/** Parsed JSON fixture. */
export function readJsonFixture<T>(relative: string): T {
  return JSON.parse(readFileSync(fixturePath(relative), 'utf8')) as T;
}

/** Records of a gzipped JSON-lines fixture. */
export function readJsonLinesGz<T>(relative: string): T[] {
  const text = gunzipSync(readFileSync(fixturePath(relative))).toString('utf8');
  return text
    .split('\n')
    .filter((line) => line.length > 0)
    .map((line) => JSON.parse(line) as T);
}
