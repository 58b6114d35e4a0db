// .rapportrc.yaml: found upward from the working directory, or named with
// --config. Unknown keys are errors, so a typo never silently does nothing.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { LineCounter, parseDocument, isNode } from 'yaml';
import { z } from 'zod';
import { InputError } from './errors.js';

export const CONFIG_NAMES = ['.rapportrc.yaml', '.rapportrc.yml', 'rapport.config.yaml'] as const;

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

export type Config = z.infer<typeof configSchema> & { file: string | null; dir: string };

export function findConfig(from: string): string | null {
  for (let dir = resolve(from); ; dir = dirname(dir)) {
    for (const name of CONFIG_NAMES) {
      const candidate = join(dir, name);
      if (existsSync(candidate)) return candidate;
    }
    if (dirname(dir) === dir) return null;
  }
}

export function parseConfig(content: string, file: string): Config {
  const lineCounter = new LineCounter();
  const document = parseDocument(content, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const at = (offset: number | undefined): [number, number] => {
    const { line, col } = lineCounter.linePos(offset ?? 0);
    return [line, col];
  };
  const syntax = document.errors[0];
  if (syntax) throw new InputError(file, syntax.message.split('\n')[0]!, ...at(syntax.pos[0]));
  let data: unknown;
  try {
    data = document.toJS({ maxAliasCount: 100 }) ?? {};
  } catch (error) {
    throw new InputError(file, `cannot expand the YAML: ${(error as Error).message}`);
  }
  const parsed = configSchema.safeParse(data);
  if (!parsed.success) {
    // A misspelt key also shows up as a missing one; the unknown key is the real story.
    const issue = parsed.error.issues.find((candidate) => candidate.code === 'unrecognized_keys') ?? parsed.error.issues[0]!;
    const node = document.getIn(issue.path as (string | number)[], true);
    const detail =
      issue.code === 'unrecognized_keys' ? `unknown key ${issue.keys.map((key) => `"${key}"`).join(', ')}` : `${issue.path.join('.') || 'config'}: ${issue.message}`;
    throw new InputError(file, detail, ...at(isNode(node) ? node.range?.[0] : undefined));
  }
  const dir = dirname(resolve(file));
  return { ...parsed.data, packs: parsed.data.packs?.map((pack) => resolve(dir, pack)), file, dir };
}

/** The named config, else the nearest one upward from `cwd`, else an empty one. */
export function loadConfig(explicit: string | undefined, cwd: string): Config {
  const file = explicit ?? findConfig(cwd);
  if (!file) return { file: null, dir: cwd };
  let content: string;
  try {
    content = readFileSync(file, 'utf8');
  } catch {
    throw new InputError(file, 'cannot read this config file');
  }
  return parseConfig(content, file);
}
