// All the patterns of a pack in one index, scanned a sentence at a time.
import { getOrAdd } from '../../maps.js';
import type { Token } from '../../tokens/analyse.js';
import { inLexicon, RESERVED, type Lexicon, type Lexicons } from '../lexicons.js';
import { leadingFillers, Matcher, type WordRange } from './match.js';
import { compilePattern, PatternError, sizeOf, type Atom, type CompiledPattern } from './parse.js';
import { NO_SERIAL_PATTERNS, serialise, StoredPatterns, type SerialPatterns } from './serial.js';

/**
 * Sentences whose matches are remembered. Enough for a rewrite's re-check and for the short
 * replies every session repeats; a larger memo mostly paid off on corpora that repeat whole
 * sessions, and its old entries were most of what a long batch kept alive.
 */
const SCAN_CACHE_LIMIT = 2_000;
const FILLERS = RESERVED.fillers;

/**
 * The size (see sizeOf) of all the patterns of the packs in use, together: the built-in pack's
 * is about 28,800. Matching costs at most the size per word of the reply, whatever the patterns, so
 * this bounds a check: packs at the cap check a 20,000-character reply in about a second.
 */
export const MAX_PACK_SIZE = 40_000;

/**
 * Matches one sentence may hold, in all, per word: far above what any real pack finds (the built-in
 * one finds one or two per sentence), but a pack of thousands of patterns that each match at every
 * word would otherwise keep hundreds of millions of them. Patterns past the budget are not matched
 * in that sentence.
 */
export const MAX_MATCHES_PER_WORD = 64;

const NO_ENTRIES: readonly IndexEntry[] = [];

/**
 * One pattern in the index. While a sentence is scanned it remembers the
 * first and last word at which the index found the pattern could start.
 */
interface IndexEntry {
  pattern: CompiledPattern;
  /** may start anywhere (its first atom matches any word): tried at every word */
  anywhere: boolean;
  scan: number;
  from: number;
  to: number;
}

/** Entries filed under one lexicon: a list, not a Map, so the hot loop walks it without allocating iterators. */
interface LexiconEntries<T> {
  lexicon: Lexicon;
  value: T;
}

/** The patterns that can start with one word, stem or lexicon, sorted by what can come second. */
interface Bucket {
  /** every start filed here, until the first scan that needs the bucket sorts them */
  pending: Start[] | null;
  /** starts that may match one word alone, or whose second word is not indexable (gap, wildcard, prefix) */
  rest: IndexEntry[];
  nextNorm: Map<string, IndexEntry[]>;
  nextStem: Map<string, IndexEntry[]>;
  nextLexicon: LexiconEntries<IndexEntry[]>[];
}

/** A pattern's state after its first word. */
interface Start {
  entry: IndexEntry;
  state: number;
}

const newBucket = (): Bucket => ({ pending: [], rest: [], nextNorm: new Map(), nextStem: new Map(), nextLexicon: [] });

/**
 * What an atom can be found under: word forms, stems, or one lexicon as a
 * whole (a lexicon is shared by many patterns; spelling it out into its
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
const elementKeys = new WeakMap<Atom, Keys | null>();

function keysOf(element: Atom): Keys | null {
  return getOrAdd(elementKeys, element, () => keysOfElement(element));
}

function keysOfElement(element: Atom): Keys | null {
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
 * File a bucket's starts under what their second word can match. Done on
 * first use: one reply touches a few dozen of the pack's buckets, so a single
 * check does not pay to sort them all.
 */
function sortBucket(bucket: Bucket): void {
  for (const start of bucket.pending!) file(bucket, start);
  bucket.pending = null;
}

function file(bucket: Bucket, { entry, state }: Start): void {
  const { atoms, accepting, nextStart, next } = entry.pattern.automaton;
  const seconds: Keys[] = [];
  for (let e = nextStart[state]!; e < nextStart[state + 1]!; e += 1) {
    const keys = keysOf(atoms[next[e]!]!);
    if (!keys) break;
    seconds.push(keys);
  }
  if (accepting[state] || seconds.length < nextStart[state + 1]! - nextStart[state]!) {
    bucket.rest.push(entry);
    return;
  }
  const filed = (list: IndexEntry[]): void => {
    if (list[list.length - 1] !== entry) list.push(entry);
  };
  for (const keys of seconds) {
    for (const norm of keys.norms) filed(getOrAdd(bucket.nextNorm, norm, (): IndexEntry[] => []));
    for (const stem of keys.stems) filed(getOrAdd(bucket.nextStem, stem, (): IndexEntry[] => []));
    if (keys.lexicon) filed(underLexicon(bucket.nextLexicon, keys.lexicon, (): IndexEntry[] => []));
  }
}

