// `rapport rules validate`: every problem of a rule pack in one run, in plain words, each at its
// file, line and column. Loading a pack for scoring stops at the first problem; a rule author
// fixing a pack wants the whole list.
import { InputError } from './errors.js';
import { readBounded } from './input.js';
import { relative } from 'node:path';
import { isMap, isNode, isPair, isScalar, LineCounter, parseDocument, type Document, type Node } from 'yaml';
import type { z } from 'zod';
import { yamlLineBreaks, yamlProblem } from '../core/limits.js';
import { compilePack, RuleCompileError, type SourcedRule } from '../core/rules/pack.js';
import { parseRuleFile } from '../core/rules/parse.js';
import { lexiconsSchema, ruleSchema, type RuleDefinition } from '../core/rules/schema.js';
import { plural } from '../formatters/plural.js';
import { noteInput } from './output.js';
import { builtinSource, packFiles } from './packs.js';
import { pushAll } from '../core/lists.js';

export interface PackProblem {
  file: string;
  line: number;
  column: number;
  ruleId: string | null;
  message: string;
}

type Path = readonly PropertyKey[];

/** The loader refuses larger rule files before parsing them (src/core/rules/parse.ts). */
const MAX_RULE_FILE_CHARS = 2 * 1024 * 1024;

const TYPE_WORDS: Record<string, string> = {
  string: 'text',
  number: 'a number',
  int: 'a whole number',
  boolean: 'true or false',
  array: 'a list',
  object: 'a mapping (key: value lines)',
};

function valueAt(data: unknown, path: Path): unknown {
  let value = data;
  for (const part of path) value = value !== null && typeof value === 'object' ? (value as Record<PropertyKey, unknown>)[part] : undefined;
  return value;
}

/** One zod issue in the words a rule author uses: which key, and what it should be. */
export function plainIssue(issue: z.core.$ZodIssue, data: unknown): string {
  const key = issue.path.filter((part) => typeof part === 'string').pop();
  const name = key === undefined ? 'this entry' : `"${String(key)}"`;
  switch (issue.code) {
    case 'unrecognized_keys':
      return `unknown key${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `"${k}"`).join(', ')}`;
    case 'invalid_type':
      if (valueAt(data, issue.path) === undefined) return `${name} is missing`;
      return `${name} should be ${TYPE_WORDS[issue.expected] ?? issue.expected}`;
    case 'invalid_value':
      if (valueAt(data, issue.path) === undefined) return `${name} is missing: it should be one of ${issue.values.map(String).join(', ')}`;
      return `${name} should be ${issue.values.length === 1 ? String(issue.values[0]) : `one of ${issue.values.map(String).join(', ')}`}`;
    case 'too_small': {
      const min = Number(issue.minimum);
      if (issue.origin === 'array') return `${name} needs at least ${plural(min, 'item')}`;
      if (issue.origin === 'string') return min <= 1 ? `${name} should not be empty` : `${name} needs at least ${plural(min, 'character')}`;
      return `${name} should be at least ${min}`;
    }
    case 'too_big': {
      const max = Number(issue.maximum);
      if (issue.origin === 'array') return `${name} takes at most ${plural(max, 'item')}`;
      if (issue.origin === 'string') return `${name} takes at most ${plural(max, 'character')}`;
      return `${name} should be at most ${max}`;
    }
    case 'invalid_union':
      if ('discriminator' in issue && issue.discriminator) return `"${issue.discriminator}" should be one of pattern, count, mirror, order, absence`;
      return `${name} is not in a form rapport reads (see rules/schema.json)`;
    case 'invalid_format':
      return `${name} is not in the right form${'pattern' in issue && issue.pattern ? ` (it should match ${String(issue.pattern)})` : ''}`;
    default:
      // Messages the schema writes itself (refinements) are already plain.
      return issue.message;
  }
}

function nodeAt(document: Document, path: Path): Node | null {
  for (let length = path.length; length >= 0; length -= 1) {
    const node = document.getIn(path.slice(0, length) as (string | number)[], true);
    if (isNode(node)) return node;
  }
  return document.contents ?? null;
}

function keyNode(document: Document, path: Path, key: string): Node | null {
  const map = document.getIn(path as (string | number)[], true);
  if (!isMap(map)) return null;
  for (const item of map.items) if (isPair(item) && isScalar(item.key) && item.key.value === key) return item.key;
  return null;
}

const displayName = (file: string): string => {
  const fromCwd = relative(process.cwd(), file);
  return fromCwd.startsWith('..') ? file : fromCwd;
};

interface FileCheck {
  rules: SourcedRule[];
  lexicons: Record<string, string[]>;
  problems: PackProblem[];
}

