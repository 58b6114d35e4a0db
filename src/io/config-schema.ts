// The config file's schema: one zod declaration gives the validator, the
// TypeScript type and the published rules/config.schema.json.
import { z } from 'zod';

// `warn` is what ESLint and Vale configs say.
const ruleSetting = z
  .enum(['off', 'error', 'warning', 'warn', 'info'])
  .transform((setting) => (setting === 'warn' ? 'warning' : setting));

export const configSchema = z.strictObject({
  $schema: z.string().optional(),
  packs: z.array(z.string().min(1)).optional().describe('extra rule pack folders, relative to this file'),
  rules: z.record(z.string(), ruleSetting).optional().describe('turn rules off or change their severity, by rule id'),
  lint: z
    .strictObject({
      minScore: z.number().min(0).max(100).optional().describe('an example scoring below this is an error'),
      ignore: z.array(z.string()).optional().describe('globs of files lint skips'),
      counsellorLabels: z.array(z.string().min(1)).optional().describe('speaker labels of example counsellor lines, besides the default ones'),
      onlyCounsellorLabels: z
        .array(z.string().min(1))
        .optional()
        .describe('the only speaker labels of example counsellor lines: replaces the default ones (and counsellorLabels)'),
      clientLabels: z.array(z.string().min(1)).optional().describe('speaker labels of client lines'),
      yamlKeys: z.array(z.string().min(1)).optional().describe('YAML keys that hold example replies'),
    })
    .optional(),
  batch: z
    .strictObject({
      counsellor: z.array(z.string().min(1)).optional().describe('speaker names that are the counsellor, besides the default labels'),
    })
    .optional(),
});

export type ConfigFile = z.infer<typeof configSchema>;
