// The practice scenario bank: schema, parser and merger for rules/scenarios/*.yaml.
//
// Pure functions only: callers read the files and pass their text in. Every
// problem surfaces as a ScenarioError whose message is one line of the form
//   <file>:<line>:<column>: scenario "<id>": <what is wrong>
// (the location and scenario parts are left out when they are not known).

import { isMap, isScalar, LineCounter, parseDocument, type Document, type Node } from 'yaml';
import { z } from 'zod';
import { yamlLineBreaks, yamlProblem } from '../core/limits.js';

export const SETTINGS = [
  'crisis',
  'intake',
  'substance-use',
  'school',
  'workplace',
  'healthcare',
  'peer-support',
] as const;
export type Setting = (typeof SETTINGS)[number];

export const DIFFICULTIES = ['easy', 'medium', 'hard'] as const;
export type Difficulty = (typeof DIFFICULTIES)[number];

const KEBAB_CASE = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

const text = z.string().regex(/\S/, { error: 'must not be blank' });

export const scenarioSchema = z.strictObject({
  id: z.string().regex(KEBAB_CASE, { error: 'must be kebab-case, e.g. "crisis-after-crash"' }),
  title: text,
  setting: z.enum(SETTINGS),
  difficulty: z.enum(DIFFICULTIES),
  client: text,
  emotions: z.array(text).min(1),
  context: text,
  bodyLanguage: text,
  strongReplyWould: z.array(text).min(2).max(4),
  modelReplies: z.array(text).min(1).max(3),
});

export const scenarioFileSchema = z.strictObject({
  scenarios: z.array(scenarioSchema).min(1),
});

export type Scenario = z.infer<typeof scenarioSchema>;
export type ScenarioFile = z.infer<typeof scenarioFileSchema>;

export class ScenarioError extends Error {
  constructor(
    message: string,
    readonly file: string,
    readonly line: number | null,
    readonly column: number | null,
  ) {
    super(message);
    this.name = 'ScenarioError';
  }
}

/** Where a parsed scenario came from (its `id` value in the source file). */
export interface ScenarioOrigin {
  file: string;
  line: number | null;
  column: number | null;
}

// Scenarios returned by parseScenarioFile remember their origin, so that
// mergeScenarios can name both files when an id is defined twice.
const origins = new WeakMap<Scenario, ScenarioOrigin>();

export function scenarioOrigin(scenario: Scenario): ScenarioOrigin | undefined {
  return origins.get(scenario);
}

type Path = readonly PropertyKey[];

interface Pos {
  line: number | null;
  column: number | null;
}

const NO_POS: Pos = { line: null, column: null };

function oneLine(s: string): string {
  return s.replace(/\s+/g, ' ').trim();
}

function fail(file: string, pos: Pos, id: string | null, problem: string): ScenarioError {
  const where = pos.line === null ? file : `${file}:${pos.line}:${pos.column ?? 1}`;
  const who = id === null ? '' : ` scenario "${id}":`;
  return new ScenarioError(`${where}:${who} ${oneLine(problem)}`, file, pos.line, pos.column);
}

function posAt(lc: LineCounter, offset: number | undefined): Pos {
  if (offset === undefined) return NO_POS;
  const { line, col } = lc.linePos(offset);
  return { line, column: col };
}

function nodeAt(doc: Document, path: Path): Node | undefined {
  if (path.length === 0) return (doc.contents as Node | null) ?? undefined;
  const found: unknown = doc.getIn(path as unknown[], true);
  return found && typeof found === 'object' && 'range' in found ? (found as Node) : undefined;
}

/** The node at `path`, or of its nearest ancestor that exists in the document. */
function nearestNode(doc: Document, path: Path): { node: Node | undefined; depth: number } {
  for (let depth = path.length; depth >= 0; depth--) {
    const node = nodeAt(doc, path.slice(0, depth));
    if (node?.range) return { node, depth };
  }
  return { node: undefined, depth: 0 };
}

