// `type: order` — something said after (or before any) something else:
// a "but" after a validation, advice before any acknowledgement.
import type { Span } from '../../types.js';
import type { CompiledRule } from '../context.js';
import type { PatternIndex } from '../patterns/index.js';
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
      const targets = occurrences(target, context);
      if (targets.length === 0) return [];
      const firstReference = occurrences(reference, context)[0]?.start ?? Infinity;
      const fired: Span[] = [];
      let previous: Span | undefined;
      for (const span of targets) {
        // Sorted, so a span found twice (as a behaviour and by a pattern) comes twice in a row.
        const repeated = previous !== undefined && previous.start === span.start && previous.end === span.end;
        previous = span;
        if (!repeated && (firstReference < span.start) === wantsReferenceBefore) fired.push(span);
      }
      // "No X before the target" is settled by the first target: mending it
      // (asking permission, acknowledging) also covers what follows.
      return wantsReferenceBefore ? fired : fired.slice(0, 1);
    },
  };
}
