// `type: pattern` — token patterns, scoped to sentences, questions or the reply.
import type { Sentence } from '../../tokens/analyse.js';
import type { CompiledRule, RuleContext, RuleMatch } from '../context.js';
import type { PatternIndex } from '../patterns/index.js';
import type { RuleDefinition } from '../schema.js';

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
  // A frame earns credit only for what it carries: one of `carries` must match from the frame on.
  const carries = (context: RuleContext, sentence: Sentence, first: number): boolean =>
    carriers.length === 0 || carriers.some((carrier) => context.matches(carrier, sentence).some((range) => range.first >= first));
  return {
    definition: rule,
    phase: 1,
    triggers: patterns,
    run(context: RuleContext): RuleMatch[] {
      const matches: RuleMatch[] = [];
      for (const sentence of sentencesInScope(rule, context.reply.sentences)) {
        if (exceptions.some((exception) => context.matches(exception, sentence).length > 0)) continue;
        for (const pattern of patterns) {
          for (const range of context.matches(pattern, sentence)) {
            if (!carries(context, sentence, range.first)) continue;
            const start = sentence.words[range.first]!.start;
            const end = sentence.words[range.last - 1]!.end;
            if (!matches.some((match) => match.start < end && start < match.end)) matches.push({ start, end });
          }
        }
      }
      matches.sort((a, b) => a.start - b.start);
      return rule.scope === 'reply' ? matches.slice(0, 1) : matches;
    },
  };
}
