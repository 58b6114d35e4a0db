// A model reply is what a student compares their draft with: the rules must
// agree that each scenario has at least one that scores well.
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { critique } from '../../src/core/critique.js';
import { parseScenarioFile } from '../../src/practice/scenarios.js';
import { builtinPack } from '../helpers.js';

const folder = new URL('../../rules/scenarios/', import.meta.url);
const scenarios = readdirSync(folder)
  .filter((name) => name.endsWith('.yaml'))
  .flatMap((name) => parseScenarioFile(readFileSync(new URL(name, folder), 'utf8'), `rules/scenarios/${name}`));
const pack = await builtinPack();

describe('scenario model replies', () => {
  it.each(scenarios.map((scenario) => [scenario.id, scenario] as const))('%s has a model reply scoring 70 or more', (_id, scenario) => {
    const best = Math.max(...scenario.modelReplies.map((reply) => critique(pack, reply, scenario.client).score));
    expect(best).toBeGreaterThanOrEqual(70);
  });
});
