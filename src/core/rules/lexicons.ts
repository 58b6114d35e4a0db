// Lexicons: named word lists a pack defines (rules/lexicons.yaml), matched by
// word form or by stem. Patterns name them as @name; a few are read by the
// engine itself under the names below, so a pack must define those.
import type { Token } from '../tokens/analyse.js';

export interface Lexicon {
  words: Set<string>;
  stems: Set<string>;
}
export type Lexicons = ReadonlyMap<string, Lexicon>;

export function inLexicon(lexicon: Lexicon | undefined, token: Token): boolean {
  return !!lexicon && (lexicon.words.has(token.norm) || lexicon.stems.has(token.stem));
}

/** Lexicons the engine reads by name (not only through a pattern's @name). */
export const RESERVED = {
  /** words "^" may skip at the start of a sentence ("so", "well") */
  fillers: 'fillers',
} as const;