function keyPos(doc: Document, lc: LineCounter, mapPath: Path, key: string): Pos | null {
  const map = nodeAt(doc, mapPath);
  if (!isMap(map)) return null;
  for (const pair of map.items) {
    if (isScalar(pair.key) && pair.key.value === key && pair.key.range) {
      return posAt(lc, pair.key.range[0]);
    }
  }
  return null;
}

function valueAt(data: unknown, path: Path): unknown {
  let cur: unknown = data;
  for (const key of path) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<PropertyKey, unknown>)[key];
  }
  return cur;
}

function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  return typeof value;
}

/** `modelReplies[1]` for ['modelReplies', 1]. */
function formatPath(path: Path): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += out === '' ? String(key) : `.${String(key)}`;
  }
  return out;
}

/** The scenario index a path points into, if any. */
function scenarioIndex(path: Path): number | null {
  return path[0] === 'scenarios' && typeof path[1] === 'number' ? path[1] : null;
}

function rawId(data: unknown, index: number | null): string | null {
  if (index === null) return null;
  const id = valueAt(data, ['scenarios', index, 'id']);
  return typeof id === 'string' && id.trim() !== '' ? id : null;
}

/** Id of the scenario whose source range contains `offset` (used for YAML errors). */
function idAtOffset(doc: Document, offset: number): string | null {
  const seq = nodeAt(doc, ['scenarios']);
  if (!seq || !('items' in seq) || !Array.isArray(seq.items)) return null;
  for (const item of seq.items as unknown[]) {
    if (!isMap(item) || !item.range) continue;
    const [start, , end] = item.range;
    if (offset >= start && offset <= end) {
      const id = item.get('id');
      return typeof id === 'string' && id.trim() !== '' ? id : null;
    }
  }
  return null;
}

function describeIssue(issue: z.core.$ZodIssue, data: unknown): string {
  const index = scenarioIndex(issue.path);
  const rel = index === null ? issue.path : issue.path.slice(2);
  const name = formatPath(rel);
  const subject = name === '' ? (index === null ? 'the file' : 'the scenario') : `"${name}"`;
  switch (issue.code) {
    case 'unrecognized_keys': {
      const keys = issue.keys.map((k) => `"${k}"`).join(', ');
      return issue.keys.length === 1 ? `unknown key ${keys}` : `unknown keys ${keys}`;
    }
    case 'invalid_type': {
      const value = valueAt(data, issue.path);
      const parent = valueAt(data, issue.path.slice(0, -1));
      if (value === undefined && issue.path.length > 0 && parent !== null && typeof parent === 'object' && !Array.isArray(parent)) {
        return `missing required key "${name}"`;
      }
      const expected = issue.expected === 'array' ? 'a list' : issue.expected === 'object' ? 'a mapping' : `a ${issue.expected}`;
      return `${subject} must be ${expected}, got ${describeValue(value)}`;
    }
    case 'invalid_value':
      return `${subject} must be one of ${issue.values.map(String).join(', ')}`;
    case 'too_small':
      return issue.origin === 'array'
        ? `${subject} must have at least ${String(issue.minimum)} item${issue.minimum === 1 ? '' : 's'}`
        : `${subject} is too short`;
    case 'too_big':
      return issue.origin === 'array'
        ? `${subject} must have at most ${String(issue.maximum)} item${issue.maximum === 1 ? '' : 's'}`
        : `${subject} is too long`;
    default:
      return `${subject} ${issue.message}`;
  }
}

function comparePos(a: Pos, b: Pos): number {
  return (a.line ?? Infinity) - (b.line ?? Infinity) || (a.column ?? Infinity) - (b.column ?? Infinity);
}

function more(n: number): string {
  return n > 0 ? ` (and ${n} more problem${n === 1 ? '' : 's'})` : '';
}

/**
 * Parse and validate one scenario file. `fileName` is used only in messages.
 * If the file name (without directory and extension) is a setting, every
 * scenario in it must have that setting.
 */
