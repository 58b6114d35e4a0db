// The published JSON Schemas are what editors validate rule and config files
// against: they must be current, accept the built-in rules and reject a typo.
import { Ajv2020 } from 'ajv/dist/2020.js';
import { readdirSync, readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { configJsonSchema, ruleFileJsonSchema } from '../../src/io/build-assets.js';

const read = (path: string): unknown => JSON.parse(readFileSync(new URL(`../../${path}`, import.meta.url), 'utf8'));
const ruleFiles = readdirSync(new URL('../../rules', import.meta.url)).filter((name) => name.endsWith('.yaml'));

describe('published JSON Schemas', () => {
  it('match the zod schemas they are generated from', () => {
    expect(read('rules/schema.json')).toEqual(JSON.parse(JSON.stringify(ruleFileJsonSchema())));
    expect(read('rules/config.schema.json')).toEqual(JSON.parse(JSON.stringify(configJsonSchema())));
  });

  it('accept every built-in rule file and reject a misspelt key', () => {
    const validate = new Ajv2020({ strict: false }).compile(read('rules/schema.json') as object);
    for (const name of ruleFiles) {
      const data = parse(readFileSync(new URL(`../../rules/${name}`, import.meta.url), 'utf8'));
      expect(validate(data), `${name}: ${JSON.stringify(validate.errors?.[0])}`).toBe(true);
    }
    const typo = { rules: [{ ...(parse(readFileSync(new URL('../../rules/openness.yaml', import.meta.url), 'utf8')).rules[0] as object), paterns: ['x'] }] };
    expect(validate(typo)).toBe(false);
  });
});
