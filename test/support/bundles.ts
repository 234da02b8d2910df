/**
 * The built bundles under dist/bundle/, imported as a user's code imports
 * them, typed as the source modules they are built from. The browser and
 * embedded entries exist only as bundles (each is `src/index.ts` built
 * against another platform module), so tests of them run the real files.
 */

import { pathToFileURL } from 'node:url';
import { repoPath } from './fixtures.js';

/** What `jieba-ts`, `jieba-ts/browser` and `jieba-ts/embedded` export. */
export type JiebaModule = typeof import('../../src/index.js');

/**
 * Import `dist/bundle/<name>.js`; `fresh` makes a new module instance
 * (its own default tokenizer and shared data), as a new page would have.
 */
export async function importBundle<T = JiebaModule>(name: string, fresh?: string): Promise<T> {
  const url = pathToFileURL(repoPath(`dist/bundle/${name}.js`));
  if (fresh !== undefined) url.search = `?${fresh}`;
  return (await import(url.href)) as T;
}
