// The config file's schema: one zod declaration gives the validator, the
// TypeScript type and the published rules/config.schema.json.
import { z } from 'zod';

const ruleSetting = z.enum(['off', 'error', 'warning', 'info']);

export const configSchema = z.strictObject({
  $schema: z.string().optional(),
  packs: z.array(z.string().min(1)).optional().describe('extra rule pack folders, relative to this file'),
  rules: z.record(z.string(), ruleSetting).optional().describe('turn rules off or change their severity, by rule id'),
  lint: z
    .strictObject({
      minScore: z.number().min(0).max(100).optional().describe('an example scoring below this is an error'),
      ignore: z.array(z.string()).optional().describe('globs of files lint skips'),
      counsellorLabels: z.array(z.string().min(1)).optional().describe('speaker labels of example counsellor lines'),
      clientLabels: z.array(z.string().min(1)).optional().describe('speaker labels of client lines'),
      yamlKeys: z.array(z.string().min(1)).optional().describe('YAML keys that hold example replies'),
    })
    .optional(),
  batch: z
    .strictObject({
      counsellor: z.array(z.string().min(1)).optional().describe('speaker names that are the counsellor'),
    })
    .optional(),
});

export type ConfigFile = z.infer<typeof configSchema>;