function checkFile(path: string): FileCheck {
  const file = displayName(path);
  const problems: PackProblem[] = [];
  const none = { rules: [], lexicons: {}, problems };
  let content: string;
  noteInput(path);
  try {
    content = readBounded(path, 'rules').toString('utf8');
  } catch (error) {
    const message = error instanceof InputError ? error.detail : 'cannot read this rule file';
    problems.push({ file, line: 1, column: 1, ruleId: null, message });
    return none;
  }
  // The loader's own reading comes first: its limits (size, aliases) hold here too, and a file it
  // accepts needs no second look.
  try {
    return { ...parseRuleFile(content, file), problems };
  } catch (error) {
    if (!(error instanceof RuleCompileError)) throw error;
    if (content.length > MAX_RULE_FILE_CHARS || error.message.startsWith('cannot expand')) {
      problems.push({ file, line: error.line, column: error.column, ruleId: error.ruleId, message: error.message });
      return none;
    }
  }
  const lineCounter = new LineCounter();
  const document = parseDocument(yamlLineBreaks(content), { lineCounter, prettyErrors: false, uniqueKeys: true });
  const at = (node: Node | null | undefined): { line: number; column: number } => {
    const { line, col } = lineCounter.linePos(node?.range?.[0] ?? 0);
    return { line, column: col };
  };
  for (const error of document.errors) {
    const { line, col } = lineCounter.linePos(error.pos[0]);
    problems.push({ file, line, column: col, ruleId: null, message: yamlProblem(error.message) });
  }
  if (document.errors.length) return none;
  let data: unknown;
  try {
    data = document.toJS({ maxAliasCount: 100 });
  } catch (error) {
    problems.push({ file, line: 1, column: 1, ruleId: null, message: `cannot expand the YAML: ${(error as Error).message}` });
    return none;
  }
  if (data === null || data === undefined) return none;
  if (typeof data !== 'object' || Array.isArray(data)) {
    problems.push({ file, ...at(document.contents), ruleId: null, message: 'a rule file is a mapping with "rules:" (and optionally "lexicons:")' });
    return none;
  }
  const record = data as Record<string, unknown>;
  const report = (issue: z.core.$ZodIssue, base: Path, ruleId: string | null, value: unknown): void => {
    const path = [...base, ...issue.path];
    const node = (issue.code === 'unrecognized_keys' && issue.keys[0] !== undefined ? keyNode(document, path, issue.keys[0]) : null) ?? nodeAt(document, path);
    problems.push({ file, ...at(node), ruleId, message: plainIssue(issue, value) });
  };
  for (const key of Object.keys(record)) {
    if (!['$schema', 'rules', 'lexicons'].includes(key)) problems.push({ file, ...at(keyNode(document, [], key)), ruleId: null, message: `unknown key "${key}" (a rule file holds rules: and lexicons:)` });
  }
  let lexicons: Record<string, string[]> = {};
  if (record.lexicons !== undefined) {
    const parsed = lexiconsSchema.safeParse(record.lexicons);
    if (parsed.success) lexicons = parsed.data;
    else for (const issue of parsed.error.issues) report(issue, ['lexicons'], null, record.lexicons);
  }
  const rules: SourcedRule[] = [];
  if (record.rules !== undefined && !Array.isArray(record.rules)) {
    problems.push({ file, ...at(nodeAt(document, ['rules'])), ruleId: null, message: '"rules" should be a list' });
  } else {
    (record.rules as unknown[] | undefined)?.forEach((item, index) => {
      const id = item !== null && typeof item === 'object' && typeof (item as { id?: unknown }).id === 'string' ? (item as { id: string }).id : `rules[${index}]`;
      const parsed = ruleSchema.safeParse(item);
      // A misspelt key also shows up as a missing one: then the misspelling is the story.
      const issues = parsed.success ? [] : parsed.error.issues;
      const misspelt = issues.some((issue) => issue.code === 'unrecognized_keys');
      const missing = (issue: z.core.$ZodIssue): boolean => issue.code === 'invalid_type' && valueAt(item, issue.path) === undefined;
      for (const issue of issues) if (!(misspelt && missing(issue))) report(issue, ['rules', index], id, item);
      if (parsed.success) rules.push({ definition: parsed.data as RuleDefinition, file, ...at(nodeAt(document, ['rules', index])) });
    });
  }
  return { rules, lexicons, problems };
}

/** Every problem in the packs (or, with none given, the built-in pack), and how many rules they define. */
export async function validatePacks(dirs: readonly string[]): Promise<{ problems: PackProblem[]; rules: number }> {
  const builtin = await builtinSource();
  const checks = (dirs.length ? dirs.flatMap((dir) => packFiles(dir)) : []).map(checkFile);
  const own = checks.flatMap((check) => check.rules);
  const problems = checks.flatMap((check) => check.problems);
  const lexicons: Record<string, string[]> = Object.create(null);
  for (const source of [builtin.lexicons, ...checks.map((check) => check.lexicons)]) {
    for (const [name, words] of Object.entries(source)) pushAll((lexicons[name] ??= []), words);
  }
  const defined = new Map<string, SourcedRule>(builtin.rules.map((rule) => [rule.definition.id, rule]));
  for (const rule of own) {
    const previous = defined.get(rule.definition.id);
    if (previous) {
      problems.push({ ...pick(rule), message: `the id "${rule.definition.id}" is already used by the rule at ${previous.file}:${previous.line}` });
      continue;
    }
    defined.set(rule.definition.id, rule);
    // Each rule compiled alone, so one bad pattern does not hide the next.
    try {
      compilePack([{ rules: [rule], lexicons }]);
    } catch (error) {
      if (!(error instanceof RuleCompileError)) throw error;
      problems.push({ ...pick(rule), message: error.message });
    }
  }
  problems.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line || a.column - b.column));
  return { problems, rules: dirs.length ? own.length : builtin.rules.length };
}

const pick = (rule: SourcedRule): Omit<PackProblem, 'message'> => ({ file: rule.file, line: rule.line, column: rule.column, ruleId: rule.definition.id });
