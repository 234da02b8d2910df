/**
 * Benchmark corpora of real text, built from installable packages rather
 * than from jieba's dictionary, so that the benchmark also sees what the
 * dictionary and the POS model do not cover:
 *
 * - `technical-tw`, `technical-cn`: manual pages (Debian's manpages-zh),
 *   the Debian Reference (debian-reference-zh-tw, -zh-cn) and TypeScript's
 *   compiler messages (npm `typescript`, a bench dependency): technical
 *   prose in traditional and simplified characters, full of English terms,
 *   options and paths;
 * - `classical-tw`: Tang poems in traditional characters (npm
 *   `chinese-poetry`, a bench dependency);
 * - `classical-cn`: Song ci in simplified characters (`chinese-poetry`),
 *   with the Tang and Song anthologies of Debian's fortunes-zh.
 *
 * Each corpus keeps the lines (of up to 2,000 characters) that hold a Han
 * character, in a fixed order, up to about 1.5 MB; it is built once into
 * bench/data. A corpus whose sources are all missing is reported, with the
 * packages to install, and skipped: the Debian ones with
 * `apt-get install manpages-zh debian-reference-zh-tw debian-reference-zh-cn fortunes-zh`,
 * the npm ones with `npm run bench:install`. Social-media text and laws
 * are not here: no package we could find holds them.
 *
 * @module
 */

import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';

const root = fileURLToPath(new URL('../../', import.meta.url));
const benchModules = join(root, 'bench', 'node_modules');
const outDir = join(root, 'bench', 'data');

/** Stop adding lines once a corpus has this many bytes. */
const TARGET_BYTES = 1_500_000;
/** Longer lines are not prose (tables, generated lists): left out. */
const MAX_LINE = 2000;

/** One source of lines: where it is, and how to read it. */
interface Source {
  /** What to install when it is missing. */
  readonly package: string;
  /** Its lines, or undefined when it is not installed. */
  lines(): string[] | undefined;
}

/** The corpora, by name. */
export const REAL_CORPORA: Record<string, readonly Source[]> = {
  'technical-tw': [manPages('zh_TW'), debianReference('zh-tw'), typescriptMessages('zh-tw')],
  'technical-cn': [manPages('zh_CN'), debianReference('zh-cn'), typescriptMessages('zh-cn')],
  'classical-tw': [poetry('quantangshi', /^poet\.tang\.\d+\.json$/)],
  'classical-cn': [poetry('songci', /^ci\.song\.\d+\.json$/), fortunes('tang300'), fortunes('song100')],
};

/**
 * Path of a real corpus, building it first if bench/data lacks it; undefined
 * (with the reason on standard error) when none of its sources is installed.
 *
 * @example
 * const path = realCorpusPath('classical-tw');
 */
export function realCorpusPath(name: string): string | undefined {
  const sources = REAL_CORPORA[name];
  if (!sources) throw new Error(`no real corpus named ${name}`);
  const file = join(outDir, `${name}.txt`);
  if (existsSync(file)) return file;
  const kept: string[] = [];
  let bytes = 0;
  const missing: string[] = [];
  // Sources take turns, so that each has a share when the first alone would fill the corpus.
  const lists = sources.map((source) => {
    const lines = source.lines();
    if (!lines) missing.push(source.package);
    return (lines ?? []).filter((line) => line.length <= MAX_LINE && /[\u4e00-\u9fff]/.test(line));
  });
  const positions = lists.map(() => 0);
  for (let turn = 0; bytes < TARGET_BYTES; turn++) {
    let added = false;
    for (let s = 0; s < lists.length && bytes < TARGET_BYTES; s++) {
      // 50 lines per source per turn.
      for (let n = 0; n < 50 && positions[s]! < lists[s]!.length; n++) {
        const line = lists[s]![positions[s]!++]!;
        kept.push(line);
        bytes += Buffer.byteLength(line) + 1;
        added = true;
      }
    }
    if (!added) break;
  }
  if (kept.length === 0) {
    process.stderr.write(`bench: corpus ${name} skipped: install ${missing.join(', ')}\n`);
    return undefined;
  }
  if (missing.length > 0) process.stderr.write(`bench: corpus ${name} built without ${missing.join(', ')}\n`);
  mkdirSync(outDir, { recursive: true });
  writeFileSync(file, kept.join('\n') + '\n');
  return file;
}

