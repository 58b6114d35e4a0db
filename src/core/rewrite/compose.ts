// The planned draft -> the rewrite's text and its changes: the reflection
// first, the kept sentences, then at most one question, last. Kept sentences
// must still make sense without their neighbours, and the whole stays about as
// long as the draft.
import type { Sentence, Token } from '../tokens/analyse.js';
import type { RewriteChange } from '../types.js';
import { tidy, wordCount } from './grammar.js';
import { choose, type Reflection } from './reflect.js';
import type { Proposal } from './rewrite.js';
import type { RewriteWords } from './words.js';

/** What happens to one sentence of the draft. */
export interface Plan {
  sentence: Sentence;
  tokens: Token[];
  /** the whole draft, which the sentence's offsets point into */
  text: string;
  /** keep it (with its edits), drop it, or it is, or became, a question */
  fate: 'keep' | 'drop' | 'question';
  reason: string;
  edits: RewriteChange[];
  /** the harmful words that got it dropped: never a topic to reflect */
  harm?: { start: number; end: number };
  /** it reflects or acknowledges the client: the last to go when the rewrite is too long */
  valued?: boolean;
}

/** A question the rewrite could end on. */
export interface Candidate {
  text: string;
  reason: string;
  priority: number;
  /** the draft sentence it stands for, or null for one the draft never asked */
  plan: Plan | null;
  /** the draft's own question, kept as written */
  original?: boolean;
}

interface ComposeInput {
  text: string;
  plans: Plan[];
  candidates: Candidate[];
  reflection: Reflection | null;
  words: RewriteWords;
}

const sentenceText = (plan: Plan): string => plan.text.slice(plan.sentence.start, plan.sentence.end);
const brief = (text: string, limit = 6): string => {
  const words = text.trim().split(/\s+/);
  return words.length > limit ? `${words.slice(0, limit).join(' ')}…` : text.trim();
};

