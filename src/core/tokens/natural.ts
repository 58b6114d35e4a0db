// The one door to `natural`. Importing the package root costs about half a
// second and loads database adapters that read `.env` and print to stdout,
// so only the two submodules rapport needs are imported, here, with types.
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

interface RegexpTokenizerInstance {
  tokenize(text: string): string[] | null;
}
interface TokenizersModule {
  RegexpTokenizer: new (options: { pattern: RegExp; gaps: boolean }) => RegexpTokenizerInstance;
}
interface StemmerModule {
  stem(word: string): string;
}

const { RegexpTokenizer } = require('natural/lib/natural/tokenizers/regexp_tokenizer') as TokenizersModule;
const PorterStemmer = require('natural/lib/natural/stemmers/porter_stemmer') as StemmerModule;

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

const { words: STOPWORD_LIST } = require('natural/lib/natural/util/stopwords') as { words: string[] };

/** natural's English stopword list: what is left over is content. */
export const STOPWORDS: readonly string[] = STOPWORD_LIST;
