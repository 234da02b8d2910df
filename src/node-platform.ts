/**
 * The platform for Node.js, Deno and Bun: sources are files, and the
 * package's images are found in the installed packages when first read.
 *
 * Finding them survives bundling: this module looks beside itself first
 * (it sits one folder below `dist/`, compiled or bundled), then for the
 * package from the working directory, so a bundle deployed with its
 * `node_modules` still works. Where neither has the file, the error says
 * what to do, and `jieba-ts/embedded` needs no files at all.
 *
 * @module
 */

import { closeSync, existsSync, fstatSync, openSync, readSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { allocateImageBytes } from './data/checksum.js';
import { gunzipChunkSize } from './data/inflate.js';
import { imageName, isPackagedImage, OWN_IMAGES, type PackagedImage } from './data/packaged-image.js';
import { SharedModels } from './data/shared-models.js';
import { DictionaryError, ImageError, FetchError } from './dictionary/errors.js';
import type { ImageFile } from './data/open-image.js';
import { fetchBytes } from './fetch-io.js';
import type { Location, Platform } from './platform.js';

/**
 * The compiled default dictionary (jieba's dict.txt and HMM). Pass it to
 * name the default explicitly, e.g. as `tagDict`.
 *
 * @example
 * new Tokenizer({ dict: 'untagged.txt', tagDict: DEFAULT_DICTIONARY });
 */
export const DEFAULT_DICTIONARY: PackagedImage = OWN_IMAGES.dictionary;

/**
 * The compiled big dictionary (jieba's `dict.txt.big`, which adds
 * traditional-Chinese words), in the companion package `jieba-ts-big`
 * (`npm install jieba-ts-big`), as Python's
 * `jieba.set_dictionary('dict.txt.big')`.
 *
 * @example
 * new Tokenizer({ dict: BIG_DICTIONARY });
 */
export const BIG_DICTIONARY: PackagedImage = OWN_IMAGES.big;

/**
 * The compiled IDF table of `jieba.analyse` (`idf.txt`), read when TF-IDF
 * starts.
 *
 * @example
 * await tokenizer.load({ keywords: IDF_TABLE });
 */
export const IDF_TABLE: PackagedImage = OWN_IMAGES.idf;

/**
 * The compiled POS model of `jieba.posseg`, read when tagging starts.
 *
 * @example
 * await tokenizer.load({ pos: POS_MODEL });
 */
export const POS_MODEL: PackagedImage = OWN_IMAGES.pos;

/**
 * The compiled paddle-mode model (LAC small, from jieba 0.42.1), in the
 * companion package `jieba-ts-paddle` (`npm install jieba-ts-paddle`),
 * read the first time paddle mode is used.
 *
 * @example
 * cut('我来到北京清华大学', { paddle: true }); // reads PADDLE_MODEL
 */
export const PADDLE_MODEL: PackagedImage = OWN_IMAGES.paddle;

/**
 * This package's root, from this module's place one folder below `dist/`;
 * undefined where `import.meta.url` is gone (a CommonJS bundle made by
 * another tool: esbuild empties `import.meta` there).
 */
function ownPackageRoot(): string | undefined {
  try {
    const here = import.meta.url;
    return typeof here === 'string' && here.startsWith('file:') ? fileURLToPath(new URL('../../', here)) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The installed root of `packageName`, resolved from `base` (a directory),
 * or undefined: the first `node_modules` folder up from `base` that has
 * it, as Node.js looks, in a few `stat` calls; else Node's own resolution,
 * which also knows Yarn's Plug'n'Play and `NODE_PATH` but costs 4 ms cold
 * (a tenth of the paddle model's load).
 */
function resolvePackage(packageName: string, base: string): string | undefined {
  for (let dir = base; ; ) {
    const root = join(dir, 'node_modules', packageName);
    if (existsSync(join(root, 'package.json'))) return root;
    const parent = dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  try {
    return dirname(createRequire(join(base, 'noop.js')).resolve(`${packageName}/package.json`));
  } catch {
    return undefined;
  }
}

/** How to get a package's image when it cannot be found. */
function remedy(image: PackagedImage): string {
  if (image.packageName !== 'jieba-ts') {
    return `it ships in the package ${image.packageName}: npm install ${image.packageName}`;
  }
  return (
    "if jieba-ts was bundled, deploy node_modules/jieba-ts beside the bundle, or import from 'jieba-ts/embedded' " +
    '(the default dictionary inside the JavaScript), or pass the file: new Tokenizer({ dict: path })'
  );
}

/** The path of a packaged image: where its module says, beside jieba-ts, or in its installed package. */
function locate(image: PackagedImage, what: string): string {
  const tried: string[] = [];
  const consider = (path: string | undefined): string | undefined => {
    if (path === undefined) return undefined;
    if (existsSync(path)) return path;
    tried.push(path);
    return undefined;
  };
  let stated: string | undefined;
  try {
    const url = image.url?.();
    if (url?.protocol === 'file:') stated = fileURLToPath(url);
  } catch {
    // No import.meta.url in the module that made the reference: look elsewhere.
  }
  const own = image.packageName === 'jieba-ts' ? ownPackageRoot() : undefined;
  const found =
    consider(stated) ??
    consider(own && join(own, image.file)) ??
    [ownPackageRoot(), process.cwd()].reduce<string | undefined>((hit, base) => {
      const root = hit === undefined && base !== undefined ? resolvePackage(image.packageName, base) : undefined;
      return hit ?? consider(root && join(root, image.file));
    }, undefined);
  if (found !== undefined) return found;
  const where = tried.length > 0 ? `not at ${[...new Set(tried)].join(' or ')}` : `the package ${image.packageName} is not installed`;
  throw new FetchError(`cannot find the ${what} ${imageName(image)} (${where}); ${remedy(image)}`, imageName(image));
}

/**
 * Read a whole file into memory where an image's checksum runs compiled
 * (see `allocateImageBytes`), so that loading spends no time in cold code.
 * An unfiltered image is then used where it lies (the paddle model's
 * sections, its float16 matrices included, are views of this memory).
 */
function readFile(path: string | URL): Uint8Array {
  const fd = openSync(path, 'r');
  try {
    const stats = fstatSync(fd);
    if (stats.isDirectory()) throw Object.assign(new Error(`EISDIR: ${String(path)} is a directory`), { code: 'EISDIR' });
    const size = stats.size;
    const bytes = allocateImageBytes(size) ?? new Uint8Array(size);
    let read = 0;
    while (read < size) {
      const n = readSync(fd, bytes, read, size - read, read);
      if (n === 0) return bytes.subarray(0, read); // the file shrank meanwhile: a truncated image fails its length check
      read += n;
    }
    return bytes;
  } finally {
    closeSync(fd);
  }
}

/** The path of `location` and how messages name it. */
function pathOf(location: Location, what: string): [string | URL, string] {
  const path = isPackagedImage(location) ? locate(location, what) : location;
  return [path, isPackagedImage(location) ? path.toString() : typeof location === 'string' ? location : location.href];
}

/** A `FetchError` saying why `name` could not be read; errors of our own pass as they are. */
function readError(error: unknown, what: string, name: string): DictionaryError {
  if (error instanceof DictionaryError) return error;
  const code = (error as NodeJS.ErrnoException).code;
  const why = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a directory' : (error as Error).message;
  return new FetchError(`cannot read ${what} ${name}: ${why}`, name);
}

function read(location: Location, what: string): [Uint8Array, string] {
  const [path, name] = pathOf(location, what);
  try {
    return [readFile(path), name];
  } catch (error) {
    throw readError(error, what, name);
  }
}

/** `target.length` bytes of the file at `path` from `position` on, the file opened for this read alone. */
function readPiece(path: string | URL, name: string, target: Uint8Array, position: number): void {
  const fd = openSync(path, 'r');
  try {
    for (let done = 0; done < target.length; ) {
      const n = readSync(fd, target, done, target.length - done, position + done);
      if (n === 0) throw new ImageError(`${name} is shorter than when it was opened (replaced?)`, name);
      done += n;
    }
  } finally {
    closeSync(fd);
  }
}

function open(location: Location, what: string): ImageFile {
  const [path, name] = pathOf(location, what);
  try {
    const stats = statSync(path);
    if (stats.isDirectory()) throw Object.assign(new Error(`EISDIR: ${String(path)} is a directory`), { code: 'EISDIR' });
    return {
      name,
      size: stats.size,
      read(target, position) {
        try {
          readPiece(path, name, target, position);
        } catch (error) {
          throw readError(error, what, name);
        }
      },
    };
  } catch (error) {
    throw readError(error, what, name);
  }
}

/** Node, Deno and Bun. */
export const platform: Platform = {
  read,
  open,
  async fetch(location, what, fetchImpl) {
    const web = (typeof location === 'string' || location instanceof URL) && /^https?:/i.test(String(location));
    return web ? fetchBytes(location, what, fetchImpl) : read(location, what);
  },
  gunzip(bytes, name) {
    try {
      const out = gunzipSync(bytes, { chunkSize: gunzipChunkSize(bytes) });
      return new Uint8Array(out.buffer, out.byteOffset, out.length);
    } catch (error) {
      throw new ImageError(`${name} is damaged: ${(error as Error).message}`, name);
    }
  },
  images: {
    dictionary: DEFAULT_DICTIONARY,
    pos: POS_MODEL,
    idf: IDF_TABLE,
    big: BIG_DICTIONARY,
    paddle: PADDLE_MODEL,
  },
};

/** The data every tokenizer of this entry shares. */
export const sharedModels = new SharedModels(platform);

/** For tests: the path of a packaged image, as reading it would find it. */
export function locateImage(image: PackagedImage): string {
  return locate(image, 'image');
}

