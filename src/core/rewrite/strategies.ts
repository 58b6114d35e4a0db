// What each fix strategy does with the sentence its rule found: the phrasing
// of permission, evoking, what-instead-of-why and one open question lives here,
// so rules name a strategy and stay data.
import type { Analysis, Token } from '../tokens/analyse.js';
import { gerund, isPlural, lowerFirst, rewriteSpan, spanText } from './grammar.js';
import { choose } from './reflect.js';
import { firstNounPhrase, isVerb, tagsOf } from './tags.js';
import { findPhrase, phraseAt, type RewriteWords } from './words.js';

/** Each sentence's tokens, punctuation included, in one pass over the text. */
export function tokensBySentence(analysis: Analysis): Token[][] {
  const groups: Token[][] = analysis.sentences.map(() => []);
  for (const token of analysis.tokens) {
    const sentence = analysis.sentences[token.sentence];
    if (sentence && token.start >= sentence.start && token.end <= sentence.end) groups[token.sentence]!.push(token);
  }
  return groups;
}

const norms = (tokens: readonly Token[]): string[] => tokens.map((token) => token.norm);

/** The advised action in a sentence of advice: its verb and the words that belong to it, or null. */
export interface Advice {
  verb: Token;
  /** the verb and the rest of its phrase, up to the next clause */
  phrase: Token[];
}

const ADVERBS = new Set(['just', 'really', 'simply', 'definitely', 'honestly', 'seriously', 'absolutely', 'still', 'also', 'maybe', 'perhaps', 'probably', 'please', 'even', 'actually', 'all', 'both', 'then', 'now', 'first', 'always', 'never', 'usually', 'sometimes', 'often', 'ever', 'at', 'least']);
// These end the advised action only when a new clause follows ("before you go"), not a noun ("before bed").
const CLAUSE_PREPOSITIONS = new Set(['before', 'after', 'until', 'since', 'as', 'while', 'when', 'if']);
const SUBJECT = /^(you|you're|you've|i|i'm|it|it's|he|she|they|we|things|everything|everyone)$/;
// What comes right before an advised action: "you should", "you need to", "I'd suggest", "why don't you", "have you tried".
const HEADS = [
  'should', 'must', 'need to', 'needs to', 'have to', 'has to', 'ought to', 'got to', 'gotta', 'better', 'could', 'can', 'might want to', 'might', 'want to', 'going to have to',
  "you'd better", 'suggest', 'recommend', 'advise', 'why not', "why don't you", 'how about', 'what about', 'have you tried', 'have you thought about', 'have you considered',
  'did you try', 'have you ever tried', 'helps to', 'help to', 'best to', 'would be to', 'is to', 'try', 'consider', 'start', 'if you',
].map((head) => head.split(' '));

