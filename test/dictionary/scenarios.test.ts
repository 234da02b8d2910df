/**
 * Dictionary operations against Python jieba 0.42.1: user dictionaries in
 * every format variant, addWord/delWord/suggestFreq interleaved with cuts,
 * setDictionary, and custom main dictionaries, replayed from goldens.
 */

import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { describe, it } from 'node:test';
import { runScenario, sameResult, type OpResult, type Scenario } from '../../compat/dict-scenarios.js';
import { fixturePath, readJsonLinesGz } from '../support/fixtures.js';

describe('dictionary scenarios replayed against Python\'s results', () => {
  for (const file of readdirSync(fixturePath('golden/scenarios')).sort()) {
    it(file, () => {
      const scenarios = readJsonLinesGz<Scenario & { results: OpResult[] }>(`golden/scenarios/${file}`);
      assert.ok(scenarios.length > 0);
      let operations = 0;
      const failures: string[] = [];
      scenarios.forEach((scenario, s) => {
        const actual = runScenario(scenario);
        scenario.ops.forEach((op, i) => {
          operations++;
          if (!sameResult(scenario.results[i]!, actual[i]!)) {
            failures.push(`scenario ${s} op ${i} ${JSON.stringify(op).slice(0, 80)}: ${JSON.stringify(actual[i]).slice(0, 80)} != ${JSON.stringify(scenario.results[i]).slice(0, 80)}`);
          }
        });
      });
      assert.deepEqual(failures.slice(0, 8), [], `${failures.length} of ${operations} operations differ`);
    });
  }
});
