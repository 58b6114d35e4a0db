// What bin/build.mjs needs from the source: the compiled built-in pack and the
// JSON Schemas, generated from the same zod schemas the validators use.
import { z } from 'zod';
import { ruleFileSchema } from '../core/rules/schema.js';
import { configSchema } from './config-schema.js';
export { builtinCache } from './packs.js';

export function ruleFileJsonSchema(): unknown {
  return { ...z.toJSONSchema(ruleFileSchema, { io: 'input' }), title: 'rapport rule file' };
}

export function configJsonSchema(): unknown {
  return { ...z.toJSONSchema(configSchema, { io: 'input' }), title: 'rapport config (.rapportrc.yaml)' };
}