function edited(plan: Plan): string {
  let result = sentenceText(plan);
  for (const edit of [...plan.edits].sort((a, b) => b.start - a.start)) {
    const from = edit.start - plan.sentence.start;
    const to = edit.end - plan.sentence.start;
    result = result.slice(0, from) + edit.replacement + result.slice(to);
  }
  result = result.replace(/\s+/g, ' ').trim();
  return /[.!?…"”)]$/.test(result) ? result : `${result}.`;
}

// Words that point back at the sentence before, or join onto it.
const POINTS_BACK = /^(that|this|those|these|that's|this's|which)$/;
// A cheer ("Fresh start!") after a sentence that went was cheering that sentence on.
const EXCLAIMS = /!\s*$/;
const JOINS_ON = /^(but|and|so|also|plus|because|or|though|however|still)$/;

/** A kept sentence whose neighbour went: one that points back at it goes too; one that joined onto it loses the join. */
function keepCoherent(plans: Plan[]): void {
  plans.forEach((plan, i) => {
    const before = plans[i - 1];
    if (plan.fate !== 'keep' || !before || before.fate === 'keep') return;
    const first = plan.tokens.find((token) => token.isWord);
    if (!first) return;
    if (POINTS_BACK.test(first.norm)) {
      plan.fate = 'drop';
      plan.reason = `leaves out “${brief(sentenceText(plan))}”, whose “${first.text}” pointed at a sentence that is gone`;
    } else if (EXCLAIMS.test(sentenceText(plan))) {
      plan.fate = 'drop';
      plan.reason = `leaves out “${brief(sentenceText(plan))}”, which cheered on a sentence that is gone`;
    } else if (JOINS_ON.test(first.norm)) {
      const next = plan.tokens[plan.tokens.indexOf(first) + 1];
      const end = next && !next.isWord ? next.end : first.end;
      plan.edits.push({ start: first.start, end, replacement: '', reason: `drops the “${first.text}” that joined this to a sentence that is gone` });
    }
  });
}

// When everything the draft said had to go and there is nothing of the client's to say back: an invitation.
const INVITATIONS = ["What's been happening for you?", "What's going on for you right now?", 'What feels most important to talk about right now?'];

export function compose({ text, plans, candidates, reflection }: ComposeInput): Proposal | null {
  if (!reflection && candidates.length === 0 && plans.every((plan) => plan.fate !== 'keep')) {
    candidates.push({ text: INVITATIONS[choose(text, INVITATIONS.length)]!, reason: 'asks an open question in place of what was left out', priority: 0, plan: null });
  }
  const position = (candidate: Candidate): number => candidate.plan?.sentence.start ?? Infinity;
  const chosen = candidates.reduce<Candidate | null>(
    (best, candidate) => (!best || candidate.priority > best.priority || (candidate.priority === best.priority && position(candidate) < position(best)) ? candidate : best),
    null,
  );
  for (const candidate of candidates) {
    if (candidate === chosen || !candidate.plan) continue;
    candidate.plan.fate = 'drop';
    candidate.plan.reason = `leaves out “${brief(sentenceText(candidate.plan))}”, so the reply asks one question`;
  }
  keepCoherent(plans);

  // About as long as the draft: half as long again at most, or two sentences for a very short draft.
  const draftWords = wordCount(text);
  // The draft's own question keeps its edits (a minimiser dropped from it).
  const question = chosen?.original && chosen.plan ? edited(chosen.plan) : (chosen?.text ?? '');
  const pieces = (): string[] => [reflection?.text ?? '', ...plans.filter((plan) => plan.fate === 'keep').map(edited), question].filter(Boolean);
  const sizes = new Map(plans.filter((plan) => plan.fate === 'keep').map((plan) => [plan, wordCount(edited(plan))]));
  let pieceCount = (reflection ? 1 : 0) + sizes.size + (question ? 1 : 0);
  let total = wordCount(`${reflection?.text ?? ''} ${question}`) + [...sizes.values()].reduce((sum, n) => sum + n, 0);
  const byValue = [...plans].reverse().sort((a, b) => Number(a.valued ?? false) - Number(b.valued ?? false));
  for (const plan of byValue) {
    if (pieceCount <= 2 || total <= Math.ceil(1.5 * draftWords)) break;
    if (plan.fate !== 'keep') continue;
    plan.fate = 'drop';
    plan.reason = `leaves out “${brief(sentenceText(plan))}” to keep the reply short`;
    pieceCount -= 1;
    total -= sizes.get(plan) ?? 0;
  }

  const result = tidy(pieces().join(' '));
  if (!result || result === tidy(text)) return null;

  const changes: RewriteChange[] = [];
  if (reflection) changes.push({ start: 0, end: 0, replacement: reflection.text, reason: reflection.reason });
  const last = [...plans].reverse().find((plan) => plan.fate === 'keep' || plan === chosen?.plan);
  for (const plan of plans) {
    const { start, end } = plan.sentence;
    if (plan === chosen?.plan) {
      if (chosen.original) {
        changes.push(...plan.edits);
        if (plan !== last) changes.push({ start, end, replacement: '', reason: 'moves the question to the end' });
      } else if (plan === last) {
        changes.push({ start, end, replacement: chosen.text, reason: chosen.reason });
      } else {
        changes.push({ start, end, replacement: '', reason: `moves “${brief(sentenceText(plan))}” to the end, as the one question` });
      }
    } else if (plan.fate === 'keep') {
      changes.push(...plan.edits);
    } else {
      changes.push({ start, end, replacement: '', reason: plan.reason });
    }
  }
  if (chosen && (chosen.plan === null || chosen.plan !== last)) {
    changes.push({ start: text.length, end: text.length, replacement: chosen.text, reason: chosen.reason || 'keeps the question, at the end' });
  }
  return { text: result, changes: changes.sort((a, b) => a.start - b.start) };
}
