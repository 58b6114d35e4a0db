// MITI decision rules applied to the codes the rules proposed.
import { inLexicon, RESERVED, type Lexicon, type Lexicons } from '../rules/lexicons.js';
import type { Analysis } from '../tokens/analyse.js';
import { BEHAVIOUR_CODES, type Behaviour } from '../types.js';

const ORDER = new Map(BEHAVIOUR_CODES.map((code, index) => [code, index]));

// Words that make a sentence interrogative in form when they lead it (after fillers).
const INTERROGATIVE = new Set(
  ('what how why where when who whom whose which whether do does did is are was were am have has had can could would will ' +
    "should shall may might must don't doesn't didn't isn't aren't wasn't weren't haven't hasn't can't couldn't wouldn't won't shouldn't " +
    "what's how's where's who's tell any anything anyone anybody").split(' '),
);
/** A question in declarative form ("So you're stuck?"): a statement said with a rising voice. */
function declarative(sentence: Analysis['sentences'][number], fillers: Lexicon | undefined): boolean {
  const first = sentence.words.find((word) => !inLexicon(fillers, word));
  return first !== undefined && !INTERROGATIVE.has(first.norm);
}

export function resolveBehaviours(proposed: Behaviour[], reply: Analysis, lexicons: Lexicons): Behaviour[] {
  const fillers = lexicons.get(RESERVED.fillers);
  const unique = new Map<string, Behaviour>();
  for (const behaviour of proposed) unique.set(`${behaviour.code}@${behaviour.start}:${behaviour.end}`, behaviour);
  const all = [...unique.values()];
  const has = (code: Behaviour['code'], span: Behaviour): boolean =>
    all.some((other) => other.code === code && other.start < span.end && span.start < other.end);
  const inQuestion = (span: Behaviour): boolean =>
    reply.sentences.some((sentence) => sentence.isQuestion && sentence.start <= span.start && span.end <= sentence.end);
  // MITI: a reflection phrased as a question is a question. A statement merely
  // voiced with a rising inflection is still phrased as a reflection: it keeps
  // the reflection code (and the question code its question mark earns).
  const inInterrogative = (span: Behaviour): boolean =>
    reply.sentences.some(
      (sentence) => sentence.isQuestion && sentence.start < span.end && span.start < sentence.end && !declarative(sentence, fillers),
    );

  const kept = all.filter((behaviour) => {
    switch (behaviour.code) {
      // A reflection phrased as a question is coded as a question.
      case 'reflection.simple':
        return !inInterrogative(behaviour) && !has('reflection.complex', behaviour);
      case 'reflection.complex':
        return !inInterrogative(behaviour);
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
