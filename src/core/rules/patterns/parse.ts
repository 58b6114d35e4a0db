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
// It has no regular expressions and no repetition: a pattern compiles to a
// small automaton without loops (see Automaton), and matching it is linear in
// the sentence's length times the automaton's size, whatever the pattern.
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

/** What one word of a sentence is compared with: an element that is neither a group nor a gap nor optional. */
export type Atom = Extract<Element, { type: 'word' | 'words' | 'prefix' | 'stem' | 'lexicon' | 'any' }>;

/**
 * A pattern as a position automaton (Glushkov's construction). State 0 is the
 * start; state p >= 1 means "the word just read matched atoms[p]", and the
 * states that may read the next word are next[nextStart[p]] up to
 * next[nextStart[p + 1]]. There are no empty moves and no loops, so a match is
 * at most `longest` words long and each state is tried once per word.
 */
export interface Automaton {
  /** atoms[0] is unused: the start state reads no word */
  atoms: readonly Atom[];
  accepting: Uint8Array;
  nextStart: Int32Array;
  next: Int32Array;
  longest: number;
}

export interface CompiledPattern {
  source: string;
  anchoredStart: boolean;
  anchoredEnd: boolean;
  automaton: Automaton;
}

/**
 * An automaton's states plus transitions. Matching one word costs at most a
 * step per state and per transition, so this is what the pack cap counts.
 */
export const sizeOf = (automaton: Automaton): number => automaton.atoms.length + automaton.next.length;

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
  if (gapsOnly(alternatives)) throw new PatternError(`pattern "${source}" can match nothing at all`);
  return { source, anchoredStart, anchoredEnd, automaton: automatonOf(alternatives) };
}

/**
 * Whether some way of spelling the pattern out is gaps alone (`...`, `a? ...`):
 * it would match any few words. An element can be spelled empty (`x?`) or as
 * gaps only, or neither.
 */
function gapsOnly(alternatives: Element[][]): boolean {
  const kinds = (element: Element): { empty: boolean; gaps: boolean } => {
    switch (element.type) {
      case 'gap':
        return { empty: false, gaps: true };
      case 'optional':
        return { empty: true, gaps: kinds(element.element).gaps };
      case 'group': {
        const all = element.alternatives.map(sequenceKinds);
        return { empty: all.some((kind) => kind.empty), gaps: all.some((kind) => kind.gaps) };
      }
      default:
        return { empty: false, gaps: false };
    }
  };
  const sequenceKinds = (sequence: Element[]): { empty: boolean; gaps: boolean } => {
    const all = sequence.map(kinds);
    return { empty: all.every((kind) => kind.empty), gaps: all.every((kind) => kind.empty || kind.gaps) && all.some((kind) => kind.gaps) };
  };
  return alternatives.some((sequence) => sequenceKinds(sequence).gaps);
}

/** The longest gap (`...`), in words. */
export const MAX_GAP = 4;
const ANY: Atom = { type: 'any' };

/**
 * Glushkov's construction: one state per atom occurrence, joined where one atom
 * can follow another. A gap is four optional wildcards, each after the last.
 * Nesting is bounded by MAX_ELEMENTS, so the recursion is too.
 */
export function automatonOf(alternatives: Element[][]): Automaton {
  const atoms: Atom[] = [ANY];
  const follow: Set<number>[] = [new Set()];
  interface Part {
    first: number[];
    last: number[];
    nullable: boolean;
  }
  const position = (atom: Atom): number => {
    follow.push(new Set());
    return atoms.push(atom) - 1;
  };
  const join = (from: readonly number[], to: readonly number[]): void => {
    for (const p of from) for (const q of to) follow[p]!.add(q);
  };
  const sequence = (parts: Part[]): Part => {
    const result: Part = { first: [], last: [], nullable: true };
    for (const part of parts) {
      join(result.last, part.first);
      if (result.nullable) result.first.push(...part.first);
      result.last = part.nullable ? [...result.last, ...part.last] : part.last;
      result.nullable &&= part.nullable;
    }
    return result;
  };
  const choice = (parts: Part[]): Part => ({
    first: parts.flatMap((part) => part.first),
    last: parts.flatMap((part) => part.last),
    nullable: parts.some((part) => part.nullable),
  });
  const build = (element: Element): Part => {
    switch (element.type) {
      case 'group':
        return choice(element.alternatives.map((alternative) => sequence(alternative.map(build))));
      case 'optional':
        return { ...build(element.element), nullable: true };
      case 'gap': {
        const steps = Array.from({ length: MAX_GAP }, () => position(ANY));
        for (let i = 1; i < steps.length; i += 1) follow[steps[i - 1]!]!.add(steps[i]!);
        return { first: [steps[0]!], last: steps, nullable: true };
      }
      default: {
        const at = position(element);
        return { first: [at], last: [at], nullable: false };
      }
    }
  };
  const whole = choice(alternatives.map((alternative) => sequence(alternative.map(build))));
  join([0], whole.first);
  const accepting = new Uint8Array(atoms.length);
  for (const p of whole.last) accepting[p] = 1;
  return packed(atoms, follow, accepting);
}

/** An automaton from its atoms, successor sets and accepting states. */
export function packed(atoms: Atom[], follow: readonly Iterable<number>[], accepting: Uint8Array): Automaton {
  const nextStart = new Int32Array(atoms.length + 1);
  const next: number[] = [];
  for (let p = 0; p < atoms.length; p += 1) {
    nextStart[p] = next.length;
    for (const q of follow[p]!) next.push(q);
  }
  nextStart[atoms.length] = next.length;
  // States are numbered left to right and every move goes rightwards, so one backward pass finds the longest match.
  const span = new Int32Array(atoms.length);
  for (let p = atoms.length - 1; p >= 0; p -= 1) {
    let most = 0;
    for (let e = nextStart[p]!; e < nextStart[p + 1]!; e += 1) most = Math.max(most, span[next[e]!]!);
    span[p] = (p === 0 ? 0 : 1) + most;
  }
  return { atoms, accepting, nextStart, next: Int32Array.from(next), longest: span[0]! };
}
