// `type: mirror` — how the reply picks up (or merely repeats) the client's words.
import { getOrAdd } from '../../maps.js';
import type { Analysis, Token } from '../../tokens/analyse.js';
import type { CompiledRule, RuleContext, RuleMatch } from '../context.js';
import { inLexicon, negatedAt, RESERVED, type Lexicon } from '../lexicons.js';
import type { PatternIndex } from '../patterns/index.js';
import type { RuleDefinition } from '../schema.js';
import { inRange } from './count.js';

type MirrorRule = Extract<RuleDefinition, { type: 'mirror' }>;

const VERBATIM_RUN = 3;
const SECOND_PERSON = new Set(['you', "you're", "you've", "you'd", "you'll", 'your', 'yourself']);

// A client statement is compared with the draft and again with its rewrite,
// by several mirror rules: what is derived from an analysis is kept with it.
const contentCache = new WeakMap<Analysis, Token[]>();
const contentStemCache = new WeakMap<Analysis, Set<string>>();
const positionCache = new WeakMap<Analysis, Map<string, number[]>>();
const feelingStemCache = new WeakMap<Analysis, Map<Lexicon | undefined, Set<string>>>();

function contentWords(analysis: Analysis, context: RuleContext): Token[] {
  return getOrAdd(contentCache, analysis, () => {
    const stopwords = context.lexicons.get(RESERVED.stopwords);
    return analysis.words.filter((token) => token.norm.length > 2 && !inLexicon(stopwords, token));
  });
}

function contentStems(analysis: Analysis, context: RuleContext): Set<string> {
  return getOrAdd(contentStemCache, analysis, () => new Set(contentWords(analysis, context).map((token) => token.stem)));
}

function feelingStems(analysis: Analysis, feelings: Lexicon | undefined): Set<string> {
  const byLexicon = getOrAdd(feelingStemCache, analysis, () => new Map<Lexicon | undefined, Set<string>>());
  return getOrAdd(byLexicon, feelings, () => new Set(analysis.words.filter((token) => inLexicon(feelings, token)).map((token) => token.stem)));
}

/** Where each word form occurs in the analysis, to find copied runs without building strings. */
function positionsOf(analysis: Analysis): Map<string, number[]> {
  return getOrAdd(positionCache, analysis, () => {
    const positions = new Map<string, number[]>();
    analysis.words.forEach((token, i) => getOrAdd(positions, token.norm, (): number[] => []).push(i));
    return positions;
  });
}

/** Whether the VERBATIM_RUN words from reply word `i` occur, in order, in the client's words. */
function copiedFrom(client: Analysis, replyWords: Token[], i: number): boolean {
  const clientWords = client.words;
  candidates: for (const p of positionsOf(client).get(replyWords[i]!.norm) ?? []) {
    if (p + VERBATIM_RUN > clientWords.length) continue;
    for (let k = 1; k < VERBATIM_RUN; k += 1) if (clientWords[p + k]!.norm !== replyWords[i + k]!.norm) continue candidates;
    return true;
  }
  return false;
}

function feelingEcho(rule: MirrorRule, context: RuleContext, client: Analysis): { value: number; span: RuleMatch | null } {
  const clientStems = feelingStems(client, context.lexicons.get(rule.lexicon ?? RESERVED.feelings));
  const echoed = context.reply.words.filter((token) => clientStems.has(token.stem));
  const first = echoed[0];
  return { value: new Set(echoed.map((token) => token.stem)).size, span: first ? { start: first.start, end: first.end, vars: { feeling: first.text } } : null };
}

function contentOverlap(context: RuleContext, client: Analysis): { value: number; span: RuleMatch | null } {
  const clientStems = contentStems(client, context);
  const replyWords = contentWords(context.reply, context);
  const shared = replyWords.filter((token) => clientStems.has(token.stem));
  const value = clientStems.size === 0 ? 0 : new Set(shared.map((token) => token.stem)).size / clientStems.size;
  const first = shared[0] ?? context.reply.words[0];
  const last = shared[shared.length - 1] ?? context.reply.words[context.reply.words.length - 1];
  return { value, span: first && last ? { start: first.start, end: last.end } : null };
}

/** Share of the reply's words that sit in runs of three or more words copied from the client. */
function verbatim(context: RuleContext, client: Analysis): { value: number; span: RuleMatch | null } {
  const replyWords = context.reply.words;
  const copied = new Array<boolean>(replyWords.length).fill(false);
  if (client.words.length >= VERBATIM_RUN) {
    for (let i = 0; i + VERBATIM_RUN <= replyWords.length; i += 1) {
      if (copiedFrom(client, replyWords, i)) copied.fill(true, i, i + VERBATIM_RUN);
    }
  }
  const firstCopied = copied.indexOf(true);
  const lastCopied = copied.lastIndexOf(true);
  const value = replyWords.length === 0 ? 0 : copied.filter(Boolean).length / replyWords.length;
  const span = firstCopied < 0 ? null : { start: replyWords[firstCopied]!.start, end: replyWords[lastCopied]!.end };
  return { value, span };
}

const PERSONAL = new Set(['i', "i'm", "i've", "i'd", 'me', 'we', "we're", 'he', "he's", 'she', "she's", 'they', "they're", 'him', 'her', 'them', 'people', 'who', 'someone', 'everyone', 'others', 'anyone']);

/**
 * A feeling the reply puts on the client ("you sound devastated"), not the helper's own ("I'm so
 * sorry") or someone else's ("she's proud of you"): the nearest person before it is "you".
 */