function phraseFrom(tokens: Token[], start: number, words: RewriteWords): Token[] {
  const phrase: Token[] = [];
  for (let i = start; i < tokens.length && phrase.length < 9; i += 1) {
    const token = tokens[i]!;
    if (!token.isWord) break;
    if (phrase.length > 0 && words.clauseBreaks.has(token.norm) && (!CLAUSE_PREPOSITIONS.has(token.norm) || SUBJECT.test(tokens[i + 1]?.norm ?? ''))) break;
    // "…, and you'll feel better": a new clause with its own subject.
    if (phrase.length > 0 && /^(you|you'll|you're|you'd|it|it'll|that|that'll|this|they|he|she)$/.test(token.norm) && /^(will|'ll|would|is|are|can|won't)$/.test(tokens[i + 1]?.norm ?? '')) break;
    if (phrase.length > 0 && /^(you'll|it'll|that'll|you'd)$/.test(token.norm)) break;
    phrase.push(token);
  }
  return phrase;
}

export function adviceIn(tokens: Token[], words: RewriteWords): Advice | null {
  const tags = tagsOf(tokens, words);
  const wordsOnly = tokens.filter((token) => token.isWord);
  const startsWithVerb = (i: number): boolean => {
    const token = tokens[i];
    return !!token && token.isWord && !/^(you|i|it|that|this|there|he|she|they|we|your|my|the|a|an|if|when)$/.test(token.norm) && (isVerb(tags[i]) || /^[a-z]+$/.test(token.norm));
  };
  for (let i = 0; i < tokens.length; i += 1) {
    const head = HEADS.find((phrase) => phraseAt(tokens, i, phrase));
    if (!head) continue;
    let j = i + head.length;
    if (tokens[j]?.norm === 'that' && tokens[j + 1]?.norm === 'you') j += 2;
    if (tokens[j]?.norm === 'you' && !head.includes('you')) j += 1;
    while (j < tokens.length && ADVERBS.has(tokens[j]!.norm)) j += 1;
    // "try to talk", "try and talk", "start living": the action is the second verb; "try harder" is its own.
    if (/^(try|start|begin)$/.test(tokens[j]?.norm ?? '') && /^(to|and)$/.test(tokens[j + 1]?.norm ?? '')) j += 2;
    else if (/^(try|start|begin|keep)$/.test(tokens[j]?.norm ?? '') && /ing$/.test(tokens[j + 1]?.norm ?? '')) j += 1;
    if (startsWithVerb(j)) {
      const phrase = phraseFrom(tokens, j, words);
      if (phrase.length > 0) return { verb: phrase[0]!, phrase };
    }
  }
  // An imperative: the sentence opens on its verb ("Just go for a run every morning").
  let k = tokens.findIndex((token) => token.isWord);
  while (k >= 0 && k < tokens.length && ADVERBS.has(tokens[k]!.norm)) k += 1;
  if (k >= 0 && wordsOnly.length > 1 && isVerb(tags[k]) && tags[k] === 'VB') {
    const phrase = phraseFrom(tokens, k, words);
    if (phrase.length > 0) return { verb: phrase[0]!, phrase };
  }
  return null;
}

/** The advised action as a topic: "talk to your teacher" -> "talking to your teacher", minimisers dropped. */
export function adviceTopic(advice: Advice, text: string, words: RewriteWords): string {
  const rest = advice.phrase.slice(1).filter((_, i, all) => !words.minimisers.some((m) => m.length === 1 && phraseAt(all, i, m)));
  const tail = rest.length ? ` ${rewriteSpan({ text, tokens: rest }, [])}` : '';
  return `${gerund(advice.verb.norm)}${tail}`;
}

export const isPrescription = (advice: Advice, words: RewriteWords): boolean =>
  words.prescriptions.some((phrase) => phraseAt(advice.phrase, 0, phrase));

export const isDecision = (advice: Advice, words: RewriteWords): boolean => words.decisions.some((phrase) => phraseAt(advice.phrase, 0, phrase));

const PERMISSION: ((topic: string) => string)[] = [
  (t) => `Would it be okay if I shared one idea about ${t}?`,
  (t) => `Would you like to hear one thought I have about ${t}?`,
  (t) => `Can I offer one idea about ${t}, and you can tell me if it fits?`,
];

export const askPermissionAbout = (topic: string): string => PERMISSION[choose(topic, PERMISSION.length)]!(topic);

const EVOKE_ABOUT: ((topic: string) => string)[] = [
  (t) => `What would ${t} mean for you?`,
  (t) => `How do you feel about ${t}?`,
  (t) => `What have you already thought about when it comes to ${t}?`,
];

const EVOKE: string[] = ['What have you already thought about trying?', 'What ideas have you had yourself so far?', "What's helped, even a little, when things were like this before?"];

/** A question that asks for the client's own thinking, about a decision when there is one. */
export function evoke(seed: string, topic: string | null): string {
  return topic ? EVOKE_ABOUT[choose(topic, EVOKE_ABOUT.length)]!(topic) : EVOKE[choose(seed, EVOKE.length)]!;
}

const FORWARD = new Set(['did', 'would', 'could', 'do', 'does', 'will', 'have', 'had', 'has']);
const NEGATIVE = new Set(["didn't", "wouldn't", "couldn't", "won't", "can't", "don't", "doesn't", "haven't", "hasn't", 'cannot']);
const BEING = new Set(['are', 'were', 'is', 'was', "aren't", "weren't", "isn't", "wasn't", 'am']);

const JUDGING_TAIL = /^(without|of|for|with|when|instead|rather|though|anyway|knowing|after)$/;
// A why-question whose verb is the verdict ("why would you risk your health…") has no event to keep.
const LOADED_VERBS = /^(risk|waste|ruin|throw|jeopardise|jeopardize|endanger|sabotage|blow)$/;

/**
 * "Why didn't you just ask them?", "Why would you not tell anyone?": a why-not says they should have, and has no
 * event in it to ask about, so the rewrite leaves it out rather than turning it.
 */
export function asksWhyNot(tokens: readonly Token[]): boolean {
  const why = tokens.findIndex((token) => token.norm === 'why' || token.norm === "why'd");
  return why >= 0 && (NEGATIVE.has(tokens[why + 1]?.norm ?? '') || tokens.slice(why + 1, why + 5).some((token) => token.norm === 'not'));
}

/** "Why did you go back to him?" -> "What led up to you going back to him?", about the same event. */
export function whatInsteadOfWhy(tokens: Token[], text: string, words: RewriteWords): string | null {
  const why = tokens.findIndex((token) => token.norm === 'why' || token.norm === "why'd");
  if (why < 0) return null;
  let i = why + 1;
  const auxiliary = tokens[why]!.norm === "why'd" ? 'did' : (tokens[i++]?.norm ?? '');
  const subject = tokens[i];
  if (!subject || !/^(you|he|she|they|it|your)$/.test(subject.norm)) return null;
  i += 1;
  while (i < tokens.length && (ADVERBS.has(tokens[i]!.norm) || tokens[i]!.norm === 'not')) i += 1;
  const whole = phraseFrom(tokens, i, words).filter((token) => !words.minimisers.some((m) => m.length === 1 && m[0] === token.norm));
  // The event, not the verdict riding on it: "…a payday loan for a school trip, of all things" asks about the loan;
  // "…without talking to anyone first" and "…with something off the internet" go.
  const qualifier = whole.findIndex((token, k) => k >= 2 && JUDGING_TAIL.test(token.norm));
  const rest = qualifier > 0 ? whole.slice(0, qualifier) : whole;
  if (rest.length === 0) return null;
  if (LOADED_VERBS.test(rest[0]!.norm)) return 'What led up to that?';
  // "Why do you think you're not sleeping?" asks for their own account, which "what happens when you think" loses.
  if (subject.norm === 'you' && /^(think|reckon|suppose|guess|imagine)$/.test(rest[0]!.norm)) return 'What do you make of it yourself?';
  const restText = rewriteSpan({ text, tokens: rest }, []);
  const tail = rest.length > 1 ? ` ${rewriteSpan({ text, tokens: rest.slice(1) }, [])}` : '';
  const who = subject.norm === 'you' ? 'you' : lowerFirst(subject.text, words);
  if (BEING.has(auxiliary)) {
    return /^(were|was|weren't|wasn't)$/.test(auxiliary) ? `What was happening that had ${who} ${restText}?` : `What's been happening that has ${who} ${restText}?`;
  }
  if (auxiliary === 'do' || auxiliary === 'does') return `What happens for ${who === 'you' ? 'you' : 'them'} when ${who} ${restText}?`;
  if (FORWARD.has(auxiliary)) return `What led up to ${who === 'you' ? 'you' : who} ${gerund(rest[0]!.norm)}${tail}?`;
  return null;
}

const OPEN_ABOUT: ((topic: string) => string)[] = [
  (t) => `What's been happening with ${t}?`,
  (t) => `How have things been with ${t}?`,
  // The verb agrees with the topic: "What's the pain been like", "What have your moods been like".
  (t) => (isPlural(t) ? `What have ${t} been like for you?` : `What's ${t} been like for you?`),
];

const PRONOUN_LIKE = /^(you|your|yours|yourself|i|me|my|we|it|this|that|thing|things|anything|something|everything|time|lot|one|way|ok|okay|sure|deal|idea|end|moment|minute|second)$/;

const definite = (phrase: Token[] | null): Token[] | null => (phrase && !/^(a|an)$/.test(phrase[0]!.norm) ? phrase : null);

/** Several closed questions made one open question on their topic: theirs when it is definite ("the pain"), else the client's ("your moods"). */
export function oneOpenQuestion(questions: Token[][], text: string, words: RewriteWords, client: Analysis | null = null): string {
  const skip = (token: Token): boolean => PRONOUN_LIKE.test(token.norm);
  const asked = definite(firstNounPhrase(questions.flat(), words, skip));
  const theirs = asked ? null : client && definite(firstNounPhrase(client.tokens, words, skip));
  const topic = asked ? lowerFirst(spanText({ text, tokens: asked }), words) : theirs ? rewriteSpan({ text: client!.text, tokens: theirs }, words.secondPerson) : null;
  if (!topic) return "What's been the hardest part of all this for you?";
  return OPEN_ABOUT[choose(topic, OPEN_ABOUT.length)]!(topic);
}

/** Is a draft question already about safety? It is then the one the rewrite keeps. */
export const asksAboutSafety = (tokens: Token[], words: RewriteWords): boolean => !!findPhrase(tokens, words.safety);

/** "What are your outgoings, and have you spoken to an adviser?": two questions in one, the second closed. */
export const stacksQuestions = (tokens: readonly Token[]): boolean =>
  tokens.some((token, i) => i > 2 && /^(and|or)$/.test(token.norm) && /^(have|did|do|are|is|can|could|would|will|has)$/.test(tokens[i + 1]?.norm ?? '') && /^(you|they|he|she|it|we)$/.test(tokens[i + 2]?.norm ?? ''));

/** Is a question open (what/how, not "how many"), so it can stand as the rewrite's one question? */
export function isOpenQuestion(tokens: Token[]): boolean {
  const first = tokens.find((token) => token.isWord && !/^(so|and|but|well|okay|ok|then|now)$/.test(token.norm));
  if (!first) return false;
  const next = tokens[tokens.indexOf(first) + 1]?.norm ?? '';
  if (first.norm === 'how' && /^(many|much|often|long|old|far|soon)$/.test(next)) return false;
  // "What kind of car was it?", "Who was driving?": a fact to fill in, not room to talk.
  if (first.norm === 'what' && /^(kind|type|sort|time|day|year|age|colour|color|size|number|brand|make|model)$/.test(next)) return false;
  // "What I'm hearing is …, and who could blame her?" is a statement with a question tacked on.
  if (first.norm === 'what' && /^(i'm|i|you're|you)$/.test(next) && /^(hearing|hear|heard|saying|said|mean)$/.test(tokens[tokens.indexOf(first) + 2]?.norm ?? '')) return false;
  return /^(what|how|what's|how's|tell)$/.test(first.norm) && !norms(tokens).includes('why') && !stacksQuestions(tokens);
}
