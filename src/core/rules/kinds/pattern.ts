// `type: pattern` — token patterns, scoped to sentences, questions or the reply.
import type { Sentence } from '../../tokens/analyse.js';
import type { CompiledRule, RuleContext, RuleMatch } from '../context.js';
import type { PatternIndex } from '../patterns/index.js';
import type { RuleDefinition } from '../schema.js';
import { largest } from '../../lists.js';

type PatternRule = Extract<RuleDefinition, { type: 'pattern' }>;

function sentencesInScope(rule: PatternRule, sentences: Sentence[]): Sentence[] {
  switch (rule.scope ?? 'sentence') {
    case 'first-sentence':
      return sentences.slice(0, 1);
    case 'last-sentence':
      return sentences.slice(-1);
    case 'question':
      return sentences.filter((sentence) => sentence.isQuestion);
    case 'statement':
      return sentences.filter((sentence) => !sentence.isQuestion);
    default:
      return sentences;
  }
}

export function compile(rule: PatternRule, index: PatternIndex): CompiledRule {
  const patterns = rule.patterns.map((source) => index.compile(source));
  const exceptions = (rule.unless ?? []).map((source) => index.compile(source));
  const carriers = (rule.carries ?? []).map((source) => index.compile(source));
  // A frame earns credit only for what it carries: one of `carries` must match from the frame on,
  // that is at or after the frame's first word (a pattern's ranges are in order of their first).
  const lastCarried = (context: RuleContext, sentence: Sentence): number =>
    carriers.length === 0 ? Infinity : largest(carriers.map((carrier) => context.matches(carrier, sentence).at(-1)?.first ?? -1));
  return {
    definition: rule,
    phase: 1,
    triggers: patterns,
    run(context: RuleContext): RuleMatch[] {
      const matches: RuleMatch[] = [];
      for (const sentence of sentencesInScope(rule, context.reply.sentences)) {
        if (exceptions.some((exception) => context.matches(exception, sentence).length > 0)) continue;
        const carried = lastCarried(context, sentence);
        // The words this rule's matches already cover: a match sharing one overlaps an earlier match.
        const taken = new Uint8Array(sentence.words.length);
        for (const pattern of patterns) {
          for (const range of context.matches(pattern, sentence)) {
            if (range.first > carried || taken.subarray(range.first, range.last).includes(1)) continue;
            taken.fill(1, range.first, range.last);
            matches.push({ start: sentence.words[range.first]!.start, end: sentence.words[range.last - 1]!.end });
          }
        }
      }
      matches.sort((a, b) => a.start - b.start);
      return rule.scope === 'reply' ? matches.slice(0, 1) : matches;
    },
  };
}
