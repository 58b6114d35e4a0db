// Issue findings -> one suggested reply, and why each change was made. Each
// issue rule names, as data, the strategy that mends what it found; this plans
// the draft sentence by sentence (keep, drop, or turn into the one question),
// adds a reflection of the client, and composes the result (compose.ts).
// Whether the result is better is decided by re-scoring it, not here.
import type { RuleHit } from '../matches/run.js';
import type { Lexicons } from '../rules/lexicons.js';
import { PatternIndex } from '../rules/patterns/index.js';
import { normalise, stemOf, type Analysis, type Token } from '../tokens/analyse.js';
import type { RewriteChange } from '../types.js';
import { GOOD, POOR } from '../findings/score.js';
import { compose, type Candidate, type Plan } from './compose.js';
import { acknowledgeRisk, choose, disclosedRisk, namedRisk, reflectClient, reflectTopic, safetyQuestion, type Heard, type Reflection } from './reflect.js';
import {
  adviceIn,
  adviceTopic,
  askPermissionAbout,
  asksWhyNot,
  asksAboutSafety,
  evoke,
  isDecision,
  isOpenQuestion,
  isPrescription,
  oneOpenQuestion,
  stacksQuestions,
  tokensBySentence,
  whatInsteadOfWhy,
} from './strategies.js';
import { findPhrase, isContent, isFeeling, phraseAt, rewriteWords, type Family, type RewriteWords } from './words.js';


export interface RewriteInput {
  text: string;
  reply: Analysis;
  client: Analysis | null;
  hits: RuleHit[];
  lexicons: Lexicons;
  /** the draft's own score: a good draft with nothing to mend is left as it is; a poor one keeps only plain acknowledgements */
  draftScore?: number;
}

export interface Proposal {
  text: string;
  changes: RewriteChange[];
}

const PRIORITY = { safety: 6, draftSafety: 5, why: 4, offer: 3, open: 2, closed: 1 } as const;

const shorten = (text: string, limit = 8): string => {
  const words = text.trim().replace(/[.!?…]+$/, '').split(/\s+/);
  return words.length > limit ? `${words.slice(0, limit).join(' ')}…` : words.join(' ');
};

/** Drop the minimising words of a kept sentence ("just", "simply"), each with its reason. */
function dropMinimisers(plan: Plan, words: RewriteWords, within?: { start: number; end: number }): void {
  plan.tokens.forEach((token, i) => {
    if (within && (token.start < within.start || token.end > within.end)) return;
    const phrase = words.minimisers.find((m) => phraseAt(plan.tokens, i, m));
    if (!phrase) return;
    const last = plan.tokens[i + phrase.length - 1]!;
    if (plan.edits.some((edit) => edit.start <= token.start && token.start < edit.end)) return;
    const shown = plan.text.slice(token.start, last.end);
    plan.edits.push({ start: token.start, end: last.end, replacement: '', reason: `drops the minimiser “${shown}”` });
  });
}

