// Where in a reply a selector (behaviour codes and/or patterns) occurs: the
// shared vocabulary of order and absence rules.
import type { Span } from '../types.js';
import type { RuleContext } from './context.js';
import type { PatternIndex } from './patterns/index.js';
import type { CompiledPattern } from './patterns/parse.js';
import type { Selector } from './schema.js';

export interface CompiledSelector {
  behaviours: ReadonlySet<string>;
  patterns: CompiledPattern[];
}

export function compileSelector(selector: Selector, index: PatternIndex): CompiledSelector {
  return {
    behaviours: new Set(selector.behaviours ?? []),
    patterns: (selector.patterns ?? []).map((source) => index.compile(source)),
  };
}

/** Where the selector occurs, in order of start (then end). */
export function occurrences(selector: CompiledSelector, context: RuleContext): Span[] {
  const spans: Span[] = [];
  for (const { code, start, end } of context.behaviours) if (selector.behaviours.has(code)) spans.push({ start, end });
  for (const pattern of selector.patterns) {
    if (!context.matched.has(pattern)) continue;
    for (const sentence of context.reply.sentences) {
      for (const range of context.matches(pattern, sentence)) {
        spans.push({ start: sentence.words[range.first]!.start, end: sentence.words[range.last - 1]!.end });
      }
    }
  }
  return spans.sort((a, b) => a.start - b.start || a.end - b.end);
}

/** Whether the selector occurs anywhere: occurrences(...).length > 0, without listing them. */
export function occursAnywhere(selector: CompiledSelector, context: RuleContext): boolean {
  return context.behaviours.some(({ code }) => selector.behaviours.has(code)) || selector.patterns.some((pattern) => context.matched.has(pattern));
}
