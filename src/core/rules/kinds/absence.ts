// `type: absence` — nothing in the reply does this (no feeling named, no question).
import type { CompiledRule } from '../context.js';
import type { PatternIndex } from '../patterns/index.js';
import type { RuleDefinition } from '../schema.js';
import { compileSelector, occursAnywhere } from '../selector.js';

type AbsenceRule = Extract<RuleDefinition, { type: 'absence' }>;

export function compile(rule: AbsenceRule, index: PatternIndex): CompiledRule {
  const selector = compileSelector(rule.of, index);
  return {
    definition: rule,
    phase: 2,
    run(context) {
      const first = context.reply.sentences[0];
      if (!first || context.reply.words.length < (rule.minWords ?? 0)) return [];
      return occursAnywhere(selector, context) ? [] : [{ start: first.start, end: first.end }];
    },
  };
}
