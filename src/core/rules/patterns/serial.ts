// The build's store of compiled patterns: what a cold start reads instead of
// parsing and expanding every pattern of the built-in pack again.
import type { Lexicons } from '../lexicons.js';
import { packed, type Atom, type CompiledPattern } from './parse.js';

/**
 * Compiled patterns as stored by the build. Each distinct atom is written once,
 * as a short string (a tag and its text), and automata name atoms by their
 * index in that table: numbers parse faster than strings at start-up.
 */
export interface SerialPatterns {
  /** what the automata are stored as: a store of another shape is compiled afresh */
  shape: typeof SHAPE;
  atoms: string[];
  patterns: Record<string, SerialPattern>;
}

export interface SerialPattern {
  anchoredStart: boolean;
  anchoredEnd: boolean;
  /** the atom of each state after the start */
  atoms: number[];
  accepting: number[];
  /** the states each state may go to next, as in Automaton */
  nextStart: number[];
  next: number[];
}

const SHAPE = 'glushkov-1';

export const NO_SERIAL_PATTERNS: SerialPatterns = { shape: SHAPE, atoms: [], patterns: {} };

function encode(element: Atom): string {
  switch (element.type) {
    case 'word':
      return `w${element.norm}`;
    case 'words':
      return `W${[...element.norms].join('|')}`;
    case 'prefix':
      return `p${element.prefix}`;
    case 'stem':
      return `s${element.stem}`;
    case 'lexicon':
      return `l${element.name}`;
    case 'any':
      return '*';
  }
}

function decode(code: string, lexicons: Lexicons): Atom | null {
  const text = code.slice(1);
  switch (code[0]) {
    case 'w':
      return { type: 'word', norm: text };
    case 'W':
      return { type: 'words', norms: new Set(text.split('|')) };
    case 'p':
      return { type: 'prefix', prefix: text };
    case 's':
      return { type: 'stem', stem: text };
    case 'l': {
      const lexicon = lexicons.get(text);
      return lexicon ? { type: 'lexicon', name: text, lexicon } : null;
    }
    default:
      return { type: 'any' };
  }
}

/** A stored pattern, or null when it no longer fits the pack (a lexicon is gone): compile afresh. */
function revive(source: string, stored: SerialPattern, atom: (index: number) => Atom | null): CompiledPattern | null {
  const atoms: Atom[] = [{ type: 'any' }];
  for (const index of stored.atoms) {
    const element = atom(index);
    if (!element) return null;
    atoms.push(element);
  }
  const accepting = new Uint8Array(atoms.length);
  for (const state of stored.accepting) accepting[state] = 1;
  const follow = atoms.map((_, state) => stored.next.slice(stored.nextStart[state], stored.nextStart[state + 1]));
  return { source, anchoredStart: stored.anchoredStart, anchoredEnd: stored.anchoredEnd, automaton: packed(atoms, follow, accepting) };
}

/**
 * Stored patterns revived against a pack's lexicons. Each stored atom is decoded
 * once and shared by every sequence that uses it (with its word set), which a
 * cold start would otherwise allocate and collect.
 */
export class StoredPatterns {
  private readonly decoded: (Atom | null | undefined)[] = [];

  constructor(
    private readonly stored: SerialPatterns,
    private readonly lexicons: Lexicons,
  ) {}

  private readonly atom = (index: number): Atom | null => {
    let element = this.decoded[index];
    if (element === undefined) {
      const code = this.stored.atoms[index];
      this.decoded[index] = element = code === undefined ? null : decode(code, this.lexicons);
    }
    return element;
  };

  /** The stored pattern for `source`, or null when there is none or it no longer fits the pack. */
  revive(source: string): CompiledPattern | null {
    const patterns = this.stored.patterns;
    if (this.stored.shape !== SHAPE) return null;
    return Object.hasOwn(patterns, source) ? revive(source, patterns[source]!, this.atom) : null;
  }
}

/** Compiled patterns in a JSON-safe form, for the build to store. */
export function serialise(compiled: Iterable<CompiledPattern>): SerialPatterns {
  const atoms: string[] = [];
  const indexOf = new Map<string, number>();
  const index = (element: Atom): number => {
    const code = encode(element);
    let at = indexOf.get(code);
    if (at === undefined) indexOf.set(code, (at = atoms.push(code) - 1));
    return at;
  };
  const patterns: Record<string, SerialPattern> = {};
  for (const { source, anchoredStart, anchoredEnd, automaton } of compiled) {
    const states = automaton.atoms.map((_, state) => state);
    patterns[source] = {
      anchoredStart,
      anchoredEnd,
      atoms: automaton.atoms.slice(1).map(index),
      accepting: states.filter((state) => automaton.accepting[state]),
      nextStart: [...automaton.nextStart],
      next: [...automaton.next],
    };
  }
  return { shape: SHAPE, atoms, patterns };
}
