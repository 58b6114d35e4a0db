// What the rule-kind tests share: a one-rule file in YAML, compiled beside the built-in pack (whose
// lexicons and behaviours a rule may use), and what that one rule matched in a reply.
import { stringify } from 'yaml';
import { critiqueReply } from '../../../../src/core/critique.js';
import { compilePack, RuleCompileError, type CompiledPack, type PackSource } from '../../../../src/core/rules/pack.js';
import { parseRuleFile } from '../../../../src/core/rules/parse.js';
import { builtinSource } from '../../../../src/io/packs.js';

export const FILE = 'course/kind.yaml';
export const ID = 'course.under-test';

let builtin: Promise<PackSource> | undefined;

/** A rule file holding one rule with these fields besides the ones every rule needs. */
export function ruleFile(fields: Record<string, unknown>): string {
  const rule = {
    id: ID,
    dimension: 'attunement',
    kind: 'issue',
    severity: 'warning',
    weight: 5,
    message: 'found “{match}”',
    rationale: 'a rule under test',
    ...fields,
    examples: { flag: ['one', 'two'], pass: ['three', 'four'] },
  };
  return stringify({ rules: [rule] });
}

export async function packWith(fields: Record<string, unknown>): Promise<CompiledPack> {
  return compilePack([await (builtin ??= builtinSource()), parseRuleFile(ruleFile(fields), FILE)]);
}

/** The words the rule under test matched, in order; empty when it stayed quiet. */
export function matched(pack: CompiledPack, reply: string, client: string | null = null): string[] {
  return critiqueReply(pack, reply, client)
    .hits.filter((hit) => hit.rule.definition.id === ID)
    .map((hit) => reply.slice(hit.match.start, hit.match.end));
}

/** The finding's message, templates filled in, when the rule fired. */
export function messageOf(pack: CompiledPack, reply: string, client: string | null = null): string | undefined {
  return critiqueReply(pack, reply, client).critique.findings.find((finding) => finding.ruleId === ID)?.message;
}

/** The error a rule author sees for this rule file: where, which rule, what. */
export async function problemWith(fields: Record<string, unknown>): Promise<{ file: string; line: number; ruleId: string | null; message: string }> {
  try {
    await packWith(fields);
  } catch (error) {
    if (!(error instanceof RuleCompileError)) throw error;
    return { file: error.file, line: error.line, ruleId: error.ruleId, message: error.message };
  }
  throw new Error('the rule file was accepted');
}

/** The 1-based line of the first line of the rule file holding `text`. */
export function lineOf(fields: Record<string, unknown>, text: string): number {
  const index = ruleFile(fields).split('\n').findIndex((line) => line.includes(text));
  if (index < 0) throw new Error(`no line holds ${text}`);
  return index + 1;
}
