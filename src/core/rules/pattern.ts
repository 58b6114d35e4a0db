// Token patterns: a deliberately small language, matched on word tokens.
//
//   word        the word itself, any case, either apostrophe (don't = don’t)
//   word*       any word starting with "word"
//   ~word       any word with the same stem (~feel: feel, feels, feeling)
//   @name       any word of lexicon `name` (by word or by stem)
//   *           exactly one word of any kind
//   ...         a gap of zero to four words
//   (a b|c)     alternatives, each a sequence
//   x?          x is optional
//   ^  $        start / end of the sentence (^ skips leading fillers such as "so", "well")
//
// It has no regular expressions, so a rule pack cannot make matching backtrack
// catastrophically: the longest gap is four words and patterns are short.
import { normalise, stemOf, type Token } from '../tokens/analyse.js';

export type Element =
  | { type: 'word'; norm: string }
  | { type: 'prefix'; prefix: string }
  | { type: 'stem'; stem: string }
  | { type: 'lexicon'; name: string }
  | { type: 'any' }
  | { type: 'gap' }
  | { type: 'group'; alternatives: Element[][] }
  | { type: 'optional'; element: Element };

export interface CompiledPattern {
  source: string;
  anchoredStart: boolean;
  anchoredEnd: boolean;
  alternatives: Element[][];
}

export interface Lexicon {
  words: Set<string>;
  stems: Set<string>;
}
export type Lexicons = ReadonlyMap<string, Lexicon>;

export class PatternError extends Error {}

const MAX_GAP = 4;
const MAX_ELEMENTS = 200;
const FILLER_LEXICON = 'fillers';

function tokenise(source: string): string[] {
  return source.match(/\.\.\.|[()|?^$]|[^\s()|?^$]+/g) ?? [];
}

