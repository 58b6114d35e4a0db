// The rewrite's word lists, read from the rule pack's `rewrite-*` lexicons
// (rules/rewrite.yaml), so the words are data and the phrasing is code.
import { RESERVED, type Lexicons } from '../rules/lexicons.js';
import type { Token } from '../tokens/analyse.js';
import { stemOf } from '../tokens/analyse.js';

/** A word or phrase, as the normalised words it is made of. */
export type Phrase = readonly string[];

export interface Mapping {
  from: Phrase;
  to: string;
}

export const FAMILIES = ['fear', 'sadness', 'strain', 'shame', 'anger'] as const;
export type Family = (typeof FAMILIES)[number];

export type RiskKind = 'suicide' | 'self-harm' | 'medical' | 'danger';

export interface RewriteWords {
  secondPerson: Mapping[];
  partOfYou: Mapping[];
  minimisers: Phrase[];
  prescriptions: Phrase[];
  decisions: Phrase[];
  clauseBreaks: ReadonlySet<string>;
  dilemmaJoins: ReadonlySet<string>;
  dilemmaSignals: ReadonlySet<string>;
  risk: Record<RiskKind, Phrase[]>;
  safety: Phrase[];
  loss: Phrase[];
  asksForHelp: Phrase[];
  selfBlame: Phrase[];
  reasons: Phrase[];
  /** the pack's feeling families (`fear-family` …), for saying how a painful feeling weighs */
  families: ReadonlyMap<Family, ReadonlySet<string>>;
  feelings: ReadonlySet<string>;
  positiveFeelings: ReadonlySet<string>;
  feelingStems: ReadonlySet<string>;
  stopwords: ReadonlySet<string>;
  /** part-of-speech tags of the closed word classes, for the tagger */
  tags: ReadonlyMap<string, string>;
}

const words = (lexicons: Lexicons, name: string): string[] => [...(lexicons.get(name)?.words ?? [])];
const phrases = (lexicons: Lexicons, name: string): Phrase[] => words(lexicons, name).map((entry) => entry.split(/\s+/));

// Longest first, so "i was" is turned before "i".
function mappings(lexicons: Lexicons, name: string): Mapping[] {
  return words(lexicons, name)
    .map((entry) => entry.split(/\s*=>\s*/))
    .filter((parts): parts is [string, string] => parts.length === 2)
    .map(([from, to]) => ({ from: from.split(/\s+/), to }))
    .sort((a, b) => b.from.length - a.from.length);
}

const TAG_PREFIX = 'rewrite-pos-';
const TAG_NAMES: Record<string, string> = { prps: 'PRP$' };

const memo = new WeakMap<Lexicons, RewriteWords>();

export function rewriteWords(lexicons: Lexicons): RewriteWords {
  const known = memo.get(lexicons);
  if (known) return known;
  const tags = new Map<string, string>();
  for (const name of lexicons.keys()) {
    if (!name.startsWith(TAG_PREFIX)) continue;
    const suffix = name.slice(TAG_PREFIX.length);
    const tag = TAG_NAMES[suffix] ?? suffix.toUpperCase();
    for (const word of lexicons.get(name)!.words) if (!tags.has(word)) tags.set(word, tag);
  }
  const result: RewriteWords = {
    secondPerson: mappings(lexicons, 'rewrite-second-person'),
    partOfYou: mappings(lexicons, 'rewrite-part-of-you'),
    minimisers: phrases(lexicons, 'rewrite-minimisers'),
    prescriptions: phrases(lexicons, 'rewrite-prescriptions'),
    decisions: phrases(lexicons, 'rewrite-decisions'),
    clauseBreaks: new Set(words(lexicons, 'rewrite-clause-breaks')),
    dilemmaJoins: new Set(words(lexicons, 'rewrite-dilemma-joins')),
    dilemmaSignals: new Set(words(lexicons, 'rewrite-dilemma-signals')),
    risk: {
      suicide: phrases(lexicons, 'rewrite-risk-suicide'),
      'self-harm': phrases(lexicons, 'rewrite-risk-self-harm'),
      medical: phrases(lexicons, 'rewrite-risk-medical'),
      danger: phrases(lexicons, 'rewrite-risk-danger'),
    },
    safety: phrases(lexicons, 'rewrite-safety'),
    loss: phrases(lexicons, 'rewrite-loss'),
    asksForHelp: phrases(lexicons, 'rewrite-asks-for-help'),
    selfBlame: phrases(lexicons, 'rewrite-self-blame'),
    reasons: phrases(lexicons, 'rewrite-reasons'),
    families: new Map(FAMILIES.map((family) => [family, new Set(words(lexicons, `${family}-family`))])),
    feelings: lexicons.get(RESERVED.feelings)?.words ?? new Set(),
    positiveFeelings: new Set(words(lexicons, 'rewrite-positive-feelings')),
    feelingStems: lexicons.get(RESERVED.feelings)?.stems ?? new Set(),
    stopwords: lexicons.get(RESERVED.stopwords)?.words ?? new Set(),
    tags,
  };
  memo.set(lexicons, result);
  return result;
}

/** Does `phrase` start at words[i]? A word matches by its form or its stem ("killing" for "kill"). */
export function phraseAt(tokens: readonly Token[], i: number, phrase: Phrase): boolean {
  if (i + phrase.length > tokens.length) return false;
  return phrase.every((word, k) => {
    const token = tokens[i + k]!;
    return token.norm === word || (token.isWord && token.stem === stemOf(word) && word.length > 3);
  });
}

/** Where the first of `list` occurs in `tokens`, and which one, or null. */
export function findPhrase(tokens: readonly Token[], list: readonly Phrase[]): { index: number; phrase: Phrase } | null {
  for (let i = 0; i < tokens.length; i += 1) {
    for (const phrase of list) if (phrase.length > 0 && phraseAt(tokens, i, phrase)) return { index: i, phrase };
  }
  return null;
}

/** A feeling word: a lexicon form, or an inflection of one ("isolating" for "isolated"), not a noun that shares its stem ("pressure"). */
export function isFeeling(token: Token, words: RewriteWords): boolean {
  return words.feelings.has(token.norm) || (/(ed|ing)$/.test(token.norm) && words.feelingStems.has(token.stem));
}

export function isContent(token: Token, words: RewriteWords): boolean {
  return token.isWord && !words.stopwords.has(token.norm) && !/^\d+$/.test(token.norm) && !token.norm.includes("'");
}
