// `type: pattern` — token patterns, scoped to sentences, questions or the reply.
import type { Sentence, Token } from '../../tokens/analyse.js';
import { inLexicon, RESERVED } from '../lexicons.js';
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

const SECOND_PERSON = /^(you|your|you're|you've|you'd|you'll|yourself|yours)$/;

/**
 * "Your girlfriend wants you to settle in Leeds", to a client who said "my girlfriend wants us to settle": the match
 * turns their own words to the second person, and says nothing of the helper's.
 */
const REPORTER = /^(think|thought|thinks|feel|felt|feels|said|say|says|wonder|wondering|reckon|believe|know|worry|worried)$/;

/**
 * The match, and the "you think" that reports it when there is one just before it: in "some days you think maybe
 * she's right", "maybe she's right" is the client's own thought, said back.
 */
function withReporter(words: readonly Token[], first: number, last: number): readonly Token[] {
  const lead = words.slice(Math.max(0, first - 3), first);
  const at = lead.findIndex((word, i) => SECOND_PERSON.test(word.norm) && REPORTER.test(lead[i + 1]?.norm ?? ''));
  return at >= 0 ? words.slice(first - lead.length + at, last) : words.slice(first, last);
}

function echoed(context: RuleContext, words: readonly Token[]): boolean {
  if (!context.client || !words.some((word) => SECOND_PERSON.test(word.norm))) return false;
  const stopwords = context.lexicons.get(RESERVED.stopwords);
  const content = words.filter((word) => !SECOND_PERSON.test(word.norm) && !inLexicon(stopwords, word));
  if (content.length === 0) return false;
  return context.client.sentences.some((sentence) => {
    const said = new Set(context.client!.words.filter((word) => word.sentence === sentence.index).map((word) => word.stem));
    return content.every((word) => said.has(word.stem));
  });
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
            if (rule.unlessEchoed && echoed(context, withReporter(sentence.words, range.first, range.last))) continue;
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
