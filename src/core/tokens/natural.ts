// The one door to `natural`. Importing the package root costs about half a
// second and loads database adapters that read `.env` and print to stdout,
// so only the submodules rapport needs are imported, here, with types
// (natural-modules.d.ts). They are plain CommonJS files, so the build bundles
// them like any other code.
import PorterStemmer from 'natural/lib/natural/stemmers/porter_stemmer.js';
import { RegexpTokenizer } from 'natural/lib/natural/tokenizers/regexp_tokenizer.js';
import naturalStopwords from 'natural/lib/natural/util/stopwords.js';

// Words keep their inner apostrophes ("don't", "you’re") and hyphens; every
// other non-space character (punctuation, emoji) is a token of its own.
const TOKEN_PATTERN = /[\p{L}\p{N}\p{M}]+(?:['’\-][\p{L}\p{N}\p{M}]+)*|[^\s\p{L}\p{N}\p{M}]/gu;

const tokenizer = new RegexpTokenizer({ pattern: TOKEN_PATTERN, gaps: false });

export function tokenizeWords(text: string): string[] {
  return tokenizer.tokenize(text) ?? [];
}

export function stem(word: string): string {
  return PorterStemmer.stem(word);
}

/** natural's English stopword list: what is left over is content. */
export const STOPWORDS: readonly string[] = naturalStopwords.words;
