// .rapportrc.yaml: found upward from the working directory, or named with
// --config. Unknown keys are errors, so a typo never silently does nothing.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import type { ConfigFile } from './config-schema.js';
import { InputError } from './errors.js';
import { yamlProblem } from '../core/limits.js';

const MAX_CONFIG_BYTES = 2 * 1024 * 1024;

export const CONFIG_NAMES = ['.rapportrc.yaml', '.rapportrc.yml', 'rapport.config.yaml'] as const;

export type Config = ConfigFile & { file: string | null; dir: string };

export function findConfig(from: string): string | null {
  for (let dir = resolve(from); ; dir = dirname(dir)) {
    for (const name of CONFIG_NAMES) {
      const candidate = join(dir, name);
      if (existsSync(candidate)) return candidate;
    }
    if (dirname(dir) === dir) return null;
  }
}

/** Parsing needs yaml and zod; they are loaded only when there is a config file to read. */
export async function parseConfig(content: string, file: string): Promise<Config> {
  const [yamlModule, { configSchema }] = await Promise.all([import('yaml'), import('./config-schema.js')]);
  // Bundled by esbuild, yaml's CommonJS build puts its exports on `default` only.
  const { LineCounter, parseDocument, isNode } = yamlModule.default ?? yamlModule;
  const lineCounter = new LineCounter();
  const document = parseDocument(content, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const at = (offset: number | undefined): [number, number] => {
    const { line, col } = lineCounter.linePos(offset ?? 0);
    return [line, col];
  };
  const syntax = document.errors[0];
  if (syntax) throw new InputError(file, yamlProblem(syntax.message), ...at(syntax.pos[0]));
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
export async function loadConfig(explicit: string | undefined, cwd: string): Promise<Config> {
  const file = explicit ?? findConfig(cwd);
  if (!file) return { file: null, dir: cwd };
  let content: string;
  try {
    content = readFileSync(file, 'utf8');
  } catch {
    throw new InputError(file, 'cannot read this config file');
  }
  // A config is a few lines; a huge one is a mistake or an attack on the YAML parser.
  if (content.length > MAX_CONFIG_BYTES) throw new InputError(file, `config file is larger than ${MAX_CONFIG_BYTES / 1024 / 1024} MiB`);
  return parseConfig(content, file);
}
