// .rapportrc.yaml: found upward from the working directory as far as the
// project root, or named with --config. Unknown keys are errors, so a typo
// never silently does nothing.
import { existsSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import type { ConfigFile } from './config-schema.js';
import { InputError } from './errors.js';
import { readBounded } from './input.js';
import { noteInput } from './output.js';
import { yamlLineBreaks, yamlProblem } from '../core/limits.js';


export const CONFIG_NAMES = ['.rapportrc.yaml', '.rapportrc.yml', 'rapport.config.yaml'] as const;

export type Config = ConfigFile & {
  file: string | null;
  dir: string;
  /** Where each rule id of `rules:` is written (line, column), so a bad one is reported there. */
  rulePositions?: Record<string, [number, number]>;
};

const PROJECT_MARKERS = ['.git', 'package.json'];

/** The nearest folder at or above `from` holding .git or package.json, or null outside any project. */
export function projectRoot(from: string): string | null {
  for (let dir = resolve(from); ; dir = dirname(dir)) {
    if (PROJECT_MARKERS.some((marker) => existsSync(join(dir, marker)))) return dir;
    if (dirname(dir) === dir) return null;
  }
}

/**
 * The nearest config from `from` upward, stopping at the project root, so a stray config in a
 * parent folder (/tmp, a home folder) never changes a run. Outside any project only `from` itself
 * is searched.
 */
export function findConfig(from: string): string | null {
  const start = resolve(from);
  const root = projectRoot(start) ?? start;
  for (let dir = start; ; dir = dirname(dir)) {
    for (const name of CONFIG_NAMES) {
      const candidate = join(dir, name);
      if (existsSync(candidate)) return candidate;
    }
    if (dir === root || dirname(dir) === dir) return null;
  }
}

/** Parsing needs yaml and zod; they are loaded only when there is a config file to read. */
export async function parseConfig(content: string, file: string): Promise<Config> {
  const [yamlModule, { configSchema }] = await Promise.all([import('yaml'), import('./config-schema.js')]);
  // Bundled by esbuild, yaml's CommonJS build puts its exports on `default` only.
  const { LineCounter, parseDocument, isNode, isMap, isScalar } = yamlModule.default ?? yamlModule;
  const lineCounter = new LineCounter();
  const document = parseDocument(yamlLineBreaks(content), { lineCounter, prettyErrors: false, uniqueKeys: true });
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
    if (issue.code === 'unrecognized_keys') {
      // Point at the unknown key itself, not at the map that holds it.
      const key = isMap(node) ? node.items.find((pair) => isScalar(pair.key) && pair.key.value === issue.keys[0])?.key : undefined;
      const where = isNode(key) ? key : node;
      throw new InputError(file, `unknown key ${issue.keys.map((name) => `"${name}"`).join(', ')}`, ...at(isNode(where) ? where.range?.[0] : undefined));
    }
    throw new InputError(file, `${issue.path.join('.') || 'config'}: ${issue.message}`, ...at(isNode(node) ? node.range?.[0] : undefined));
  }
  const dir = dirname(resolve(file));
  const rulePositions: Record<string, [number, number]> = {};
  const rules = document.get('rules', true);
  if (isMap(rules)) {
    for (const pair of rules.items) {
      if (isScalar(pair.key)) rulePositions[String(pair.key.value)] = at(pair.key.range?.[0]);
    }
  }
  return { ...parsed.data, packs: parsed.data.packs?.map((pack) => resolve(dir, pack)), file, dir, rulePositions };
}

/** The named config, else the nearest one upward from `cwd`, else an empty one. */
export async function loadConfig(explicit: string | undefined, cwd: string): Promise<Config> {
  const found = explicit ? null : findConfig(cwd);
  // A found config is named as the user would type it: relative to the working folder.
  const file = explicit ?? (found === null ? null : relative(cwd, found).startsWith('..') ? found : relative(cwd, found));
  if (!file) return { file: null, dir: cwd };
  let content: string;
  noteInput(file);
  try {
    // A config is a few lines; a huge one is a mistake or an attack on the YAML parser.
    content = readBounded(file, 'config').toString('utf8');
  } catch (error) {
    if (error instanceof InputError) throw error;
    throw new InputError(file, 'cannot read this config file');
  }
  return parseConfig(content, file);
}