export function parseScenarioFile(content: string, fileName: string): Scenario[] {
  const lc = new LineCounter();
  const doc = parseDocument(yamlLineBreaks(content), { lineCounter: lc, prettyErrors: false });

  const [yamlError, ...otherYamlErrors] = doc.errors;
  if (yamlError) {
    const offset = yamlError.pos[0];
    const problem = yamlProblem(yamlError.message) + more(otherYamlErrors.length);
    throw fail(fileName, posAt(lc, offset), idAtOffset(doc, offset), `YAML syntax error: ${problem}`);
  }

  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: 100 });
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    throw fail(fileName, NO_POS, null, `cannot load YAML: ${message}`);
  }

  const result = scenarioFileSchema.safeParse(data);
  if (!result.success) {
    const located = result.error.issues.map((issue) => {
      let pos: Pos | null = null;
      if (issue.code === 'unrecognized_keys' && issue.keys[0] !== undefined) {
        pos = keyPos(doc, lc, issue.path, issue.keys[0]);
      }
      if (!pos) {
        const { node, depth } = nearestNode(doc, issue.path);
        const missing = depth < issue.path.length;
        const last = issue.path[issue.path.length - 1];
        // A missing key is reported at the mapping that lacks it, a bad value at
        // the value itself (or at its key when the value is empty).
        const empty = !missing && isScalar(node) && node.value === null;
        pos = (empty && typeof last === 'string' ? keyPos(doc, lc, issue.path.slice(0, -1), last) : null) ??
          posAt(lc, node?.range?.[0]);
      }
      return { issue, pos };
    });
    located.sort((a, b) => comparePos(a.pos, b.pos));
    const first = located[0]!;
    const id = rawId(data, scenarioIndex(first.issue.path));
    throw fail(fileName, first.pos, id, describeIssue(first.issue, data) + more(located.length - 1));
  }

  const scenarios = result.data.scenarios;
  const base = fileName.replace(/^.*[\\/]/, '').replace(/\.ya?ml$/i, '');
  const fileSetting = (SETTINGS as readonly string[]).includes(base) ? base : null;
  const seen = new Map<string, Pos>();

  scenarios.forEach((scenario, i) => {
    const idNode = nodeAt(doc, ['scenarios', i, 'id']);
    const pos = posAt(lc, idNode?.range?.[0]);
    const previous = seen.get(scenario.id);
    if (previous) {
      throw fail(fileName, pos, scenario.id, `duplicate id, already used at line ${previous.line ?? '?'}`);
    }
    seen.set(scenario.id, pos);
    if (fileSetting !== null && scenario.setting !== fileSetting) {
      const settingNode = nodeAt(doc, ['scenarios', i, 'setting']);
      throw fail(
        fileName,
        posAt(lc, settingNode?.range?.[0]),
        scenario.id,
        `setting "${scenario.setting}" does not match the file's setting "${fileSetting}"`,
      );
    }
    origins.set(scenario, { file: fileName, ...pos });
  });

  return scenarios;
}

/** Concatenate parsed files, rejecting an id that appears more than once. */
export function mergeScenarios(lists: Scenario[][]): Scenario[] {
  const merged: Scenario[] = [];
  const byId = new Map<string, { scenario: Scenario; list: number }>();
  lists.forEach((list, listIndex) => {
    for (const scenario of list) {
      const earlier = byId.get(scenario.id);
      if (earlier) {
        const here = origins.get(scenario);
        const there = origins.get(earlier.scenario);
        const thereText = there
          ? there.line === null
            ? there.file
            : `${there.file}:${there.line}:${there.column ?? 1}`
          : `list ${earlier.list + 1}`;
        throw fail(
          here?.file ?? `list ${listIndex + 1}`,
          here ?? NO_POS,
          scenario.id,
          `duplicate id, already defined at ${thereText}`,
        );
      }
      byId.set(scenario.id, { scenario, list: listIndex });
      merged.push(scenario);
    }
  });
  return merged;
}
