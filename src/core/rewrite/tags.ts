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

export const isVerb = (tag: string | undefined): boolean => !!tag && tag.startsWith('VB');

const OPEN_CLASS = /^(NN|NNS|NNP|NNPS|N|JJ|JJR|JJS|VBN|VBG)$/;
const DETERMINERS = /^(DT|PRP\$)$/;
// The tagger knows only closed classes, so a past form or a superlative can pass for a noun.
const PAST_FORM = /^\p{L}{3,}(ed|en)$/u;
const NOT_A_TOPIC = /^(best|worst|same|rest|most|least|first|last|next|only|other|whole|end|thing|way)$/;

/**
 * The first noun phrase that opens on a determiner or possessive, with up to
 * three open-class words after it ("your teacher", "the new job"). Without
 * natural's full lexicon a lone word tagged as a noun may be a verb ("seen"),
 * so the determiner is the evidence. `skip` rejects a phrase by its last word
 * ("a lot", "the thing"). Null when none.
 */
export function firstNounPhrase(tokens: readonly Token[], words: RewriteWords, skip: (token: Token) => boolean = () => false): Token[] | null {
  const tags = tagsOf(tokens, words);
  for (let i = 0; i < tokens.length; i += 1) {
    if (!tokens[i]!.isWord || !DETERMINERS.test(tags[i] ?? '') || /^(no|all|every|any|some|each|that|this|these|those|another|much|many|more|most|few|both|either|neither)$/.test(tokens[i]!.norm)) continue;
    let end = i + 1;
    // After a determiner a base verb is a noun ("your work"), as natural's own rules say after DT.
    while (end < tokens.length && end - i <= 3 && tokens[end]!.isWord && !words.stopwords.has(tokens[end]!.norm) && (OPEN_CLASS.test(tags[end] ?? '') || (end === i + 1 && tags[end] === 'VB'))) end += 1;
    // "my wife died", "my sponsor dropped": the noun phrase ends before its verb.
    while (end > i + 2 && (/^VB[DN]$/.test(tags[end - 1] ?? '') || PAST_FORM.test(tokens[end - 1]!.norm))) end -= 1;
    if (end === i + 1 || skip(tokens[end - 1]!) || NOT_A_TOPIC.test(tokens[end - 1]!.norm) || /^(JJ|JJR|JJS|VBG|VBN|VBD)$/.test(tags[end - 1] ?? '') || PAST_FORM.test(tokens[end - 1]!.norm)) continue;
    return tokens.slice(i, end) as Token[];
  }
  return null;
}