const LISTENING_OPENER = /^\W*(it sounds|sounds like|what i'?m hearing|what i hear|i hear|i'?m hearing|it seems|seems like|so you'?re saying|you'?re saying|if i'?ve understood)\b/i;

export function proposeRewrite({ text, reply, client, hits, lexicons, draftScore = GOOD }: RewriteInput): Proposal | null {
  const words = rewriteWords(lexicons);
  const fixes = hits.filter(({ rule }) => rule.definition.kind === 'issue' && rule.definition.fix);
  const clientStems = new Set(client?.words.filter((token) => isContent(token, words)).map((token) => token.stem));
  // The judgment decides whether the client disclosed a risk (its `clientSays` rules); the rewrite decides how to ask.
  const judgedRisk = hits.filter(({ rule }) => rule.clientSays !== undefined && rule.definition.kind === 'issue');
  // A draft that already asks about safety silences the judgment's risk rules, but the rewrite must still keep to safety.
  const draftAsksSafety = () => reply.sentences.some((sentence) => sentence.isQuestion && asksAboutSafety(reply.tokens.filter((token) => token.sentence === sentence.index), words));
  const risk = !client ? null : judgedRisk.length ? disclosedRisk(client, words, heardIn(client, judgedRisk, lexicons)) : draftAsksSafety() ? namedRisk(client, words) : null;
  const grouped = tokensBySentence(reply);
  const plans: Plan[] = reply.sentences.map((sentence) => ({ sentence, tokens: grouped[sentence.index]!, text, fate: 'keep', reason: '', edits: [] }));
  const planAt = (offset: number): Plan | undefined => {
    // Sentences are in order: the last one starting at or before the offset.
    let low = 0;
    let high = plans.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if (plans[middle]!.sentence.start <= offset) low = middle;
      else high = middle - 1;
    }
    const plan = plans[low];
    return plan && plan.sentence.start <= offset && offset < plan.sentence.end ? plan : undefined;
  };
  const candidates: Candidate[] = [];
  const drop = (plan: Plan, reason: string): void => {
    if (plan.fate !== 'keep') return;
    plan.fate = 'drop';
    plan.reason = reason;
  };
  const ask = (plan: Plan, question: string, reason: string, priority: number): void => {
    if (plan.fate !== 'keep') return;
    plan.fate = 'question';
    plan.reason = reason;
    candidates.push({ text: question, reason, priority, plan });
  };

  // A draft short of "good" with nothing to mend ("PE is compulsory, and exercise is good for you") still
  // passes the client by: it is offered a reflection of what they said.
  let wantsReflection = fixes.length === 0 && client !== null && draftScore < GOOD;
  // Advice to a client who asked for none is left out, not turned into an offer or a "what have you tried?":
  // the reply stays with what they said and ends on an open question about it. Asked for ideas, it is offered.
  const unasked = client && !findPhrase(client.tokens, words.asksForHelp)
    ? (plan: Plan, matched: string): void => {
        drop(plan, `leaves out the advice “${shorten(matched, 6)}”: the client asked for none, so the reply explores first`);
        plan.harm = { start: plan.sentence.start, end: plan.sentence.end };
      }
    : null;
  let stacked = false;
  // A sentence that has to go is not worth rephrasing, so drops come first; otherwise the heavier rule wins.
  const dropsFirst = (hit: RuleHit): number => (hit.rule.definition.fix!.strategy === 'drop' ? 0 : 1);
  fixes.sort((a, b) => dropsFirst(a) - dropsFirst(b) || b.rule.definition.weight - a.rule.definition.weight || a.match.start - b.match.start);
  for (const { rule, match } of fixes) {
    const fix = rule.definition.fix!;
    const plan = planAt(match.start);
    const matched = text.slice(match.start, match.end);
    switch (fix.strategy) {
      case 'reflect-client':
        wantsReflection = true;
        break;
      case 'one-open-question':
        stacked = true;
        break;
      case 'safety-question':
        if (plan) ask(plan, risk ? safetyQuestion(risk, words) : 'Are you safe right now?', 'asks directly about safety', PRIORITY.safety);
        break;
      case 'drop':
        if (plan?.fate === 'keep') {
          drop(plan, fix.harm ? `drops the ${fix.harm} “${shorten(matched)}”` : `drops “${shorten(matched)}”`);
          plan.harm = { start: match.start, end: match.end };
        } else if (plan?.harm && fix.harm && plan.reason.split(' and the ').length < 3) {
          // Every harm in a dropped sentence is named ("… and the dismissal “not a big deal”").
          plan.reason += ` and the ${fix.harm} “${shorten(matched)}”`;
          plan.harm = { start: Math.min(plan.harm.start, match.start), end: Math.max(plan.harm.end, match.end) };
        }
        break;
      case 'drop-minimiser':
        if (plan?.fate === 'keep') dropMinimisers(plan, words, match);
        break;
      case 'replace-words': {
        // Only the first word is replaced: the words after it say when ("but you" becomes "and you").
        const first = /^[\p{L}'’]+/u.exec(matched)?.[0] ?? matched;
        const end = match.start + first.length;
        if (plan?.fate === 'keep' && !plan.edits.some((edit) => edit.start < end && match.start < edit.end)) {
          plan.edits.push({ start: match.start, end, replacement: fix.with!, reason: `“${fix.with}” instead of “${first}”` });
        }
        break;
      }
      case 'ask-permission-about': {
        if (!plan) break;
        const advice = adviceIn(plan.tokens, words);
        // A decision is asked about only when the client is weighing it: "What would leaving the group mean for you?"
        // to a client who never spoke of leaving is the draft's advice again.
        const weighing = advice && isDecision(advice, words) && clientStems.has(stemOf(normalise(adviceTopic(advice, text, words).split(/\s+/)[0] ?? '')));
        if (unasked && !weighing) unasked(plan, matched);
        else if (!advice) ask(plan, evoke(matched, null), `asks for the client's own ideas instead of “${shorten(matched, 6)}”`, PRIORITY.offer);
        else if (isPrescription(advice, words)) drop(plan, `drops the prescription “${shorten(plan.text.slice(plan.sentence.start, plan.sentence.end))}”`);
        else {
          const topic = adviceTopic(advice, text, words);
          if (isDecision(advice, words)) ask(plan, evoke(topic, topic), `asks what the client thinks about “${topic}” instead of deciding for them`, PRIORITY.offer);
          // "one idea about doing that" offers nothing: without a real object the client's own ideas are asked for.
          else if (isVagueTopic(topic, words)) ask(plan, evoke(matched, null), `asks for the client's own ideas instead of “${shorten(matched, 6)}”`, PRIORITY.offer);
          else ask(plan, askPermissionAbout(topic), `asks permission before offering an idea about “${topic}”`, PRIORITY.offer);
        }
        break;
      }
      case 'evoke-about':
        if (plan && unasked) unasked(plan, matched);
        else if (plan) ask(plan, evoke(matched, null), `asks for the client's own ideas instead of suggesting “${shorten(matched, 6)}”`, PRIORITY.offer);
        break;
      case 'what-instead-of-why': {
        if (!plan) break;
        // "Why did you send it?" to someone whose photo was shared asks them to answer for what was done to
        // them: a why-question is turned only when it is about something the client says they did.
        if (client && !plan.tokens.some((token) => isContent(token, words) && token.norm !== 'why' && clientStems.has(token.stem))) {
          drop(plan, `leaves out “${shorten(matched, 4)}…”, which asks the client to justify something they did not say they did`);
          plan.harm = { start: plan.sentence.start, end: plan.sentence.end };
          break;
        }
        // "…because I didn't want to be at home staring at the cot": the client has said why, and asking what led up
        // to it asks again; what it has been like since is theirs to tell.
        if (client && findPhrase(client.tokens, words.reasons)) {
          const since = SINCE[choose(client.text, SINCE.length)]!;
          ask(plan, since, `asks how it has been for the client instead of “${shorten(matched, 4)}”: they have already said why`, PRIORITY.why);
          break;
        }
        if (asksWhyNot(plan.tokens)) {
          drop(plan, `leaves out “${shorten(matched, 4)}…”, which asks why they did not, as if they should have`);
          break;
        }
        const question = whatInsteadOfWhy(plan.tokens, text, words);
        if (question) ask(plan, question, `asks what happened instead of “${shorten(matched, 4)}”, which asks for a justification`, PRIORITY.why);
        else ask(plan, 'What was happening for you at the time?', `asks what happened instead of “${shorten(matched, 4)}”`, PRIORITY.why);
        break;
      }
    }
  }

  // A sentence that also carries a fault, or is coded as advice, a directive or reassurance ("You're young, you'll
  // meet someone else"), is not credited: the rewrite would hand the draft's problem back.
  const faulted = new Set(
    hits
      .filter(({ rule }) => rule.definition.kind === 'issue' || rule.definition.behaviours?.some((code) => code === 'advice' || code === 'directive' || code === 'reassurance'))
      .map(({ match }) => planAt(match.start)),
  );
  // The draft's own questions that are left: several closed ones become one open one; a safety question stays first in line.
  // A question that carries a fault of its own ("Would you be willing to only call when it's a real emergency?") is not the one to end on.
  for (const plan of plans) {
    if (plan.fate === 'keep' && plan.sentence.isQuestion && faulted.has(plan) && !asksAboutSafety(plan.tokens, words) && hits.some(({ rule, match }) => planAt(match.start) === plan && rule.definition.kind === 'issue' && (rule.definition.cap !== undefined || rule.definition.fix?.strategy === 'drop' || rule.definition.behaviours?.includes('directive') === true))) {
      drop(plan, `leaves out “${shorten(plan.text.slice(plan.sentence.start, plan.sentence.end), 6)}”, which asks for what the draft should not`);
    }
  }
  const draftQuestions = plans.filter((plan) => plan.fate === 'keep' && plan.sentence.isQuestion);
  let replacedQuestions = 0;
  const stackedOpen = draftQuestions.find((plan) => isOpenQuestion(plan.tokens));
  if (stacked && client && !stackedOpen && draftQuestions.length > 1 && !draftQuestions.some((plan) => asksAboutSafety(plan.tokens, words))) {
    // With a client statement, the one open question is about what they said, not the draft's nouns ("the police").
    for (const plan of draftQuestions) drop(plan, `leaves out “${shorten(plan.text.slice(plan.sentence.start, plan.sentence.end), 6)}”, so the reply asks one question`);
    replacedQuestions = draftQuestions.length;
  } else if (stacked && draftQuestions.length > 1 && !draftQuestions.some((plan) => asksAboutSafety(plan.tokens, words))) {
    const open = stackedOpen;
    const question = open ? open.text.slice(open.sentence.start, open.sentence.end) : oneOpenQuestion(draftQuestions.map((plan) => plan.tokens), text, words, client);
    const reason = open ? `keeps one open question instead of ${draftQuestions.length}` : `asks one open question instead of ${draftQuestions.length} closed ones`;
    for (const plan of draftQuestions) drop(plan, `leaves out “${shorten(plan.text.slice(plan.sentence.start, plan.sentence.end), 6)}”, so the reply asks one question`);
    const anchor = open ?? draftQuestions[draftQuestions.length - 1]!;
    anchor.fate = 'question';
    anchor.reason = reason;
    candidates.push({ text: question, reason, priority: PRIORITY.offer, plan: anchor, original: open !== undefined });
  } else {
    for (const plan of draftQuestions) {
      dropMinimisers(plan, words);
      const priority = asksAboutSafety(plan.tokens, words) ? PRIORITY.draftSafety : isOpenQuestion(plan.tokens) ? PRIORITY.open : PRIORITY.closed;
      plan.fate = 'question';
      candidates.push({ text: plan.text.slice(plan.sentence.start, plan.sentence.end), reason: '', priority, plan, original: true });
    }
  }

  const said = (plan: Plan): string => shorten(plan.text.slice(plan.sentence.start, plan.sentence.end));
  // Sentences that acknowledge the client (strengths marked `acknowledges`): kept where others go.
  const warm = new Set(hits.filter(({ rule }) => rule.definition.kind === 'strength' && rule.definition.acknowledges === true).map(({ match }) => planAt(match.start)));
  // Sentences any strength rule credits (an affirmation, a tentative guess): kept where off-topic ones go.
  // A measure of the whole reply ("one question") credits no sentence of it.
  const credited = new Set(hits.filter(({ rule, match }) => rule.definition.kind === 'strength' && rule.definition.type !== 'count' && rule.definition.type !== 'absence' && !faulted.has(planAt(match.start))).map(({ match }) => planAt(match.start)));
  /** Takes back the draft's own questions of these priorities that no strength credits, leaving their sentences out. */
  const dropDraftQuestions = (priorityWanted: (priority: number) => boolean, why: string): void => {
    for (let i = candidates.length - 1; i >= 0; i--) {
      const { original, plan, priority } = candidates[i]!;
      // A strength's credit for its open half does not keep a question that stacks a closed one on it.
      if (!original || !plan || !priorityWanted(priority) || (credited.has(plan) && !stacksQuestions(plan.tokens))) continue;
      candidates.splice(i, 1);
      plan.fate = 'keep';
      drop(plan, `leaves out “${said(plan)}”: ${why}`);
    }
  };
  // Sentences coded as a reflection (the coding rules' behaviours), the way MITI coders see them.
  const reflective = new Set(hits.filter(({ rule }) => rule.definition.behaviours?.some((code) => code.startsWith('reflection'))).map(({ match }) => planAt(match.start)));
  for (const plan of plans) plan.valued = warm.has(plan) || reflective.has(plan);
  const toClient = (plan: Plan): boolean => plan.tokens.some((token) => /^(you|your|you're|you've|you'd|yourself)$/.test(token.norm));

  // A client who discloses a risk is asked about it, first and directly, whatever the draft did.
  let reflection: Reflection | null = null;
  const asksSafety = candidates.some((c) => c.priority >= PRIORITY.draftSafety);
  if (risk && !(fixes.length === 0 && asksSafety)) {
    if (!asksSafety) candidates.push({ text: safetyQuestion(risk, words), reason: 'asks directly and caringly about safety', priority: PRIORITY.safety, plan: null });
    const aboutSafety = (plan: Plan): boolean => asksAboutSafety(plan.tokens, words);
    for (const plan of plans) if (plan.fate === 'keep' && !(warm.has(plan) && toClient(plan)) && !aboutSafety(plan)) drop(plan, `leaves out “${said(plan)}” to keep the focus on the client's safety`);
    // A draft that already thanks the client for telling needs the disclosure said back, not a second thank-you.
    reflection = acknowledgeRisk(risk, words, plans.some((plan) => plan.fate === 'keep' && warm.has(plan)));
  } else if (fixes.length === 0 && !wantsReflection) {
    return null;
  }

  // A statement about the helper ("My brother and I once …") takes the floor from the client, unless it is warm.
  for (const plan of plans) {
    const selfWords = plan.tokens.filter((token) => /^(i|i'm|i've|i'd|i'll|me|my|mine|myself)$/.test(token.norm)).length;
    if (plan.fate === 'keep' && selfWords >= 2 && !warm.has(plan)) drop(plan, `leaves out “${said(plan)}”, which is about you rather than the client`);
  }
  for (const plan of plans) if (plan.fate === 'keep') dropMinimisers(plan, words);

  // After harm, or in a draft that scores poor, a validating sentence of the draft's may carry the fault on
  // ("it makes sense that you'd want an excuse", "Fourteen is a great age for a dog"): only a plain
  // acknowledgement of how hard it is stays.
  if (client && (draftScore < POOR || hits.some(({ rule }) => rule.definition.kind === 'issue' && rule.definition.severity === 'error'))) {
    for (const plan of plans) if (plan.fate === 'keep' && !plainAcknowledgement(plan.tokens, words)) drop(plan, `leaves out “${said(plan)}”: after the draft's harm, only a plain acknowledgement is kept`);
    // Nor does a question of the draft's stay that nothing credits: it carries the draft's agenda.
    dropDraftQuestions((priority) => priority < PRIORITY.draftSafety, 'after the draft\'s harm, its own questions go too');
  }

  if (!reflection) {
    // With a client statement, a kept sentence already reflects when it says something of theirs back to them.
    const picksUp = (plan: Plan): boolean => plan.tokens.some((token) => clientStems.has(token.stem) && isContent(token, words));
    // Saying "you" is not saying back what they said: "You've got this!!!" reflects nothing of theirs.
    // And when the judgment found nothing that acknowledges them, picking up their words was not enough.
    const reflects = client
      ? !wantsReflection && plans.some((plan) => plan.fate === 'keep' && toClient(plan) && picksUp(plan))
      : hits.some(({ rule, match }) => rule.definition.kind === 'strength' && /validation|attunement/.test(rule.definition.dimension) && planAt(match.start)?.fate === 'keep');
    const dropped = plans.some((plan) => plan.fate !== 'keep');
    if (!reflects && (client || wantsReflection || dropped)) {
      // The reply's own topic, but never from the harmful words themselves ("not a big deal").
      const topical = plans.flatMap((plan) => plan.tokens.filter((token) => !plan.harm || token.end <= plan.harm.start || token.start >= plan.harm.end));
      // "…, and that's a lot to carry" reads twice over before a kept "That must be hard".
      const acknowledged = plans.some((plan) => plan.fate === 'keep' && warm.has(plan));
      const kept = plans.filter((plan) => plan.fate === 'keep').map((plan) => plan.text.slice(plan.sentence.start, plan.sentence.end));
      reflection = client ? reflectClient(client, words, !acknowledged, kept) : reflectTopic(reply, topical, words, candidates.map((c) => c.text));
    }
    // Once the client is reflected, what is kept of a draft that needed mending is what earned credit: a
    // statement no strength rule credits ("Fourteen is a great age for a dog", "Chemo has come a long way")
    // is the draft's own agenda, and the reflection has taken its place.
    if (reflection && client) {
      for (const plan of plans) {
        // Two listening frames in a row stuff the reply with frames; the reflection says it in the client's words.
        if (plan.fate === 'keep' && LISTENING_OPENER.test(plan.text.slice(plan.sentence.start, plan.sentence.end))) {
          drop(plan, `leaves out “${said(plan)}”: the reflection of the client's own words says it`);
          continue;
        }
        // A long explanation ("Your heart rate rises to pump blood …") lectures, whatever a coder credits it with.
        if (plan.fate === 'keep' && !warm.has(plan) && plan.tokens.filter((token) => token.isWord).length > LECTURE_WORDS) drop(plan, `leaves out “${said(plan)}”, which explains rather than listens`);
        if (plan.fate !== 'keep' || credited.has(plan)) continue;
        drop(plan, picksUp(plan) || toClient(plan) ? `leaves out “${said(plan)}”, which speaks for the client rather than to what they said` : `leaves out “${said(plan)}”, which moves away from what the client said`);
      }
      // So is a closed question of the draft's that no strength credits ("What kind of car was it?"): the
      // reflection ends on an open one instead.
      dropDraftQuestions((priority) => priority === PRIORITY.closed, 'it asks for a fact rather than about the client');
    }
  }

  // A reflection with nothing after it leaves the client nowhere to go: one open question on what they said.
  if (client && !risk && candidates.length === 0) {
    const named = client.words.some((token) => isFeeling(token, words));
    const asked = invitationsAfter(reflection, named);
    const question = asked[choose(reflection?.text ?? client.text, asked.length)]!;
    const reason = replacedQuestions ? `asks one open question about what the client said instead of ${replacedQuestions} closed ones` : 'ends on one open question about what the client said';
    candidates.push({ text: question, reason, priority: 0, plan: null });
  }
  return compose({ text, plans, candidates, reflection, words });
}

/** Where in the client statement the judgment heard what its risk rules answer: the start offsets of their `clientSays` matches. */
function heardIn(client: Analysis, hits: RuleHit[], lexicons: Lexicons): Heard[] {
  // One index of all the patterns, so each sentence is scanned once, not once per pattern.
  const index = new PatternIndex(lexicons);
  for (const pattern of new Set(hits.flatMap(({ rule }) => rule.clientSays ?? []))) index.add(pattern);
  return client.sentences.flatMap((sentence) => [...index.scan(sentence.words).values()].flat().map((range) => ({ start: sentence.words[range.first]!.start, end: sentence.words[range.last - 1]!.end })));
}

const LECTURE_WORDS = 16;
const HARD = /^(hard|tough|difficult|painful|awful|exhausting|frightening|scary|lot|sorry|thank|thanks|glad|heavy|horrible|terrible|unfair|upsetting|overwhelming|brave|rough|sad|shock|shocking)$/;
const TURNS = /^(but|though|however|if|because|cause|since|they|he|she|them|him|her|his|their|should|need|only|least)$/;

/** "That must be exhausting", "I'm so sorry", "Thank you for telling me": short, about how hard it is, turning on nothing. */
function plainAcknowledgement(tokens: readonly Token[], words: RewriteWords): boolean {
  const said = tokens.filter((token) => token.isWord);
  return said.length <= 9 && said.some((token) => HARD.test(token.norm) || isFeeling(token, words)) && !said.some((token) => TURNS.test(token.norm));
}

// Questions that explore, not fix: "what would help?" before the client feels heard is the draft's hurry again.
// ("What's stayed with you most about it?" was tried: it fits a past event, not a feeling now.)
const INVITATIONS = [
  "What's been the hardest part of that for you?",
  'How are you doing with all of this?',
  "What's that been like for you?",
  'How are you feeling about it now?',
  'What do you make of it all?',
];
/** The open questions that go on from what the reflection said back; `named`: the client named a feeling. */
function invitationsAfter(reflection: Reflection | null, named: boolean): readonly string[] {
  if (reflection?.tooMuch) return AT_THEIR_PACE;
  if (reflection?.loss) return LOSS_INVITATIONS;
  if (reflection?.family) return FEELING_INVITATIONS[reflection.family];
  if (reflection?.between) return BETWEEN.map((question) => question(reflection.between!));
  return INVITATIONS.filter((question) => !(named && question === ASKS_FEELING));
}

// After "I can't even think about it": what they can talk about, not what they make of it.
const AT_THEIR_PACE = ['What would feel okay to talk about right now?', 'What feels manageable to talk about today?'];
// After what someone close did to the client, the question is about the two of them.
const BETWEEN = [(person: string): string => `How are things between you and your ${person} at the moment?`, (person: string): string => `What's it like between you and your ${person} right now?`];
// A client who has said how they feel is not asked it again.
const ASKS_FEELING = 'How are you feeling about it now?';
// After a painful feeling is said back, the question goes on with that feeling.
const FEELING_INVITATIONS: Record<Family, string[]> = {
  fear: ['What worries you most about it?', 'What goes through your mind when the fear is at its worst?'],
  sadness: ["What's been the hardest part?", 'How has it been for you, day to day?'],
  strain: ['What takes the most out of you at the moment?', 'How are you managing, day to day?'],
  shame: ["What's the hardest part of it for you?", 'What goes through your mind when you think about it?'],
  anger: ['What hurt the most about it?', 'What made it land so hard?'],
};
const SINCE = ['What has that been like for you?', 'How has all of this been for you?'];
const LOSS_INVITATIONS = ['How are you holding up?', 'How have you been coping since?', "What's it been like for you since then?"];

// Verbs that say nothing of their own: "doing that", "thinking of your grandchildren" carry no idea to offer.
const EMPTY_VERBS = /^(doing|thinking|being|getting|having|trying|making|going|taking|looking|feeling|remembering|focusing)$/;

function isVagueTopic(topic: string, words: RewriteWords): boolean {
  const [verb, ...rest] = topic.toLowerCase().match(/[\p{L}']+/gu) ?? [];
  const content = rest.filter((word) => !words.stopwords.has(word) && !/^(that|this|it|them|those|these|things|stuff|more|yourself|about|of|on)$/.test(word));
  return content.length === 0 || (EMPTY_VERBS.test(verb ?? '') && content.length < 2);
}
