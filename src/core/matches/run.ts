// Tokens -> rule matches -> behaviours. Phase 1 rules read the text; phase 2
// rules (order, absence) also read the behaviours phase 1 found.
import type { CompiledRule, RuleContext, RuleMatch } from '../rules/context.js';
import { negatedAt, RESERVED } from '../rules/lexicons.js';
import type { WordRange } from '../rules/patterns/match.js';
import type { CompiledPattern } from '../rules/patterns/parse.js';
import type { CompiledPack } from '../rules/pack.js';
import type { Analysis, Sentence } from '../tokens/analyse.js';
import type { Behaviour } from '../types.js';
import { getOrAdd } from '../maps.js';
import { resolveBehaviours } from './behaviours.js';

export interface RuleHit {
  rule: CompiledRule;
  match: RuleMatch;
}

export interface MatchResult {
  hits: RuleHit[];
  behaviours: Behaviour[];
  /** the client's feeling word that templates use as {feeling}, or null */
  clientFeeling: string | null;
}

function applies(rule: CompiledRule, hasClient: boolean): boolean {
  const wants = rule.definition.client ?? 'any';
  return wants === 'any' || (wants === 'required') === hasClient;
}


/**
 * The client's first feeling word, as they wrote it, for "you're feeling ...".
 * Only the lexicon's own forms count (a stem match such as "stressful" for
 * "stress" would not read well), and not negated ones ("I'm not happy").
 */
function firstFeeling(client: Analysis | null, context: Pick<RuleContext, 'lexicons'>): string | null {
  if (!client) return null;
  const feelings = context.lexicons.get(RESERVED.feelings);
  const negations = context.lexicons.get(RESERVED.negations);
  const index = client.words.findIndex((word, i) => !!feelings?.words.has(word.norm) && !negatedAt(client, i, negations));
  return index < 0 ? null : client.words[index]!.text.toLowerCase();
}

/** The span of the sentence(s) a match sits in: behaviours are coded per sentence, as MITI coders do. */
function sentenceSpan(reply: Analysis, match: RuleMatch): { start: number; end: number } {
  let first: Sentence | undefined;
  let last: Sentence | undefined;
  for (const sentence of reply.sentences) {
    if (sentence.start >= match.end) break; // sentences are in order
    if (match.start < sentence.end) {
      first ??= sentence;
      last = sentence;
    }
  }
  return first && last ? { start: first.start, end: last.end } : { start: match.start, end: match.end };
}

function behavioursOf(hits: RuleHit[], reply: Analysis): Behaviour[] {
  const behaviours: Behaviour[] = [];
  for (const { rule, match } of hits) {
    const codes = rule.definition.behaviours;
    if (!codes || codes.length === 0) continue;
    const span = sentenceSpan(reply, match);
    for (const code of codes) behaviours.push({ code, start: span.start, end: span.end });
  }
  return behaviours;
}

const NONE: WordRange[] = [];
const NOTHING: ReadonlySet<CompiledPattern> = new Set();

// A client statement is read again for the rewrite's re-check: scan it once per pack.
const clientScans = new WeakMap<CompiledPack, WeakMap<Analysis, ReadonlySet<CompiledPattern>>>();
function scanClient(pack: CompiledPack, client: Analysis | null): ReadonlySet<CompiledPattern> {
  if (!client) return NOTHING;
  const scans = getOrAdd(clientScans, pack, () => new WeakMap<Analysis, ReadonlySet<CompiledPattern>>());
  return getOrAdd(scans, client, () => {
    const found = new Set<CompiledPattern>();
    for (const sentence of client.sentences) {
      for (const pattern of pack.patterns.scan(sentence.words, client.text.slice(sentence.start, sentence.end)).keys()) found.add(pattern);
    }
    return found;
  });
}
const NO_RULES: readonly CompiledRule[] = [];

export function runRules(pack: CompiledPack, reply: Analysis, client: Analysis | null): MatchResult {
  // Every pattern of the pack, scanned once per sentence; rules then only look up.
  const found = reply.sentences.map((sentence) => pack.patterns.scan(sentence.words, reply.text.slice(sentence.start, sentence.end)));
  const matched = new Set<CompiledPattern>();
  for (const perSentence of found) for (const pattern of perSentence.keys()) matched.add(pattern);
  const matches = (pattern: CompiledPattern, sentence: Sentence): WordRange[] => found[sentence.index]?.get(pattern) ?? NONE;
  const triggered = new Set<CompiledRule>();
  for (const pattern of matched) for (const rule of pack.triggeredBy.get(pattern) ?? NO_RULES) triggered.add(rule);
  const clientMatched = (): ReadonlySet<CompiledPattern> => scanClient(pack, client);
  const context: RuleContext = { reply, client, clientFeeling: null, lexicons: pack.lexicons, behaviours: [], matches, matched, clientMatched };
  context.clientFeeling = firstFeeling(client, context);
  const runPhase = (phase: 1 | 2): RuleHit[] => {
    const hits: RuleHit[] = [];
    for (const rule of pack.rules) {
      if (rule.phase !== phase || !applies(rule, client !== null)) continue;
      if (rule.triggers && !triggered.has(rule)) continue;
      for (const match of rule.run(context)) hits.push({ rule, match });
    }
    return hits;
  };

  const firstHits = runPhase(1);
  const proposed = behavioursOf(firstHits, reply);
  context.behaviours = resolveBehaviours(proposed, reply, context.lexicons);
  const secondHits = runPhase(2);
  proposed.push(...behavioursOf(secondHits, reply));
  return { hits: [...firstHits, ...secondHits], behaviours: resolveBehaviours(proposed, reply, context.lexicons), clientFeeling: context.clientFeeling };
}
