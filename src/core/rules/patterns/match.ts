// Matching one flat sequence of a compiled pattern against a sentence's words.
import type { Token } from '../../tokens/analyse.js';
import { inLexicon, type Lexicon } from '../lexicons.js';
import type { Element } from './parse.js';

/** The longest gap (`...`), in words. */
const MAX_GAP = 4;

function matchesAtom(element: Element, token: Token): boolean {
  switch (element.type) {
    case 'word':
      return token.norm === element.norm;
    case 'words':
      return element.norms.has(token.norm);
    case 'prefix':
      return token.norm.startsWith(element.prefix);
    case 'stem':
      return token.stem === element.stem;
    case 'lexicon':
      return inLexicon(element.lexicon, token);
    default:
      return true;
  }
}

/**
 * Longest end of a flat sequence (atoms and gaps only) starting at `from`, or
 * -1. Groups and optionals were expanded at compile time, so the hot path of
 * every check is this loop: no allocation, and branching only at gaps.
 */
export function longestEnd(sequence: Element[], index: number, words: Token[], from: number, mustReachEnd: boolean): number {
  let position = from;
  for (let i = index; i < sequence.length; i += 1) {
    const element = sequence[i]!;
    if (element.type === 'gap') {
      let best = -1;
      for (let skip = 0; skip <= MAX_GAP && position + skip <= words.length; skip += 1) {
        best = Math.max(best, longestEnd(sequence, i + 1, words, position + skip, mustReachEnd));
      }
      return best;
    }
    if (position >= words.length || !matchesAtom(element, words[position]!)) return -1;
    position += 1;
  }
  return mustReachEnd && position !== words.length ? -1 : position;
}

export interface WordRange {
  first: number;
  /** exclusive */
  last: number;
}

export interface WordRange {
  first: number;
  /** exclusive */
  last: number;
}

/** How many words at the start of a sentence are fillers ("so", "well"): "^" may skip them. */
export function leadingFillers(words: Token[], fillers: Lexicon | undefined): number {
  let run = 0;
  while (run < words.length && inLexicon(fillers, words[run]!)) run += 1;
  return run;
}
