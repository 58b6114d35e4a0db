// The simple baseline the figures are read against: a handful of surface
// phrase checks, the kind of coder one writes in ten minutes. It shows how
// much of rapport's agreement comes from its rules rather than from the data.
import type { BehaviourCode } from '../core/types.js';
import type { Predicted } from './codes.js';

const OPENERS = /^(?:so,?\s+|and\s+|well,?\s+)?(?:what|how|why|where|when|who|which|tell me)\b/i;
const REFLECTION = /^(?:so,?\s+|and\s+)?(?:you\b|you're\b|it sounds like|sounds like|it seems)/i;
const ADVICE = /\b(?:you should|you need to|you have to|you must|try to|i suggest|i recommend|i'd recommend|why don't you)\b/i;
const AFFIRMATION = /\b(?:good for you|well done|proud of you|you can do (?:it|this)|you've got this|you are not alone|you're not alone|that's great|it will be (?:ok|okay|fine))\b/i;
const INFORMATION = /\b(?:research|studies|most people|it's common|it is common)\b/i;

function sentences(text: string): string[] {
  return text
    .split(/(?<=[.?!])\s+/)
    .map((sentence) => sentence.trim())
    .filter((sentence) => sentence !== '');
}

export function baselineCodes(text: string): Predicted {
  const parts = sentences(text);
  const questions = parts.filter((sentence) => sentence.endsWith('?'));
  const statements = parts.filter((sentence) => !sentence.endsWith('?'));
  return {
    question: questions.length === 0 ? null : questions.some((q) => OPENERS.test(q)) ? 'open' : 'closed',
    reflection: statements.some((s) => REFLECTION.test(s)) ? (statements.some((s) => /\bfeel|sounds like|seems/i.test(s)) ? 'complex' : 'simple') : null,
    advice: ADVICE.test(text),
    information: INFORMATION.test(text),
  };
}

/** A turn score for the baseline's AUC: reflections and open questions up, advice down. */
export function baselineScore(codes: Predicted): number {
  return 50 + (codes.reflection ? 10 : 0) + (codes.question === 'open' ? 5 : 0) - (codes.advice ? 10 : 0);
}

/** The baseline as behaviour codes, for data coded by strategy (ESConv): its facets plus a phrase list for affirmation. */
export function baselineBehaviours(text: string): BehaviourCode[] {
  const facets = baselineCodes(text);
  const codes: BehaviourCode[] = [];
  if (facets.question) codes.push(`question.${facets.question}`);
  if (facets.reflection) codes.push(`reflection.${facets.reflection}`);
  if (facets.advice) codes.push('advice');
  if (facets.information) codes.push('information');
  if (AFFIRMATION.test(text)) codes.push('affirmation');
  return codes;
}
