// Matching a pattern's automaton against a sentence's words.
import type { Token } from '../../tokens/analyse.js';
import { inLexicon, type Lexicon } from '../lexicons.js';
import type { Atom, Automaton } from './parse.js';

export function matchesAtom(atom: Atom, token: Token): boolean {
  switch (atom.type) {
    case 'word':
      return token.norm === atom.norm;
    case 'words':
      return atom.norms.has(token.norm);
    case 'prefix':
      return token.norm.startsWith(atom.prefix);
    case 'stem':
      return token.stem === atom.stem;
    case 'lexicon':
      return inLexicon(atom.lexicon, token);
    case 'any':
      return true;
  }
}

/**
 * Longest matches of one automaton in one sentence, two ways that give the
 * same ends. Both work out the longest end from a state at a word once,
 * however many starts and paths reach it, so a sentence costs at most its
 * length times the automaton's size.
 *
 * - `longestAt`, for a few starts: from the start forwards, remembering each
 *   (state, word) it reaches. A match spans at most `longest` words, so the
 *   memo keeps that many words per state (a ring), whatever the sentence.
 * - `longestEach`, for many: every state at every word, from the last word
 *   back, two rows at a time: no recursion and no memo to consult.
 *
 * One Matcher is reused for every pattern and sentence.
 */
export class Matcher {
  // The automaton's parts, held directly: the recursion reads them for every state and word.
  private atoms: readonly Atom[] = [];
  private accepting: Uint8Array = new Uint8Array(0);
  private nextStart: Int32Array = new Int32Array(0);
  private next: Int32Array = new Int32Array(0);
  private words: Token[] = [];
  private mustReachEnd = false;
  private width = 1;
  private ends = new Int32Array(0);
  /** which (use, word) each memo cell holds: `base` + the word's index */
  private stamps = new Float64Array(0);
  private base = 0;
  private nextBase = 1;
  private later = new Int32Array(0);
  private here = new Int32Array(0);
  private each = new Int32Array(0);

  /** Start on a pattern and sentence: nothing remembered from earlier ones applies. */
  begin(automaton: Automaton, words: Token[], mustReachEnd: boolean): void {
    this.atoms = automaton.atoms;
    this.accepting = automaton.accepting;
    this.nextStart = automaton.nextStart;
    this.next = automaton.next;
    this.words = words;
    this.mustReachEnd = mustReachEnd;
    this.width = automaton.longest + 1;
    const cells = automaton.atoms.length * this.width;
    if (this.stamps.length < cells) {
      this.stamps = new Float64Array(cells);
      this.ends = new Int32Array(cells);
    }
    // Stamps of this use run from base to base + words.length: no other use's overlap them.
    this.base = this.nextBase;
    this.nextBase += words.length + 1;
  }

  /** The end of the longest match starting at word `from`, or -1. */
  longestAt(from: number): number {
    return this.endAfter(0, from);
  }

  /** What `longestAt` gives for each word `from` to `to`, at index word - from (valid until the next call). */
  longestEach(from: number, to: number): Int32Array {
    const { atoms, accepting, nextStart, next, words } = this;
    const states = atoms.length;
    if (this.here.length < states) {
      this.here = new Int32Array(states);
      this.later = new Int32Array(states);
    }
    if (this.each.length < to - from + 1) this.each = new Int32Array(to - from + 1);
    let { here, later } = this;
    // A match from `to` reads no word past to + longest - 1, so the rows start there, with nothing after.
    later.fill(-1);
    for (let at = Math.min(words.length - 1, to + this.width - 2); at >= from; at -= 1) {
      const word = words[at]!;
      const acceptedEnd = !this.mustReachEnd || at === words.length - 1 ? at + 1 : -1;
      for (let state = states - 1; state > 0; state -= 1) {
        let best = -1;
        if (matchesAtom(atoms[state]!, word)) {
          if (accepting[state]) best = acceptedEnd;
          for (let e = nextStart[state]!, stop = nextStart[state + 1]!; e < stop; e += 1) {
            const end = later[next[e]!]!;
            if (end > best) best = end;
          }
        }
        here[state] = best;
      }
      if (at <= to) {
        let best = -1;
        for (let e = nextStart[0]!, stop = nextStart[1]!; e < stop; e += 1) {
          const end = here[next[e]!]!;
          if (end > best) best = end;
        }
        this.each[at - from] = best;
      }
      const done = later;
      later = here;
      here = done;
    }
    return this.each;
  }

  /** The longest end of a match that is in `state` with word `at` next, or -1 (the start state: any match from `at`). */
  private endAfter(state: number, at: number): number {
    let best = state > 0 && this.accepting[state] && (!this.mustReachEnd || at === this.words.length) ? at : -1;
    if (at >= this.words.length) return best;
    const column = at % this.width;
    const stamp = this.base + at;
    for (let e = this.nextStart[state]!, stop = this.nextStart[state + 1]!; e < stop; e += 1) {
      const following = this.next[e]!;
      const cell = following * this.width + column;
      const end = this.stamps[cell] === stamp ? this.ends[cell]! : this.enter(following, at, cell, stamp);
      if (end > best) best = end;
    }
    return best;
  }

  /**
   * The longest end of a match that reads word `at` into `state`, or -1,
   * remembered in `cell`: each state compares its atom with each word once,
   * however many states lead to it. Recursion is at most `longest` deep.
   */
  private enter(state: number, at: number, cell: number, stamp: number): number {
    const end = matchesAtom(this.atoms[state]!, this.words[at]!) ? this.endAfter(state, at + 1) : -1;
    this.stamps[cell] = stamp;
    this.ends[cell] = end;
    return end;
  }
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
