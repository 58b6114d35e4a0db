// The build's store of compiled patterns: what a cold start reads instead of
// parsing and expanding every pattern of the built-in pack again.
import type { Lexicons } from '../lexicons.js';
import type { CompiledPattern, Element } from './parse.js';

/**
 * Compiled patterns as stored by the build. Each distinct atom is written once,
 * as a short string (a tag and its text), and sequences are lists of indexes
 * into that table: expanded groups repeat the same atoms thousands of times, and
 * numbers parse faster than strings at start-up.
 */
export interface SerialPatterns {
  atoms: string[];
  patterns: Record<string, SerialPattern>;
}

export interface SerialPattern {
  anchoredStart: boolean;
  anchoredEnd: boolean;
  sequences: number[][];
}

export const NO_SERIAL_PATTERNS: SerialPatterns = { atoms: [], patterns: {} };

function encode(element: Element): string {
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
    case 'gap':
      return '.';
    default:
      throw new Error(`a compiled pattern holds no ${element.type}`);
  }
}

function decode(code: string, lexicons: Lexicons): Element | null {
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
    case '*':
      return { type: 'any' };
    default:
      return { type: 'gap' };
  }
}

/** A stored pattern, or null when it no longer fits the pack (a lexicon is gone): compile afresh. */
function revive(source: string, stored: SerialPattern, atom: (index: number) => Element | null): CompiledPattern | null {
  const sequences: Element[][] = [];
  for (const indexes of stored.sequences) {
    const elements: Element[] = [];
    for (const index of indexes) {
      const element = atom(index);
      if (!element) return null;
      elements.push(element);
    }
    sequences.push(elements);
  }
  return { source, anchoredStart: stored.anchoredStart, anchoredEnd: stored.anchoredEnd, sequences };
}


/**
 * Stored patterns revived against a pack's lexicons. Each stored atom is decoded
 * once and shared by every sequence that uses it (with its word set), which a
 * cold start would otherwise allocate and collect.
 */
export class StoredPatterns {
  private readonly decoded: (Element | null | undefined)[] = [];

  constructor(
    private readonly stored: SerialPatterns,
    private readonly lexicons: Lexicons,
  ) {}

  private readonly atom = (index: number): Element | null => {
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
    return Object.hasOwn(patterns, source) ? revive(source, patterns[source]!, this.atom) : null;
  }
}

/** Compiled patterns in a JSON-safe form, for the build to store. */
export function serialise(compiled: Iterable<CompiledPattern>): SerialPatterns {
  const atoms: string[] = [];
  const indexOf = new Map<string, number>();
  const index = (element: Element): number => {
    const code = encode(element);
    let at = indexOf.get(code);
    if (at === undefined) indexOf.set(code, (at = atoms.push(code) - 1));
    return at;
  };
  const patterns: Record<string, SerialPattern> = {};
  for (const pattern of compiled) {
    patterns[pattern.source] = {
      anchoredStart: pattern.anchoredStart,
      anchoredEnd: pattern.anchoredEnd,
      sequences: pattern.sequences.map((sequence) => sequence.map(index)),
    };
  }
  return { atoms, patterns };
}
