// `type: count` — a measure of the whole reply inside [min, max].
import type { Analysis } from '../../tokens/analyse.js';
import type { CompiledRule, RuleContext, RuleMatch } from '../context.js';
import type { PatternIndex } from '../patterns/index.js';
import type { CompiledPattern } from '../patterns/parse.js';
import type { RuleDefinition } from '../schema.js';

type CountRule = Extract<RuleDefinition, { type: 'count' }>;

export function inRange(value: number, range: { min?: number | undefined; max?: number | undefined }): boolean {
  return (range.min === undefined || value >= range.min) && (range.max === undefined || value <= range.max);
}

function wholeReply(reply: Analysis): RuleMatch | null {
  const first = reply.tokens[0];
  const last = reply.tokens[reply.tokens.length - 1];
  return first && last ? { start: first.start, end: last.end } : null;
}

function measure(rule: CountRule, context: RuleContext, counted: readonly CompiledPattern[]): { value: number; span: RuleMatch | null } | null {
  const { reply, client } = context;
  switch (rule.metric) {
    case 'questions': {
      const questions = reply.sentences.filter((sentence) => sentence.isQuestion);
      const first = questions[0];
      const last = questions[questions.length - 1];
      return { value: questions.length, span: first && last ? { start: first.start, end: last.end } : wholeReply(reply) };
    }
    case 'sentences':
      return { value: reply.sentences.length, span: wholeReply(reply) };
    case 'words':
      return { value: reply.words.length, span: wholeReply(reply) };
    case 'length-ratio':
      if (!client || client.words.length === 0 || client.words.length < (rule.minClientWords ?? 0)) return null;
      return { value: reply.words.length / client.words.length, span: wholeReply(reply) };
    case 'matches': {
      // Overlapping matches ("I wonder if it sounds like") each count: every frame is a frame.
      let value = 0;
      for (const sentence of reply.sentences) for (const pattern of counted) value += context.matches(pattern, sentence).length;
      return { value, span: wholeReply(reply) };
    }
    case 'repeats': {
      // "I hear you. I hear you." is one phrase twice, where "It sounds like…, and I wonder…" is two.
      let value = 0;
      for (const pattern of counted) value = Math.max(value, reply.sentences.reduce((sum, sentence) => sum + context.matches(pattern, sentence).length, 0));
      return { value, span: wholeReply(reply) };
    }
  }
}

export function compile(rule: CountRule, index: PatternIndex): CompiledRule {
  const exceptions = (rule.unless ?? []).map((source) => index.compile(source));
  const counted = (rule.patterns ?? []).map((source) => index.compile(source));
  return {
    definition: rule,
    phase: 1,
    run(context) {
      if (exceptions.some((exception) => context.matched.has(exception))) return [];
      const measured = measure(rule, context, counted);
      if (!measured || !measured.span || !inRange(measured.value, rule)) return [];
      const count = Number.isInteger(measured.value) ? String(measured.value) : measured.value.toFixed(1);
      return [{ ...measured.span, vars: { count } }];
    },
  };
}
