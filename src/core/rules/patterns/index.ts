// All the patterns of a pack in one index, scanned a sentence at a time.
import { getOrAdd } from '../../maps.js';
import type { Token } from '../../tokens/analyse.js';
import { inLexicon, RESERVED, type Lexicon, type Lexicons } from '../lexicons.js';
import { leadingFillers, longestEnd, type WordRange } from './match.js';
import { compilePattern, type CompiledPattern, type Element } from './parse.js';
import { NO_SERIAL_PATTERNS, serialise, StoredPatterns, type SerialPatterns } from './serial.js';

/**
 * Sentences whose matches are remembered. Enough for a rewrite's re-check and for the short
 * replies every session repeats; a larger memo mostly paid off on corpora that repeat whole
 * sessions, and its old entries were most of what a long batch kept alive.
 */
const SCAN_CACHE_LIMIT = 2_000;
const FILLERS = RESERVED.fillers;

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

  add(pattern: CompiledPattern): CompiledPattern {
    for (const sequence of pattern.sequences) this.register({ pattern, sequence });
    // A sentence scanned before holds no matches of this pattern: scan it again.
    this.scanned.clear();
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
    const fillerRun = leadingFillers(words, this.fillers);
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

/** One pattern on its own (tests, trace); the engine scans through a PatternIndex. */
export function findMatches(pattern: CompiledPattern, words: Token[], lexicons: Lexicons): WordRange[] {
  const index = new PatternIndex(lexicons);
  index.add(pattern);
  return index.scan(words).get(pattern) ?? [];
}
