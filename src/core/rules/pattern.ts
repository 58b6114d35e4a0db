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
import { getOrAdd } from '../maps.js';
import { normalise, stemOf, type Token } from '../tokens/analyse.js';

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

export interface Lexicon {
  words: Set<string>;
  stems: Set<string>;
}
export type Lexicons = ReadonlyMap<string, Lexicon>;

export class PatternError extends Error {}

const MAX_GAP = 4;
/**
 * Gaps (`...`) per pattern. Each may skip zero to four words, so matching tries
 * up to 5^gaps paths from every word: a pattern with dozens of gaps would never
 * finish. The built-in rules use one.
 */
export const MAX_GAPS = 2;
/**
 * Sentences whose matches are remembered. Enough for a rewrite's re-check and for the short
 * replies every session repeats; a larger memo mostly paid off on corpora that repeat whole
 * sessions, and its old entries were most of what a long batch kept alive.
 */
const SCAN_CACHE_LIMIT = 2_000;
const MAX_ELEMENTS = 200;
const FILLER_LEXICON = 'fillers';

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

export function inLexicon(lexicon: Lexicon | undefined, token: Token): boolean {
  return !!lexicon && (lexicon.words.has(token.norm) || lexicon.stems.has(token.stem));
}

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
function longestEnd(sequence: Element[], index: number, words: Token[], from: number, mustReachEnd: boolean): number {
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

const NO_SERIAL_PATTERNS: SerialPatterns = { atoms: [], patterns: {} };

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

const NO_ENTRIES: readonly IndexEntry[] = [];

interface IndexEntry {
  pattern: CompiledPattern;
  sequence: Element[];
}

/** Entries filed under one lexicon: a list, not a Map, so the hot loop walks it without allocating iterators. */
interface LexiconEntries<T> {
  lexicon: Lexicon;
  value: T;
}

interface Bucket {
  /** every sequence filed here, until the first scan that needs the bucket sorts them */
  pending: IndexEntry[] | null;
  /** sequences of one atom, or whose second atom is not indexable (gap, wildcard, prefix) */
  rest: IndexEntry[];
  nextNorm: Map<string, IndexEntry[]>;
  nextStem: Map<string, IndexEntry[]>;
  nextLexicon: LexiconEntries<IndexEntry[]>[];
}

const newBucket = (): Bucket => ({ pending: [], rest: [], nextNorm: new Map(), nextStem: new Map(), nextLexicon: [] });

/**
 * What an atom can be found under: word forms, stems, or one lexicon as a
 * whole (a lexicon is shared by many sequences; spelling it out into its
 * words for each of them cost a cold start milliseconds). Null when the atom
 * can match any word.
 */
interface Keys {
  norms: readonly string[];
  stems: readonly string[];
  lexicon: Lexicon | null;
}

const NO_KEYS: readonly string[] = [];
// Elements are shared between the sequences that use them: their keys are worked out once.
const elementKeys = new WeakMap<Element, Keys | null>();

function keysOf(element: Element): Keys | null {
  return getOrAdd(elementKeys, element, () => keysOfElement(element));
}

function keysOfElement(element: Element): Keys | null {
  switch (element.type) {
    case 'word':
      return { norms: [element.norm], stems: NO_KEYS, lexicon: null };
    case 'words':
      return { norms: [...element.norms], stems: NO_KEYS, lexicon: null };
    case 'stem':
      return { norms: NO_KEYS, stems: [element.stem], lexicon: null };
    case 'lexicon':
      return { norms: NO_KEYS, stems: NO_KEYS, lexicon: element.lexicon };
    default:
      return null;
  }
}

function underLexicon<T>(list: LexiconEntries<T>[], lexicon: Lexicon, create: () => T): T {
  let found = list.find((item) => item.lexicon === lexicon);
  if (!found) list.push((found = { lexicon, value: create() }));
  return found.value;
}

/**
 * File a bucket's sequences under what their second atom can match. Done on
 * first use: one reply touches a few dozen of the pack's buckets, so a single
 * check does not pay to sort them all.
 */
function sortBucket(bucket: Bucket): void {
  for (const entry of bucket.pending!) file(bucket, entry);
  bucket.pending = null;
}

function file(bucket: Bucket, entry: IndexEntry): void {
  const second = entry.sequence[1];
  const keys = second ? keysOf(second) : null;
  if (!keys) {
    bucket.rest.push(entry);
    return;
  }
  for (const norm of keys.norms) getOrAdd(bucket.nextNorm, norm, (): IndexEntry[] => []).push(entry);
  for (const stem of keys.stems) getOrAdd(bucket.nextStem, stem, (): IndexEntry[] => []).push(entry);
  if (keys.lexicon) underLexicon(bucket.nextLexicon, keys.lexicon, (): IndexEntry[] => []).push(entry);
}

function fileInBucket(bucket: Bucket, entry: IndexEntry): void {
  if (bucket.pending) bucket.pending.push(entry);
  else file(bucket, entry); // compiled after the bucket was first used
}

/** The buckets a word opens, remembered per word form: a word's form fixes its stem and its lexicons. */
interface WordBuckets {
  stem: string;
  buckets: Bucket[];
}
const WORD_CACHE_LIMIT = 50_000;

/**
 * All the patterns of a pack, indexed by the word, stem or lexicon they can
 * start with. Scanning a sentence then costs one lookup per word (its buckets
 * are remembered by word form), however many hundred patterns the pack holds;
 * only patterns that can start at a word are tried there.
 */
export class PatternIndex {
  private readonly byNorm = new Map<string, Bucket>();
  private readonly byStem = new Map<string, Bucket>();
  private readonly byLexicon: LexiconEntries<Bucket>[] = [];
  private readonly anywhere: IndexEntry[] = [];
  private readonly bucketsOfWord = new Map<string, WordBuckets>();
  private readonly compiled = new Map<string, CompiledPattern>();

  /** `precompiled`: patterns compiled at build time (see serialise), used when their source matches. */
  constructor(
    readonly lexicons: Lexicons,
    private readonly precompiled: SerialPatterns = NO_SERIAL_PATTERNS,
  ) {}

  // Each stored atom is decoded once and shared by every sequence that uses it
  // (with its word set), which a cold start would otherwise allocate and collect.
  private readonly decoded: (Element | null | undefined)[] = [];
  private readonly atom = (index: number): Element | null => {
    let element = this.decoded[index];
    if (element === undefined) {
      const code = this.precompiled.atoms[index];
      this.decoded[index] = element = code === undefined ? null : decode(code, this.lexicons);
    }
    return element;
  };

  compile(source: string): CompiledPattern {
    const known = this.compiled.get(source);
    if (known) return known;
    const patterns = this.precompiled.patterns;
    const stored = Object.hasOwn(patterns, source) ? revive(source, patterns[source]!, this.atom) : null;
    const pattern = this.add(stored ?? compilePattern(source, this.lexicons));
    this.compiled.set(source, pattern);
    return pattern;
  }

  /** Every compiled pattern in a JSON-safe form, for the build to store. */
  serialise(): SerialPatterns {
    const atoms: string[] = [];
    const indexOf = new Map<string, number>();
    const index = (element: Element): number => {
      const code = encode(element);
      let at = indexOf.get(code);
      if (at === undefined) indexOf.set(code, (at = atoms.push(code) - 1));
      return at;
    };
    const patterns: Record<string, SerialPattern> = {};
    for (const [source, pattern] of this.compiled) {
      patterns[source] = {
        anchoredStart: pattern.anchoredStart,
        anchoredEnd: pattern.anchoredEnd,
        sequences: pattern.sequences.map((sequence) => sequence.map(index)),
      };
    }
    return { atoms, patterns };
  }

  add(pattern: CompiledPattern): CompiledPattern {
    for (const sequence of pattern.sequences) this.register({ pattern, sequence });
    return pattern;
  }

  /**
   * File a sequence under what its first atom can match, and within that under
   * its second atom's, so a word only tries sequences whose first two atoms can
   * both match there (99% of one-level tries failed).
   */
  private register(entry: IndexEntry): void {
    const keys = keysOf(entry.sequence[0]!);
    if (!keys) {
      this.anywhere.push(entry);
      return;
    }
    this.bucketsOfWord.clear();
    for (const norm of keys.norms) fileInBucket(getOrAdd(this.byNorm, norm, newBucket), entry);
    for (const stem of keys.stems) fileInBucket(getOrAdd(this.byStem, stem, newBucket), entry);
    if (keys.lexicon) fileInBucket(underLexicon(this.byLexicon, keys.lexicon, newBucket), entry);
  }

  private bucketsAt(token: Token): Bucket[] {
    const known = this.bucketsOfWord.get(token.norm);
    if (known && known.stem === token.stem) return known.buckets;
    const buckets: Bucket[] = [];
    const byNorm = this.byNorm.get(token.norm);
    if (byNorm) buckets.push(byNorm);
    const byStem = this.byStem.get(token.stem);
    if (byStem) buckets.push(byStem);
    for (const { lexicon, value } of this.byLexicon) if (inLexicon(lexicon, token)) buckets.push(value);
    if (this.bucketsOfWord.size >= WORD_CACHE_LIMIT) this.bucketsOfWord.clear();
    this.bucketsOfWord.set(token.norm, { stem: token.stem, buckets });
    return buckets;
  }

  // Conversation repeats itself ("Okay.", "Mm-hmm.", "It sounds like ..."), and a
  // rewrite re-checks most of its draft's sentences: a sentence's matches depend
  // only on its words, so they are remembered, within a bound.
  private readonly scanned = new Map<string, Map<CompiledPattern, WordRange[]>>();

  /**
   * Every pattern's matches in one sentence: non-overlapping, leftmost-longest.
   * `text` is the sentence as written: the same text always tokenizes to the
   * same words, so it keys the cache.
   */
  scan(words: Token[], text: string = words.map((word) => word.norm).join(' ')): Map<CompiledPattern, WordRange[]> {
    const key = text;
    let result = this.scanned.get(key);
    if (!result) {
      result = this.scanWords(words);
      if (this.scanned.size >= SCAN_CACHE_LIMIT) this.scanned.clear();
      this.scanned.set(key, result);
    }
    return result;
  }

  private scanWords(words: Token[]): Map<CompiledPattern, WordRange[]> {
    const longest = new Map<CompiledPattern, number[]>();
    const fillerRun = leadingFillers(words, this.lexicons);
    const tryEntry = (entry: IndexEntry, first: number): void => {
      if (entry.pattern.anchoredStart && first > fillerRun) return;
      const end = longestEnd(entry.sequence, 0, words, first, entry.pattern.anchoredEnd);
      if (end <= first) return;
      let ends = longest.get(entry.pattern);
      if (!ends) longest.set(entry.pattern, (ends = []));
      if ((ends[first] ?? -1) < end) ends[first] = end;
    };
    const tryBucket = (bucket: Bucket, first: number): void => {
      if (bucket.pending) sortBucket(bucket);
      for (const entry of bucket.rest) tryEntry(entry, first);
      const following = words[first + 1];
      if (!following) return;
      for (const entry of bucket.nextNorm.get(following.norm) ?? NO_ENTRIES) tryEntry(entry, first);
      for (const entry of bucket.nextStem.get(following.stem) ?? NO_ENTRIES) tryEntry(entry, first);
      for (const { lexicon, value } of bucket.nextLexicon) {
        if (inLexicon(lexicon, following)) for (const entry of value) tryEntry(entry, first);
      }
    };
    for (let first = 0; first < words.length; first += 1) {
      for (const bucket of this.bucketsAt(words[first]!)) tryBucket(bucket, first);
      for (const entry of this.anywhere) tryEntry(entry, first);
    }
    const result = new Map<CompiledPattern, WordRange[]>();
    for (const [pattern, ends] of longest) {
      const ranges: WordRange[] = [];
      let next = 0;
      for (let first = 0; first < ends.length; first += 1) {
        const end = ends[first];
        if (end === undefined || first < next) continue;
        // "^" may skip leading fillers ("So, well, what ..."), but need not.
        if (pattern.anchoredStart && first > fillerRun) break;
        ranges.push({ first, last: end });
        next = end;
        if (pattern.anchoredStart) break;
      }
      if (ranges.length) result.set(pattern, ranges);
    }
    return result;
  }
}

function leadingFillers(words: Token[], lexicons: Lexicons): number {
  const fillers = lexicons.get(FILLER_LEXICON);
  let run = 0;
  while (run < words.length && inLexicon(fillers, words[run]!)) run += 1;
  return run;
}

/** One pattern on its own (tests, trace); the engine scans through a PatternIndex. */
export function findMatches(pattern: CompiledPattern, words: Token[], lexicons: Lexicons): WordRange[] {
  const index = new PatternIndex(lexicons);
  index.add(pattern);
  return index.scan(words).get(pattern) ?? [];
}