/** The files under `dir`, recursively, sorted (undefined when `dir` is missing). */
function filesUnder(dir: string): string[] | undefined {
  if (!existsSync(dir)) return undefined;
  const files: string[] = [];
  for (const entry of readdirSync(dir).sort()) {
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) files.push(...(filesUnder(path) ?? []));
    else files.push(path);
  }
  return files;
}

/** Text lines of a roff manual page: macros dropped (their arguments kept), escapes resolved. */
export function roffText(source: string): string[] {
  const lines: string[] = [];
  for (let line of source.split('\n')) {
    if (line.startsWith('.\\"') || line.startsWith("'\\\"")) continue;
    if (line.startsWith('.')) {
      const space = line.indexOf(' ');
      if (space < 0) continue;
      line = line.slice(space + 1).replace(/"/g, '');
    }
    line = line
      .replace(/\\f(\(..|\[[^\]]*\]|.)/g, '')
      .replace(/\\\(em|\\\(en/g, '—')
      .replace(/\\\((lq|rq)/g, '"')
      .replace(/\\[-e]/g, (m) => (m === '\\-' ? '-' : '\\'))
      .replace(/\\[,/&|^%:]/g, '')
      .replace(/\\(.)/g, '$1')
      .trim();
    if (line) lines.push(line);
  }
  return lines;
}

/** Text lines of an HTML page: tags dropped, the common entities decoded. */
export function htmlText(source: string): string[] {
  const text = source
    .replace(/<(script|style)[\s\S]*?<\/\1>/gi, '')
    .replace(/<br\s*\/?>|<\/(p|div|li|tr|h\d|pre|dt|dd|title)>/gi, '\n')
    .replace(/<[^>]*>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#(\d+);/g, (_, code: string) => String.fromCodePoint(Number(code)))
    .replace(/&nbsp;/g, ' ')
    .replace(/&amp;/g, '&');
  return text
    .split('\n')
    .map((line) => line.replace(/\s+/g, ' ').trim())
    .filter(Boolean);
}

function manPages(locale: string): Source {
  return {
    package: 'manpages-zh (Debian)',
    lines() {
      const files = filesUnder(`/usr/share/man/${locale}`);
      return files?.flatMap((file) => roffText(file.endsWith('.gz') ? gunzipSync(readFileSync(file)).toString('utf8') : readFileSync(file, 'utf8')));
    },
  };
}

function debianReference(language: string): Source {
  return {
    package: `debian-reference-${language} (Debian)`,
    lines() {
      const files = filesUnder('/usr/share/debian-reference');
      const pages = files?.filter((file) => file.endsWith(`.${language}.html`));
      return pages && pages.length > 0 ? pages.flatMap((page) => htmlText(readFileSync(page, 'utf8'))) : undefined;
    },
  };
}

function typescriptMessages(language: string): Source {
  return {
    package: 'typescript (npm, bench dependency)',
    lines() {
      const file = join(benchModules, 'typescript', 'lib', language, 'diagnosticMessages.generated.json');
      if (!existsSync(file)) return undefined;
      return Object.values(JSON.parse(readFileSync(file, 'utf8')) as Record<string, string>);
    },
  };
}

function poetry(folder: string, pattern: RegExp): Source {
  return {
    package: 'chinese-poetry (npm, bench dependency)',
    lines() {
      const dir = join(benchModules, 'chinese-poetry', 'dist', folder);
      if (!existsSync(dir)) return undefined;
      const files = readdirSync(dir)
        .filter((file) => pattern.test(file))
        .sort((a, b) => Number(/\d+/.exec(a)![0]) - Number(/\d+/.exec(b)![0]));
      const lines: string[] = [];
      for (const file of files) {
        for (const poem of JSON.parse(readFileSync(join(dir, file), 'utf8')) as { title?: string; rhythmic?: string; paragraphs?: string[] }[]) {
          const title = poem.title ?? poem.rhythmic;
          if (title) lines.push(title);
          lines.push(...(poem.paragraphs ?? []));
        }
        // Enough for any corpus: the rest of the files are not read.
        if (lines.length > 100_000) break;
      }
      return lines;
    },
  };
}

function fortunes(name: string): Source {
  return {
    package: 'fortunes-zh (Debian)',
    lines() {
      const file = `/usr/share/games/fortunes/${name}`;
      if (!existsSync(file)) return undefined;
      return readFileSync(file, 'utf8')
        .replace(/\x1b\[[0-9;]*m/g, '')
        .split('\n')
        .map((line) => line.trim())
        .filter((line) => line && line !== '%');
    },
  };
}
