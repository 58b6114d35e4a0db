// `type: order` — something said after (or before any) something else:
// a "but" after a validation, advice before any acknowledgement.
import type { CompiledRule } from '../context.js';
import type { PatternIndex } from '../pattern.js';
import type { RuleDefinition } from '../schema.js';
import { compileSelector, occurrences } from '../selector.js';

type OrderRule = Extract<RuleDefinition, { type: 'order' }>;

export function compile(rule: OrderRule, index: PatternIndex): CompiledRule {
  const target = compileSelector(rule.target, index);
  const reference = compileSelector((rule.after ?? rule.notAfter)!, index);
  const wantsReferenceBefore = rule.after !== undefined;
  return {
    definition: rule,
    phase: 2,
    run(context) {
      const references = occurrences(reference, context);
      const seen = new Set<string>();
      const fired = occurrences(target, context).filter((span) => {
        const key = `${span.start}:${span.end}`;
        if (seen.has(key)) return false;
        seen.add(key);
        return references.some((earlier) => earlier.start < span.start) === wantsReferenceBefore;
      });
      // "No X before the target" is settled by the first target: mending it
      // (asking permission, acknowledging) also covers what follows.
      return wantsReferenceBefore ? fired : fired.slice(0, 1);
    },
  };
}
