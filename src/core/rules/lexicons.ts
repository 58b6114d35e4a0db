// Lexicons: named word lists a pack defines (rules/lexicons.yaml), matched by
// word form or by stem. Patterns name them as @name; a few are read by the
// engine itself under the names below, so a pack must define those.
import { normalise, stemOf, type Analysis, type Token } from '../tokens/analyse.js';
import { STOPWORDS } from '../tokens/natural.js';

export interface Lexicon {
  words: Set<string>;
  stems: Set<string>;
}
export type Lexicons = ReadonlyMap<string, Lexicon>;

export function inLexicon(lexicon: Lexicon | undefined, token: Token): boolean {
  return !!lexicon && (lexicon.words.has(token.norm) || lexicon.stems.has(token.stem));
}

/** Lexicons the engine reads by name (not only through a pattern's @name): a pack must define each. */
export const RESERVED = {
  /** words "^" may skip at the start of a sentence ("so", "well"), and a question may open with */
  fillers: 'fillers',
  /** words for what someone feels: the client's {feeling}, and what mirror rules compare */
  feelings: 'feelings',
  /** words that negate the few words after them ("not happy", "never safe") */
  negations: 'negations',
  /** natural's English stopwords, which the engine supplies itself */
  stopwords: 'stopwords',
} as const;

/** The reserved lexicons a pack leaves undefined: matching would silently see nothing of them. */
export function missingReserved(lexicons: Lexicons): string[] {
  return Object.values(RESERVED).filter((name) => !lexicons.has(name));
}

/** Whether word `i` of the analysis has a negation within the three words before it, in its sentence ("I'm not happy"). */
export function negatedAt(analysis: Analysis, i: number, negations: Lexicon | undefined): boolean {
  const word = analysis.words[i]!;
  return analysis.words.slice(Math.max(0, i - 3), i).some((before) => inLexicon(negations, before) && before.sentence === word.sentence);
}

/** Stems worked out earlier, by word form (the build stores the built-in pack's). */
export type Stems = Readonly<Record<string, string>>;

const NO_STEMS: Stems = {};

/** Every word of the lexicons, with its stem: what the build stores so a start need not stem them again. */
export function lexiconStems(sources: Record<string, readonly string[]>): Record<string, string> {
  const stems: Record<string, string> = Object.create(null);
  for (const words of [STOPWORDS, ...Object.values(sources)]) for (const word of words) stems[normalise(word.trim())] ??= stemOf(normalise(word.trim()));
  return stems;
}

/** The lexicons of a pack (the merged word lists of its files); `stored`: stems from the build, used where they cover a word. */
export function buildLexicons(sources: Record<string, readonly string[]>, stored: Stems = NO_STEMS): Map<string, Lexicon> {
  const lexicons = new Map<string, Lexicon>();
  const add = (name: string, words: readonly string[]): void => {
    const lexicon = lexicons.get(name) ?? { words: new Set<string>(), stems: new Set<string>() };
    for (const word of words) {
      const norm = normalise(word.trim());
      lexicon.words.add(norm);
      lexicon.stems.add(Object.hasOwn(stored, norm) ? stored[norm]! : stemOf(norm));
    }
    lexicons.set(name, lexicon);
  };
  add(RESERVED.stopwords, STOPWORDS);
  for (const [name, words] of Object.entries(sources)) add(name, words);
  return lexicons;
}
