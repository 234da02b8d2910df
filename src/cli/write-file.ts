/**
 * Output files of the commands (`train -o`, `discover -o`, `freq --chart`,
 * `--save-image`), written whole or not at all.
 *
 * @module
 */

import { renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

/** Files written so far by this process (for unique temporary names). */
let written = 0;

/**
 * Write `data` to `path` through a temporary file beside it, renamed over
 * `path` once complete: a reader never sees half a file, and a failure
 * (disk full, interrupted run) leaves any old `path` as it was. The
 * temporary file is removed when writing fails.
 *
 * @throws the error of the write or the rename (`path` in its `path` when the rename failed)
 * @example
 * writeFileAtomic('mine.img', tokenizer.compileDictionary());
 */
export function writeFileAtomic(path: string, data: string | Uint8Array): void {
  // Same directory, so the rename stays within one file system (atomic);
  // the process, the time and a counter keep writers' names apart.
  const temporary = join(dirname(path), `.${basename(path)}.${process.pid}.${Date.now().toString(36)}.${(written++).toString(36)}.tmp`);
  try {
    writeFileSync(temporary, data, { flag: 'wx' });
    renameSync(temporary, path);
  } catch (error) {
    rmSync(temporary, { force: true });
    const e = error as NodeJS.ErrnoException;
    // Name the file asked for, not the temporary one.
    if (e && typeof e === 'object' && 'path' in e) e.path = path;
    throw error;
  }
}
