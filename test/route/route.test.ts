import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { sharedModels } from '../../src/node-platform.js';
import { Dictionary } from '../../src/dictionary/dictionary.js';
import { bestRoute, RouteScratch } from '../../src/route/route.js';
import { readJsonFixture } from '../support/fixtures.js';

interface RouteCase {
  text: string;
  /** Python's `route[i]`: best log-probability of `text[i:]`, inclusive end of its first word. */
  route: [number, number][];
}

describe('best route (Tokenizer.calc)', () => {
  const dictionary = new Dictionary(sharedModels.defaultData().base);
  const cases = readJsonFixture<{ route: RouteCase[] }>('python/engine.json').route;

  it('scores every position and picks every first word as Python does, bit for bit', () => {
    const scratch = new RouteScratch();
    assert.ok(cases.length >= 10);
    for (const { text, route } of cases) {
      bestRoute(dictionary, text, 0, text.length, scratch);
      for (let i = 0; i < text.length; i++) {
        assert.equal(scratch.score[i], route[i]![0], `${text}: score at ${i}`);
        assert.equal(scratch.routeEnd[i], route[i]![1] + 1, `${text}: first word at ${i}`);
      }
    }
  });

  it('gives a block inside a longer text the route of the block alone', () => {
    const scratch = new RouteScratch();
    const { text, route } = cases.find((c) => c.text === '南京市长江大桥')!;
    const padded = `abc${text}xyz`;
    bestRoute(dictionary, padded, 3, 3 + text.length, scratch);
    for (let i = 0; i < text.length; i++) {
      assert.equal(scratch.score[i], route[i]![0]);
      assert.equal(scratch.routeEnd[i], 3 + route[i]![1] + 1);
    }
  });
});