function putOnClient(reply: Analysis, at: number, negations: Lexicon | undefined): boolean {
  const { words } = reply;
  const sentence = words[at]!.sentence;
  const personAt = (i: number): boolean | null =>
    SECOND_PERSON.has(words[i]!.norm) ? !negatedAt(reply, at, negations) : PERSONAL.has(words[i]!.norm) ? false : null;
  for (let i = at - 1; i >= 0 && words[i]!.sentence === sentence; i -= 1) {
    const found = personAt(i);
    if (found !== null) return found;
  }
  // No one named before it ("there's a lot of sadness in this for you"): a "you" after it decides.
  for (let i = at + 1; i < words.length && words[i]!.sentence === sentence; i += 1) {
    const found = personAt(i);
    if (found !== null) return found;
  }
  return false;
}

/**
 * Words of lexicon `lexicon` the reply names that the client did not, when the client spoke only in
 * `against`'s terms: "you sound devastated" to someone who said they feel free.
 */
function contradiction(rule: MirrorRule, context: RuleContext, client: Analysis): { value: number; span: RuleMatch | null } {
  const named = context.lexicons.get(rule.lexicon ?? RESERVED.feelings);
  const against = context.lexicons.get(rule.against ?? RESERVED.feelings);
  const mixed = rule.unlessClient === undefined ? undefined : context.lexicons.get(rule.unlessClient);
  // Mood lexicons list every inflected form (AFINN does), and their stems collide with
  // unrelated words, so the client's mood is read by exact form, not negated.
  const negations = context.lexicons.get(RESERVED.negations);
  const saidAny = (lexicon: Lexicon | undefined): boolean => lexicon !== undefined && client.words.some((token, i) => lexicon.words.has(token.norm) && !negatedAt(client, i, negations));
  if (saidAny(named) || saidAny(mixed) || !saidAny(against)) return { value: 0, span: null };
  const clientStems = new Set(client.words.map((token) => token.stem));
  // "You're proud, and a bit scared" to someone who said scared names both sides, not the wrong one.
  const feelings = context.lexicons.get(RESERVED.feelings);
  if (context.reply.words.some((token) => inLexicon(feelings, token) && clientStems.has(token.stem))) return { value: 0, span: null };
  const contrary = context.reply.words.filter((token, i) => inLexicon(named, token) && !clientStems.has(token.stem) && putOnClient(context.reply, i, negations));
  const first = contrary[0];
  return { value: new Set(contrary.map((token) => token.stem)).size, span: first ? { start: first.start, end: first.end, vars: { feeling: first.text } } : null };
}

/**
 * Feelings the reply puts on the client when the client named feelings of their own and none of
 * the reply's is one of them, by stem or by family: "you sound angry" to someone who said anxious.
 */
function feelingMismatch(rule: MirrorRule, context: RuleContext, client: Analysis): { value: number; span: RuleMatch | null } {
  const feelings = context.lexicons.get(rule.lexicon ?? RESERVED.feelings);
  const negations = context.lexicons.get(RESERVED.negations);
  const clientFeelings = client.words.filter((token, i) => inLexicon(feelings, token) && !negatedAt(client, i, negations));
  if (clientFeelings.length === 0) return { value: 0, span: null };
  const families = (rule.families ?? []).map((name) => context.lexicons.get(name)).filter((family): family is Lexicon => family !== undefined);
  const familiesOf = (token: Token): Lexicon[] => families.filter((family) => inLexicon(family, token));
  const clientStems = new Set(client.words.map((token) => token.stem));
  const clientFamilies = new Set(clientFeelings.flatMap(familiesOf));
  const named = context.reply.words.filter((token, i) => inLexicon(feelings, token) && putOnClient(context.reply, i, negations));
  if (named.length === 0) return { value: 0, span: null };
  const answers = (token: Token): boolean => clientStems.has(token.stem) || familiesOf(token).some((family) => clientFamilies.has(family));
  if (named.some(answers)) return { value: 0, span: null };
  const first = named[0]!;
  return { value: named.length, span: { start: first.start, end: first.end, vars: { feeling: first.text } } };
}

export function compile(rule: MirrorRule, index: PatternIndex): CompiledRule {
  const exceptions = (rule.unless ?? []).map((source) => index.compile(source));
  const required = (rule.requires ?? []).map((source) => index.compile(source));
  return {
    definition: rule,
    phase: 1,
    run(context) {
      const client = context.client;
      if (!client) return [];
      if (exceptions.some((exception) => context.matched.has(exception))) return [];
      if (required.length > 0 && !required.some((pattern) => context.matched.has(pattern))) return [];
      if (rule.minClientWords !== undefined && contentWords(client, context).length < rule.minClientWords) return [];
      if (rule.maxWords !== undefined && context.reply.words.length > rule.maxWords) return [];
      if (rule.statementsOnly && context.reply.sentences.some((sentence) => sentence.isQuestion)) return [];
      const measured =
        rule.measure === 'feeling-echo'
          ? feelingEcho(rule, context, client)
          : rule.measure === 'content-overlap'
            ? contentOverlap(context, client)
            : rule.measure === 'contradiction'
              ? contradiction(rule, context, client)
              : rule.measure === 'feeling-mismatch'
                ? feelingMismatch(rule, context, client)
                : verbatim(context, client);
      if (!measured.span || !inRange(measured.value, rule)) return [];
      return [{ ...measured.span, vars: { count: String(Math.round(measured.value * 100) / 100), ...measured.span.vars } }];
    },
  };
}
