// Part-of-speech tags for the words of a clause, from natural's Brill tagger
// over the pack's closed-class lexicons (see brillTagger for why not natural's own).
import type { Token } from '../tokens/analyse.js';
import { brillTagger } from '../tokens/natural.js';
import type { RewriteWords } from './words.js';

const taggers = new WeakMap<RewriteWords, (words: string[]) => string[]>();

export function tagsOf(tokens: readonly Token[], words: RewriteWords): string[] {
  let tag = taggers.get(words);
  if (!tag) {
    tag = brillTagger((word) => [words.tags.get(word.toLowerCase().replace(/’/g, "'")) ?? 'NN']);
    taggers.set(words, tag);
  }
  return tag(tokens.map((token) => token.text));
}

export const isNoun = (tag: string | undefined): boolean => !!tag && /^(NN|NNS|NNP|NNPS|N)$/.test(tag);
export const isVerb = (tag: string | undefined): boolean => !!tag && tag.startsWith('VB');
export const isAdjective = (tag: string | undefined): boolean => !!tag && tag.startsWith('JJ');

/**
 * The first noun phrase that is not a pronoun and opens on a determiner or
 * possessive, with its adjectives and nouns ("your teacher", "the new job"):
 * without natural's full lexicon a lone word tagged as a noun may be a verb
 * ("seen"), so the determiner is the evidence. Null when none.
 */
export function firstNounPhrase(tokens: readonly Token[], words: RewriteWords, skip: (token: Token) => boolean = () => false): Token[] | null {
  const tags = tagsOf(tokens, words);
  for (let i = 0; i < tokens.length; i += 1) {
    if (!isNoun(tags[i]) || !tokens[i]!.isWord || skip(tokens[i]!) || words.stopwords.has(tokens[i]!.norm)) continue;
    let start = i;
    while (start > 0 && (isAdjective(tags[start - 1]) || isNoun(tags[start - 1])) && tokens[start - 1]!.isWord && !skip(tokens[start - 1]!)) start -= 1;
    if (start === 0 || !/^(DT|PRP\$)$/.test(tags[start - 1] ?? '') || /^(no|all|every|any|some|each)$/.test(tokens[start - 1]!.norm)) continue;
    start -= 1;
    let end = i + 1;
    while (end < tokens.length && isNoun(tags[end]) && tokens[end]!.isWord && !words.stopwords.has(tokens[end]!.norm) && !skip(tokens[end]!)) end += 1;
    return tokens.slice(start, end) as Token[];
  }
  return null;
}
