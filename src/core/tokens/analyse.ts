// Text -> tokens with exact offsets, stems and sentences: everything the rules
// see. Tokens come from natural's tokenizer and are aligned back onto the text,
// so every span is a pair of UTF-16 offsets into the original string.
import { stem, tokenizeWords } from './natural.js';

export interface Token {
  text: string;
  /** lower case, curly apostrophes made straight: what patterns compare against */
  norm: string;
  stem: string;
  start: number;
  end: number;
  isWord: boolean;
  sentence: number;
}

export interface Sentence {
  index: number;
  start: number;
  end: number;
  /** the sentence's word tokens, in order (punctuation left out) */
  words: Token[];
  isQuestion: boolean;
}

export interface Analysis {
  text: string;
  tokens: Token[];
  words: Token[];
  sentences: Sentence[];
}

const TERMINATORS = new Set(['.', '!', '?', '…']);
const CLOSERS = new Set(['"', '”', "'", '’', ')', ']']);
const ABBREVIATIONS = new Set(['mr', 'mrs', 'ms', 'dr', 'st', 'vs', 'etc', 'e.g', 'i.e', 'approx']);
// Compiled once: these run for every token of every reply.
const HAS_LETTER = /\p{L}/u;
const HAS_LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;
const STARTS_LOWER_CASE = /^\p{Ll}/u;
const BLANK_LINE = /\n\s*\n/;

export function normalise(word: string): string {
  return word.toLowerCase().replace(/’/g, "'");
}

// Conversation reuses a small vocabulary, so stems are remembered; the bound
// keeps a long batch of unusual words from growing the cache without limit.
const STEM_CACHE_LIMIT = 50_000;
const stems = new Map<string, string>();

/**
 * Spoken transcripts stammer: "you-you're", "wh-what", "and-and". A hyphenated
 * token whose earlier parts all begin its last part is read as that last part,
 * so patterns anchored on "you're" or "what" still see it.
 */
export function unstammer(norm: string): string {
  if (!norm.includes('-')) return norm;
  const parts = norm.split('-');
  const last = parts[parts.length - 1]!;
  return last && parts.slice(0, -1).every((part) => part.length > 0 && last.startsWith(part)) ? last : norm;
}

export function stemOf(norm: string): string {
  let stemmed = stems.get(norm);
  if (stemmed === undefined) {
    // The Porter stemmer mangles contractions ("you're" -> "you'r"); keep them whole.
    stemmed = norm.includes("'") || !HAS_LETTER.test(norm) ? norm : stem(norm);
    if (stems.size >= STEM_CACHE_LIMIT) stems.clear();
    stems.set(norm, stemmed);
  }
  return stemmed;
}

/** What a token's text alone determines. */
interface Lexeme {
  norm: string;
  stem: string;
  isWord: boolean;
}

// Replies reuse a small vocabulary: one lookup per token instead of lower-casing,
// unstammering, testing and stemming it again. Bounded like the stem memo.
const lexemes = new Map<string, Lexeme>();

function lexemeOf(piece: string): Lexeme {
  let lexeme = lexemes.get(piece);
  if (lexeme === undefined) {
    const norm = unstammer(normalise(piece));
    const isWord = HAS_LETTER_OR_DIGIT.test(piece);
    lexeme = { norm, stem: isWord ? stemOf(norm) : norm, isWord };
    if (lexemes.size >= STEM_CACHE_LIMIT) lexemes.clear();
    lexemes.set(piece, lexeme);
  }
  return lexeme;
}

function alignTokens(text: string): Token[] {
  const tokens: Token[] = [];
  let cursor = 0;
  for (const piece of tokenizeWords(text)) {
    const start = text.indexOf(piece, cursor);
    if (start < 0) continue; // cannot happen with a non-gap tokenizer; never invent offsets
    const end = start + piece.length;
    cursor = end;
    const { norm, stem, isWord } = lexemeOf(piece);
    tokens.push({ text: piece, norm, stem, start, end, isWord, sentence: 0 });
  }
  return tokens;
}

function endsSentence(tokens: Token[], i: number, text: string): boolean {
  const token = tokens[i]!;
  if (TERMINATORS.has(token.text)) {
    const next = tokens[i + 1];
    if (next && (TERMINATORS.has(next.text) || CLOSERS.has(next.text))) return false;
    // "Well... maybe" and "e.g. this" carry on when the next word is lower case.
    if ((token.text === '.' || token.text === '…') && next?.isWord && STARTS_LOWER_CASE.test(next.text)) return false;
    if (token.text === '.') {
      const previous = tokens[i - 1];
      if (previous && previous.end === token.start && ABBREVIATIONS.has(previous.norm)) return false;
      // "3.5" and "e.g." are not sentence ends
      if (next && next.start === token.end && next.isWord) return false;
    }
    return true;
  }
  if (CLOSERS.has(token.text)) {
    const previous = tokens[i - 1];
    return !!previous && previous.end === token.start && TERMINATORS.has(previous.text) && !CLOSERS.has(tokens[i + 1]?.text ?? '');
  }
  // A blank line ends a sentence even without punctuation.
  const next = tokens[i + 1];
  return !!next && next.start - token.end > 1 && BLANK_LINE.test(text.slice(token.end, next.start));
}

export function analyse(text: string): Analysis {
  const tokens = alignTokens(text);
  const sentences: Sentence[] = [];
  let current: Token[] = [];

  const close = (): void => {
    const words = current.filter((token) => token.isWord);
    if (words.length > 0) {
      const last = current[current.length - 1]!;
      sentences.push({
        index: sentences.length,
        start: current[0]!.start,
        end: last.end,
        words,
        isQuestion: current.some((token) => token.text === '?'),
      });
    }
    current = [];
  };

  tokens.forEach((token, i) => {
    token.sentence = sentences.length;
    current.push(token);
    if (endsSentence(tokens, i, text)) close();
  });
  close();

  // Tokens of a punctuation-only run belong to no sentence: point them at the
  // nearest sentence so lookups stay in bounds.
  const lastSentence = Math.max(0, sentences.length - 1);
  for (const token of tokens) token.sentence = Math.min(token.sentence, lastSentence);

  return { text, tokens, words: tokens.filter((token) => token.isWord), sentences };
}

const NEGATIONS = new Set(['not', 'never', 'no', "don't", "didn't", "isn't", "wasn't", "aren't", "can't", "won't", "doesn't", "wouldn't", "couldn't", 'hardly', 'nothing']);

/** Whether word `i` of the analysis has a negation within the three words before it, in its sentence ("I'm not happy"). */
export function negatedAt(analysis: Analysis, i: number): boolean {
  const word = analysis.words[i]!;
  return analysis.words.slice(Math.max(0, i - 3), i).some((before) => NEGATIONS.has(before.norm) && before.sentence === word.sentence);
}

/** 1-based line and column of a UTF-16 offset. */
export function lineColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  // "\r\n", "\n" and a lone "\r" (old Mac files, some exports) each end a line.
  for (let i = 0; i < offset && i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) {
      line += 1;
      lineStart = i + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}
