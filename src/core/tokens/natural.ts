// The one door to `natural`. Importing the package root costs about half a
// second and loads database adapters that read `.env` and print to stdout,
// so only the submodules rapport needs are imported, here, with types
// (natural-modules.d.ts). They are plain CommonJS files, so the build bundles
// them like any other code.
import BrillPOSTagger from 'natural/lib/natural/brill_pos_tagger/lib/Brill_POS_Tagger.js';
import RuleSet from 'natural/lib/natural/brill_pos_tagger/lib/RuleSet.js';
import PresentVerbInflector from 'natural/lib/natural/inflectors/present_verb_inflector.js';
import PorterStemmer from 'natural/lib/natural/stemmers/porter_stemmer.js';
import { RegexpTokenizer } from 'natural/lib/natural/tokenizers/regexp_tokenizer.js';
import naturalStopwords from 'natural/lib/natural/util/stopwords.js';

// Words keep their inner apostrophes ("don't", "you’re") and hyphens; every
// other non-space character (punctuation, emoji) is a token of its own.
export const TOKEN_PATTERN = /[\p{L}\p{N}\p{M}]+(?:['’\-][\p{L}\p{N}\p{M}]+)*|[^\s\p{L}\p{N}\p{M}]/gu;
// The same tokens for text that is all ASCII, where letters, numbers and marks
// are [A-Za-z0-9] and the only apostrophe is '. V8 takes about 5 ms to compile
// the Unicode classes above on first use, which a cold `check` of an ASCII reply
// then does not pay. A property test holds the two to the same tokens on ASCII.
export const ASCII_TOKEN_PATTERN = /[A-Za-z0-9]+(?:['-][A-Za-z0-9]+)*|[^\sA-Za-z0-9]/g;
const ASCII_ONLY = /^[\x00-\x7f]*$/;

const unicodeTokenizer = new RegexpTokenizer({ pattern: TOKEN_PATTERN, gaps: false });
const asciiTokenizer = new RegexpTokenizer({ pattern: ASCII_TOKEN_PATTERN, gaps: false });

export function tokenizeWords(text: string): string[] {
  return (ASCII_ONLY.test(text) ? asciiTokenizer : unicodeTokenizer).tokenize(text) ?? [];
}

export function stem(word: string): string {
  return PorterStemmer.stem(word);
}

/** natural's English stopword list: what is left over is content. */
export const STOPWORDS: readonly string[] = naturalStopwords.words;

/**
 * natural's Brill tagger with natural's English transformation rules, over a
 * lexicon the caller gives. natural's own English lexicon is 4 MB of JSON that
 * takes a third of a second to parse, so it is not loaded: the rule pack lists
 * the closed word classes, and the transformation rules (suffixes, context)
 * tag the rest.
 */
export function brillTagger(tagsOf: (word: string) => string[]): (words: string[]) => string[] {
  let tagger: BrillPOSTagger | undefined;
  return (words) => {
    tagger ??= new BrillPOSTagger({ tagWord: tagsOf }, new RuleSet('EN'));
    return words.length === 0 ? [] : tagger.tag(words).taggedWords.map((word) => word.tag);
  };
}

const verbInflector = new PresentVerbInflector();

/** A present-tense verb in its third-person singular form: "want" -> "wants". */
export function thirdPersonVerb(verb: string): string {
  // natural's inflector reads a final "h" as a hiss ("laughes", "weighes"); "gh" is not one.
  if (/gh$/.test(verb)) return `${verb}s`;
  return verbInflector.singularize(verb);
}
