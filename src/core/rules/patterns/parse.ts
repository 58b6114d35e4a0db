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
import { normalise, stemOf } from '../../tokens/analyse.js';
import type { Lexicon, Lexicons } from '../lexicons.js';

export type Element =
  | { type: 'word'; norm: string }
  | { type: 'words'; norms: ReadonlySet<string> }
  | { type: 'prefix'; prefix: string }
  | { type: 'stem'; stem: string }
  | { type: 'lexicon'; name: string; lexicon: Lexicon }
  | { type: 'any' }
  | { type: 'gap' }
  | { type: 'group'; alternatives: Element[][] }
  | { type: 'optional'; element: Element };

export interface CompiledPattern {
  source: string;
  anchoredStart: boolean;
  anchoredEnd: boolean;
  /** every way the pattern can be spelled out: atoms and gaps, no groups */
  sequences: Element[][];
}

export class PatternError extends Error {}

/**
 * Gaps (`...`) per pattern. Each may skip zero to four words, so matching tries
 * up to 5^gaps paths from every word: a pattern with dozens of gaps would never
 * finish. The built-in rules use one.
 */
export const MAX_GAPS = 2;
const MAX_ELEMENTS = 200;

function tokenise(source: string): string[] {
  return source.match(/\.\.\.|[()|?^$]|[^\s()|?^$]+/g) ?? [];
}

export function compilePattern(source: string, lexicons: Lexicons): CompiledPattern {
  const parts = tokenise(source.trim());
  if (parts.filter((part) => part === '...').length > MAX_GAPS) {
    throw new PatternError(`pattern "${source}" has more than ${MAX_GAPS} gaps (...); split it into several patterns`);
  }
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
      alternatives[alternatives.length - 1]!.push(part === '(' ? group(parseAlternatives(')')) : atom(part));
    }
    if (closing) throw new PatternError(`missing ")" in pattern "${source}"`);
    return finish(alternatives);
  };

  const finish = (alternatives: Element[][]): Element[][] => {
    if (alternatives.some((sequence) => sequence.length === 0)) throw new PatternError(`empty alternative in pattern "${source}"`);
    return alternatives;
  };

  // The single words of (a|b|c d|@x) are one set lookup, not one branch each:
  // a long word list then costs one sequence, not one per word.
  const group = (alternatives: Element[][]): Element => {
    const single = alternatives.filter((sequence) => sequence.length === 1 && sequence[0]!.type === 'word');
    const rest = alternatives.filter((sequence) => !single.includes(sequence));
    const merged: Element[][] =
      single.length > 1 ? [[{ type: 'words', norms: new Set(single.map((sequence) => (sequence[0] as { norm: string }).norm)) }], ...rest] : alternatives;
    return merged.length === 1 && merged[0]!.length === 1 ? merged[0]![0]! : { type: 'group', alternatives: merged };
  };

  const atom = (part: string): Element => {
    if (part === '*') return { type: 'any' };
    if (part === '...') return { type: 'gap' };
    if (part.startsWith('@')) {
      const name = part.slice(1);
      const lexicon = lexicons.get(name);
      if (!lexicon) throw new PatternError(`unknown lexicon "@${name}" in pattern "${source}"`);
      return { type: 'lexicon', name, lexicon };
    }
    if (part.startsWith('~')) return { type: 'stem', stem: stemOf(normalise(part.slice(1))) };
    if (part.length > 1 && part.endsWith('*')) return { type: 'prefix', prefix: normalise(part.slice(0, -1)) };
    if (/^['’]/.test(part)) throw new PatternError(`"${part}": write contractions whole ("you're", not "you('re)") in pattern "${source}"`);
    if (!/^[\p{L}\p{N}'’-]+$/u.test(part)) throw new PatternError(`"${part}" is not a word in pattern "${source}"`);
    return { type: 'word', norm: normalise(part) };
  };

  const alternatives = parseAlternatives(null);
  if (expand(alternatives, source).some((sequence) => sequence.every((element) => element.type === 'gap'))) {
    throw new PatternError(`pattern "${source}" can match nothing at all`);
  }
  return { source, anchoredStart, anchoredEnd, sequences: expand(alternatives, source) };
}

const MAX_SEQUENCES = 2048;

/** Spell out groups and optionals into flat sequences, so matching never recurses into structure. */
function expand(alternatives: Element[][], source: string): Element[][] {
  const spell = (sequence: Element[]): Element[][] => {
    let prefixes: Element[][] = [[]];
    for (const element of sequence) {
      const choices =
        element.type === 'group' ? element.alternatives.flatMap(spell) : element.type === 'optional' ? [[], ...spell([element.element])] : [[element]];
      const next: Element[][] = [];
      for (const prefix of prefixes) for (const choice of choices) next.push(choice.length ? prefix.concat(choice) : prefix);
      if (next.length > MAX_SEQUENCES) throw new PatternError(`pattern "${source}" has too many combinations; split it into several patterns`);
      prefixes = next;
    }
    return prefixes;
  };
  return alternatives.flatMap(spell).filter((sequence) => sequence.length > 0);
}
