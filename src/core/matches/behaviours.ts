// MITI decision rules applied to the codes the rules proposed.
import type { Analysis } from '../tokens/analyse.js';
import { BEHAVIOUR_CODES, type Behaviour } from '../types.js';

const ORDER = new Map(BEHAVIOUR_CODES.map((code, index) => [code, index]));

export function resolveBehaviours(proposed: Behaviour[], reply: Analysis): Behaviour[] {
  const unique = new Map<string, Behaviour>();
  for (const behaviour of proposed) unique.set(`${behaviour.code}@${behaviour.start}:${behaviour.end}`, behaviour);
  const all = [...unique.values()];
  const has = (code: Behaviour['code'], span: Behaviour): boolean =>
    all.some((other) => other.code === code && other.start < span.end && span.start < other.end);
  const inQuestion = (span: Behaviour): boolean =>
    reply.sentences.some((sentence) => sentence.isQuestion && sentence.start <= span.start && span.end <= sentence.end);

  const kept = all.filter((behaviour) => {
    switch (behaviour.code) {
      // A reflection phrased as a question is coded as a question.
      case 'reflection.simple':
        return !inQuestion(behaviour) && !has('reflection.complex', behaviour);
      case 'reflection.complex':
        return !inQuestion(behaviour);
      // A question code needs a question; one per sentence, open over closed.
      case 'question.open':
        return inQuestion(behaviour);
      case 'question.closed':
        return inQuestion(behaviour) && !has('question.open', behaviour);
      default:
        return true;
    }
  });
  return kept.sort((a, b) => a.start - b.start || ORDER.get(a.code)! - ORDER.get(b.code)! || a.end - b.end);
}
