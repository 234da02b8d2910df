import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, it } from 'node:test';
import { repoPath } from './support/fixtures.js';

/**
 * The layers of `src/`, lowest first: a module may import from its own
 * layer and those below, never from above. Folders, or top-level files by
 * name. The README's "Layout" describes the same order.
 */
const LAYERS: readonly (readonly string[])[] = [
  ['text', 'math', 'scratch.ts', 'version.ts', 'options.ts', 'wasm-module.ts'],
  ['dictionary'],
  ['route', 'hmm'],
  ['cut', 'posseg', 'paddle'],
  // Images, decoded into the models of the layers below, and what a
  // platform must provide to read them.
  ['data', 'platform.ts'],
  ['fetch-io.ts', 'node-platform.ts', 'browser-platform.ts', 'embedded-platform.ts', 'idf-image.ts', 'posseg-image.ts'],
  ['tokenizer-options.ts', 'tokenizer.ts'],
  // Keywords take a tokenizer.
  ['analyse'],
  ['index.ts'],
  ['pool'],
  ['server'],
  ['cli'],
];

const src = repoPath('src');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return name.endsWith('.ts') && !name.endsWith('.d.ts') ? [path] : [];
  });
}

/** Each module's relative imports and re-exports, type-only ones included, as paths of `.ts` files. */
function importGraph(): Map<string, string[]> {
  const graph = new Map<string, string[]>();
  for (const file of sourceFiles(src)) {
    const text = readFileSync(file, 'utf8');
    const targets = [...text.matchAll(/^(?:import|export)\s[^;]*?from\s+'(\.[^']+)'/gms)].map((m) => resolve(dirname(file), m[1]!).replace(/\.js$/, '.ts'));
    graph.set(file, targets);
  }
  return graph;
}

function layerOf(file: string): number {
  const first = relative(src, file).split(/[\\/]/)[0]!;
  const layer = LAYERS.findIndex((names) => names.includes(first));
  assert.ok(layer >= 0, `src/${first} is in no layer of test/layout.test.ts`);
  return layer;
}

describe('source layout', () => {
  const graph = importGraph();

  it('has no import cycle in src/', () => {
    const state = new Map<string, 'open' | 'done'>();
    const stack: string[] = [];
    const cycles: string[] = [];
    const visit = (file: string): void => {
      state.set(file, 'open');
      stack.push(file);
      for (const target of graph.get(file) ?? []) {
        if (!graph.has(target)) continue;
        if (state.get(target) === 'open') cycles.push(stack.slice(stack.indexOf(target)).map((f) => relative(src, f)).join(' -> '));
        else if (!state.has(target)) visit(target);
      }
      stack.pop();
      state.set(file, 'done');
    };
    for (const file of graph.keys()) if (!state.has(file)) visit(file);
    assert.deepEqual(cycles, []);
  });

  it('imports only from its own layer and those below', () => {
    const upward: string[] = [];
    for (const [file, targets] of graph) {
      for (const target of targets) {
        if (graph.has(target) && layerOf(target) > layerOf(file)) upward.push(`${relative(src, file)} -> ${relative(src, target)}`);
      }
    }
    assert.deepEqual(upward, []);
  });
});