function fileInBucket(bucket: Bucket, start: Start): void {
  if (bucket.pending) bucket.pending.push(start);
  else file(bucket, start); // compiled after the bucket was first used
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
  private readonly fillers: Lexicon | undefined;
  private readonly stored: StoredPatterns;

  /** `precompiled`: patterns compiled at build time (see serialise), used when their source matches. */
  constructor(
    readonly lexicons: Lexicons,
    precompiled: SerialPatterns = NO_SERIAL_PATTERNS,
  ) {
    this.stored = new StoredPatterns(precompiled, lexicons);
    this.fillers = lexicons.get(FILLERS);
  }

  compile(source: string): CompiledPattern {
    const known = this.compiled.get(source);
    if (known) return known;
    const pattern = this.add(this.stored.revive(source) ?? compilePattern(source, this.lexicons));
    this.compiled.set(source, pattern);
    return pattern;
  }

  /** Every pattern compiled through this index, in a JSON-safe form, for the build to store. */
  serialise(): SerialPatterns {
    return serialise(this.compiled.values());
  }

  /** Transitions of every pattern added so far: see MAX_PACK_SIZE. */
  private size = 0;

  /** How much of MAX_PACK_SIZE the patterns so far take. */
  get totalSize(): number {
    return this.size;
  }

  add(pattern: CompiledPattern): CompiledPattern {
    const size = this.size + sizeOf(pattern.automaton);
    if (size > MAX_PACK_SIZE) {
      throw new PatternError(
        `pattern "${pattern.source}" takes the rule packs' patterns past a size of ${grouped(MAX_PACK_SIZE)} in all (see "Patterns" in the README); drop or simplify patterns`,
      );
    }
    this.size = size;
    this.register(pattern);
    // A sentence scanned before holds no matches of this pattern: scan it again.
    this.scanned.clear();
    return pattern;
  }

  /**
   * File a pattern under what each of its first words can match, and within
   * that under what its second word can match, so a word only tries patterns
   * whose first two words can both match there (99% of one-level tries failed).
   */
  private register(pattern: CompiledPattern): void {
    const entry: IndexEntry = { pattern, anywhere: false, scan: -1, from: 0, to: 0 };
    const { atoms, nextStart, next } = pattern.automaton;
    for (let e = nextStart[0]!; e < nextStart[1]!; e += 1) {
      const state = next[e]!;
      const keys = keysOf(atoms[state]!);
      if (!keys) {
        if (!entry.anywhere) this.anywhere.push(entry);
        entry.anywhere = true;
        continue;
      }
      this.bucketsOfWord.clear();
      const start: Start = { entry, state };
      for (const norm of keys.norms) fileInBucket(getOrAdd(this.byNorm, norm, newBucket), start);
      for (const stem of keys.stems) fileInBucket(getOrAdd(this.byStem, stem, newBucket), start);
      if (keys.lexicon) fileInBucket(underLexicon(this.byLexicon, keys.lexicon, newBucket), start);
    }
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

  private scans = 0;
  private readonly matcher = new Matcher();

  /**
   * First the index marks, for each pattern, the first and last word it could
   * start at; then each marked pattern is matched there and in between, one
   * pattern at a time, so one memo serves all its starts.
   */
  private scanWords(words: Token[]): Map<CompiledPattern, WordRange[]> {
    const scan = (this.scans += 1);
    const marked: IndexEntry[] = [];
    const mark = (entry: IndexEntry, first: number): void => {
      if (entry.scan !== scan) {
        entry.scan = scan;
        entry.from = first;
        marked.push(entry);
      }
      entry.to = first;
    };
    const markBucket = (bucket: Bucket, first: number): void => {
      if (bucket.pending) sortBucket(bucket);
      for (const entry of bucket.rest) mark(entry, first);
      const following = words[first + 1];
      if (!following) return;
      for (const entry of bucket.nextNorm.get(following.norm) ?? NO_ENTRIES) mark(entry, first);
      for (const entry of bucket.nextStem.get(following.stem) ?? NO_ENTRIES) mark(entry, first);
      for (const { lexicon, value } of bucket.nextLexicon) {
        if (inLexicon(lexicon, following)) for (const entry of value) mark(entry, first);
      }
    };
    if (words.length > 0) for (const entry of this.anywhere) mark(entry, 0);
    for (let first = 0; first < words.length; first += 1) {
      for (const bucket of this.bucketsAt(words[first]!)) markBucket(bucket, first);
    }
    const fillerRun = leadingFillers(words, this.fillers);
    const result = new Map<CompiledPattern, WordRange[]>();
    let budget = MAX_MATCHES_PER_WORD * words.length;
    for (const entry of marked) {
      if (budget <= 0) break;
      const { pattern } = entry;
      const from = entry.from;
      // "^" may skip leading fillers ("So, well, what ..."), but need not.
      const to = Math.min(entry.anywhere ? words.length - 1 : entry.to, pattern.anchoredStart ? fillerRun : Infinity);
      this.matcher.begin(pattern.automaton, words, pattern.anchoredEnd);
      // Many starts: every state at every word costs less than following each start.
      const each = to - from >= pattern.automaton.longest ? this.matcher.longestEach(from, to) : null;
      const ranges: WordRange[] = [];
      for (let first = from; first <= to; first += 1) {
        const last = each ? each[first - from]! : this.matcher.longestAt(first);
        if (last <= first) continue;
        ranges.push({ first, last });
        if (pattern.anchoredStart) break;
        first = last - 1;
      }
      if (ranges.length) result.set(pattern, ranges);
      budget -= ranges.length;
    }
    return result;
  }
}

const grouped = (n: number): string => n.toLocaleString('en-US');

/** One pattern on its own (tests, trace); the engine scans through a PatternIndex. */
export function findMatches(pattern: CompiledPattern, words: Token[], lexicons: Lexicons): WordRange[] {
  const index = new PatternIndex(lexicons);
  index.add(pattern);
  return index.scan(words).get(pattern) ?? [];
}
