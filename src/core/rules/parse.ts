// YAML rule file -> validated definitions, each with its line. Every problem
// becomes one RuleCompileError naming the file, line, column and rule id.
import { isMap, isNode, isPair, isScalar, LineCounter, parseDocument, type Document, type Node } from 'yaml';
import type { z } from 'zod';
import { RuleCompileError, type PackSource } from './pack.js';
import { ruleFileSchema } from './schema.js';
import { yamlLineBreaks, yamlProblem } from '../limits.js';

const MAX_ALIASES = 100;
const MAX_BYTES = 2 * 1024 * 1024;

type Path = readonly PropertyKey[];

function nodeAt(document: Document, path: Path): Node | null {
  for (let length = path.length; length >= 0; length -= 1) {
    const node = document.getIn(path.slice(0, length) as (string | number)[], true);
    if (isNode(node)) return node;
  }
  return document.contents ?? null;
}

/** The key node of `key` inside the map at `path`, for "unknown key" errors. */
function keyNodeAt(document: Document, path: Path, key: string): Node | null {
  const map = document.getIn(path as (string | number)[], true);
  if (!isMap(map)) return null;
  for (const item of map.items) {
    if (isPair(item) && isScalar(item.key) && item.key.value === key) return item.key;
  }
  return null;
}

function describeIssue(issue: z.core.$ZodIssue): string {
  // Inside a rule, only its own keys name the place: a problem with the whole rule is not one of `rules`.
  const where = issue.path.slice(issue.path[0] === 'rules' ? 2 : 0).filter((part) => typeof part === 'string').pop();
  if (issue.code === 'unrecognized_keys') return `unknown key${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((key) => `"${key}"`).join(', ')}`;
  if (issue.code === 'invalid_union' && 'discriminator' in issue && issue.discriminator) {
    return `"type" must be one of pattern, count, mirror, order, absence`;
  }
  return where ? `${String(where)}: ${issue.message}` : issue.message;
}

export function parseRuleFile(content: string, file: string): PackSource {
  if (content.length > MAX_BYTES) throw new RuleCompileError(`rule file is larger than ${MAX_BYTES / 1024 / 1024} MiB`, file, 1, 1, null);
  const lineCounter = new LineCounter();
  const document = parseDocument(yamlLineBreaks(content), { lineCounter, prettyErrors: false, uniqueKeys: true });
  const position = (offset: number | undefined): { line: number; col: number } => lineCounter.linePos(offset ?? 0);

  const syntax = document.errors[0];
  if (syntax) {
    const { line, col } = position(syntax.pos[0]);
    throw new RuleCompileError(yamlProblem(syntax.message), file, line, col, null);
  }
  let data: unknown;
  try {
    data = document.toJS({ maxAliasCount: MAX_ALIASES });
  } catch (error) {
    throw new RuleCompileError(`cannot expand the YAML: ${(error as Error).message}`, file, 1, 1, null);
  }
  if (data === null || data === undefined) return { rules: [], lexicons: {} };

  const parsed = ruleFileSchema.safeParse(data);
  if (!parsed.success) {
    // A misspelt key also shows up as a missing one; the unknown key is the real story.
    const issue = parsed.error.issues.find((candidate) => candidate.code === 'unrecognized_keys') ?? parsed.error.issues[0]!;
    const node =
      (issue.code === 'unrecognized_keys' && issue.keys[0] !== undefined ? keyNodeAt(document, issue.path, issue.keys[0]) : null) ??
      nodeAt(document, issue.path);
    const { line, col } = position(node?.range?.[0]);
    let ruleId: string | null = null;
    if (issue.path[0] === 'rules' && typeof issue.path[1] === 'number') {
      const id = document.getIn(['rules', issue.path[1], 'id']);
      ruleId = typeof id === 'string' ? id : `rules[${issue.path[1]}]`;
    }
    throw new RuleCompileError(describeIssue(issue), file, line, col, ruleId);
  }

  const rules = (parsed.data.rules ?? []).map((definition, index) => {
    const node = document.getIn(['rules', index], true);
    const { line, col } = position(isNode(node) ? node.range?.[0] : undefined);
    return { definition, file, line, column: col };
  });
  return { rules, lexicons: parsed.data.lexicons ?? {} };
}