export function compilePattern(source: string, lexicons: Lexicons): CompiledPattern {
  const parts = tokenise(source.trim());
  let position = 0;
  let count = 0;
  const anchoredStart = parts[0] === '^';
  if (anchoredStart) position += 1;
  const anchoredEnd = parts[parts.length - 1] === '$';
  const end = anchoredEnd ? parts.length - 1 : parts.length;

  const parseAlternatives = (closing: string | null): Element[][] => {
    const alternatives: Element[][] = [[]];
    while (position < end) {
      const part = parts[position]!;
      if (part === ')') {
        if (closing !== ')') throw new PatternError(`unbalanced ")" in pattern "${source}"`);
        position += 1;
        return finish(alternatives);
      }
      position += 1;
      if (part === '|') {
        alternatives.push([]);
        continue;
      }
      if (part === '?') {
        const current = alternatives[alternatives.length - 1]!;
        const last = current.pop();
        if (!last || last.type === 'optional') throw new PatternError(`"?" must follow a word or group in pattern "${source}"`);
        current.push({ type: 'optional', element: last });
        continue;
      }
      if (part === '^' || part === '$') throw new PatternError(`"${part}" may only start or end pattern "${source}"`);
      count += 1;
      if (count > MAX_ELEMENTS) throw new PatternError(`pattern "${source}" is longer than ${MAX_ELEMENTS} elements`);
      alternatives[alternatives.length - 1]!.push(part === '(' ? { type: 'group', alternatives: parseAlternatives(')') } : atom(part));
    }
    if (closing) throw new PatternError(`missing ")" in pattern "${source}"`);
    return finish(alternatives);
  };

  const finish = (alternatives: Element[][]): Element[][] => {
    if (alternatives.some((sequence) => sequence.length === 0)) throw new PatternError(`empty alternative in pattern "${source}"`);
    return alternatives;
  };

  const atom = (part: string): Element => {
    if (part === '*') return { type: 'any' };
    if (part === '...') return { type: 'gap' };
    if (part.startsWith('@')) {
      const name = part.slice(1);
      if (!lexicons.has(name)) throw new PatternError(`unknown lexicon "@${name}" in pattern "${source}"`);
      return { type: 'lexicon', name };
    }
    if (part.startsWith('~')) return { type: 'stem', stem: stemOf(normalise(part.slice(1))) };
    if (part.length > 1 && part.endsWith('*')) return { type: 'prefix', prefix: normalise(part.slice(0, -1)) };
    if (/^['’]/.test(part)) throw new PatternError(`"${part}": write contractions whole ("you're", not "you('re)") in pattern "${source}"`);
    if (!/^[\p{L}\p{N}'’-]+$/u.test(part)) throw new PatternError(`"${part}" is not a word in pattern "${source}"`);
    return { type: 'word', norm: normalise(part) };
  };

  const alternatives = parseAlternatives(null);
  if (alternatives.every((sequence) => sequence.every((element) => element.type === 'optional' || element.type === 'gap'))) {
    throw new PatternError(`pattern "${source}" can match nothing at all`);
  }
  return { source, anchoredStart, anchoredEnd, alternatives };
}

export function inLexicon(lexicon: Lexicon | undefined, token: Token): boolean {
  return !!lexicon && (lexicon.words.has(token.norm) || lexicon.stems.has(token.stem));
}

function matchesAtom(element: Element, token: Token, lexicons: Lexicons): boolean {
  switch (element.type) {
    case 'word':
      return token.norm === element.norm;
    case 'prefix':
      return token.norm.startsWith(element.prefix);
    case 'stem':
      return token.stem === element.stem;
    case 'lexicon':
      return inLexicon(lexicons.get(element.name), token);
    default:
      return true;
  }
}

/** Every word position at which `sequence` starting at `from` can end. */
function ends(sequence: Element[], index: number, words: Token[], from: number, lexicons: Lexicons, out: Set<number>): void {
  if (index === sequence.length) {
    out.add(from);
    return;
  }
  const element = sequence[index]!;
  const next = (position: number): void => ends(sequence, index + 1, words, position, lexicons, out);
  switch (element.type) {
    case 'gap':
      for (let skip = 0; skip <= MAX_GAP && from + skip <= words.length; skip += 1) next(from + skip);
      return;
    case 'optional':
      next(from);
      for (const position of endsOf([element.element], words, from, lexicons)) next(position);
      return;
    case 'group':
      for (const alternative of element.alternatives) {
        for (const position of endsOf(alternative, words, from, lexicons)) next(position);
      }
      return;
    default:
      if (from < words.length && matchesAtom(element, words[from]!, lexicons)) next(from + 1);
  }
}

function endsOf(sequence: Element[], words: Token[], from: number, lexicons: Lexicons): Set<number> {
  const out = new Set<number>();
  ends(sequence, 0, words, from, lexicons, out);
  return out;
}

export interface WordRange {
  first: number;
  /** exclusive */
  last: number;
}

/** Non-overlapping matches, leftmost-longest, over one sentence's words. */
export function findMatches(pattern: CompiledPattern, words: Token[], lexicons: Lexicons): WordRange[] {
  const found: WordRange[] = [];
  let lastFirst = words.length - 1;
  if (pattern.anchoredStart) {
    // "^" may skip leading fillers ("So, well, what ..."), but need not.
    const fillers = lexicons.get(FILLER_LEXICON);
    lastFirst = 0;
    while (lastFirst < words.length && inLexicon(fillers, words[lastFirst]!)) lastFirst += 1;
  }
  for (let first = 0; first <= lastFirst && first < words.length; first += 1) {
    let longest = -1;
    for (const alternative of pattern.alternatives) {
      for (const last of endsOf(alternative, words, first, lexicons)) {
        if (last > first && last > longest && (!pattern.anchoredEnd || last === words.length)) longest = last;
      }
    }
    if (longest > first) {
      found.push({ first, last: longest });
      if (pattern.anchoredStart) break;
      first = longest - 1;
    }
  }
  return found;
}
