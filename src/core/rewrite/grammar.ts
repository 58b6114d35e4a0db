// Small pieces of English the rewrite needs: turning the client's first person
// into the second, verb forms, and tidy sentences (capitals, articles, stops).
import type { Token } from '../tokens/analyse.js';
import { thirdPersonVerb } from '../tokens/natural.js';
import type { Mapping, RewriteWords } from './words.js';

/** A run of tokens from one text: what a clause or phrase of the client or the draft is. */
export interface Span {
  text: string;
  tokens: readonly Token[];
}

export const spanText = ({ text, tokens }: Span): string =>
  tokens.length === 0 ? '' : text.slice(tokens[0]!.start, tokens[tokens.length - 1]!.end);

const matchesAt = (tokens: readonly Token[], i: number, mapping: Mapping): boolean =>
  i + mapping.from.length <= tokens.length && mapping.from.every((word, k) => tokens[i + k]!.norm === word);

/**
 * The span's text with mappings applied word by word (longest first), keeping
 * the original spacing and punctuation between words. `first` applies only at
 * the start (a dilemma's "I want" -> "part of you wants").
 */
export function rewriteSpan(span: Span, mappings: readonly Mapping[], first: readonly Mapping[] = []): string {
  const { text, tokens } = span;
  let out = '';
  let i = 0;
  while (i < tokens.length) {
    const token = tokens[i]!;
    // Between tokens that were next to each other, the original spacing; where words were left out, one space.
    if (i > 0) {
      const gap = text.slice(tokens[i - 1]!.end, token.start);
      out += /[\p{L}\p{N}]/u.test(gap) ? ' ' : gap;
    }
    const mapping = (i === 0 ? first.find((m) => matchesAt(tokens, i, m)) : undefined) ?? mappings.find((m) => matchesAt(tokens, i, m));
    if (mapping) {
      out += mapping.to;
      i += mapping.from.length;
    } else {
      out += token.text;
      i += 1;
    }
  }
  return out;
}

/** The client's words said back to them: "I keep going back to my ex" -> "you keep going back to your ex". */
export function secondPerson(span: Span, words: RewriteWords): string {
  return rewriteSpan(span, words.secondPerson);
}

const MODALS = new Set(['can', "can't", 'could', "couldn't", 'would', "wouldn't", 'will', "won't", 'should', "shouldn't", 'might', 'must', 'may']);

const ADVERBS = new Set(['still', 'really', 'just', 'always', 'never', 'also', 'sometimes', 'often', 'actually', 'honestly', 'truly']);

/** One side of a dilemma as "part of you …": "I want to leave" -> "part of you wants to leave". */
export function partOfYou(span: Span, words: RewriteWords): string | null {
  const [subject, verb] = span.tokens;
  if (!subject) return null;
  const fixed = words.partOfYou.find((m) => matchesAt(span.tokens, 0, m));
  if (fixed) return rewriteSpan(span, words.secondPerson, [fixed]);
  if (subject.norm !== 'i' || !verb || !/^[a-z]+$/.test(verb.norm)) return null;
  // "I kind of want to come home": "kind of" stays as it is, and the verb after it agrees.
  if (/^(kind|sort)$/.test(verb.norm) && span.tokens[2]?.norm === 'of' && span.tokens[3] && /^[a-z]+$/.test(span.tokens[3].norm)) {
    const head = span.tokens[3];
    const rest = rewriteSpan({ text: span.text, tokens: span.tokens.slice(4) }, words.secondPerson);
    const gap = span.tokens.length > 4 ? span.text.slice(head.end, span.tokens[4]!.start) : '';
    return `part of you ${verb.norm} of ${MODALS.has(head.norm) ? head.norm : thirdPersonVerb(head.norm)}${gap}${rest}`;
  }
  // "I still love him": the adverb stays, the verb after it agrees ("part of you still loves him").
  // ("I also never want…": every adverb stays, and the verb after them agrees.)
  let at = 1;
  while (ADVERBS.has(span.tokens[at]?.norm ?? '') && span.tokens[at + 1] && /^[a-z]+$/.test(span.tokens[at + 1]!.norm)) at += 1;
  const head = span.tokens[at]!;
  const inflected = MODALS.has(head.norm) ? head.norm : thirdPersonVerb(head.norm);
  const before = at > 1 ? span.text.slice(verb.start, head.start) : '';
  const rest = rewriteSpan({ text: span.text, tokens: span.tokens.slice(at + 1) }, words.secondPerson);
  const gap = span.tokens.length > at + 1 ? span.text.slice(head.end, span.tokens[at + 1]!.start) : '';
  return `part of you ${before}${inflected}${gap}${rest}`;
}

/** The -ing form of a verb: make -> making, stop -> stopping, see -> seeing, lie -> lying. */
export function gerund(verb: string): string {
  const word = verb.toLowerCase();
  if (word.endsWith('ing') && word.length > 5) return word;
  if (word === 'be') return 'being';
  if (word.endsWith('ie')) return `${word.slice(0, -2)}ying`;
  if (word.endsWith('e') && !/(ee|ye|oe)$/.test(word) && word.length > 2) return `${word.slice(0, -1)}ing`;
  // One syllable ending consonant-vowel-consonant doubles its last letter: stop, get, run, quit.
  const core = word.replace(/qu/g, 'q');
  if ((core.match(/[aeiou]+/g) ?? []).length === 1 && /[^aeiou][aeiou][bdgklmnprtz]$/.test(core)) return `${word}${word.at(-1)}ing`;
  return `${word}ing`;
}

export const capitalise = (text: string): string => text.replace(/^(\W*)(\p{Ll})/u, (_, lead: string, letter: string) => lead + letter.toUpperCase());

/** Lower-case a clause's first letter for use inside a sentence, unless it is "I" or looks like a name. */
export function lowerFirst(text: string, words: RewriteWords): string {
  const first = /^[\p{L}']+/u.exec(text)?.[0] ?? '';
  if (first === 'I' || first.startsWith("I'")) return text;
  const lower = first.toLowerCase();
  // A capital that only marks the sentence start goes; a name's stays.
  const common =
    words.stopwords.has(lower) ||
    words.tags.has(lower) ||
    words.feelings.has(lower) ||
    /(ing|ed|ly)$/.test(lower) ||
    /^(there|here|it|that|what|who|he|she|they|this|people|everyone|everybody|nobody|everything|nothing|things|work|school|life|money)('s|'re|'ve|'ll|'d)?$/.test(lower) ||
    /^(sometimes|often|usually|always|never|today|yesterday|tonight|lately|recently|honestly|basically|since|when|whenever|after|before|because|if|every|each|all|most|some|even|ever|maybe|probably|last|next|this|no|not|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty|hundred|first|second|third|fourth|fifth|half|both|council|bloke|lads|mum|dad|nan|doctor|boss|manager|teacher|part|drunk|owner|customers|kids|patients|staff|neighbours|season|town|winter|summer|work's|season's)$/.test(lower);
  return common ? text.charAt(0).toLowerCase() + text.slice(1) : text;
}

/** A clause made a sentence: capital first letter, no trailing comma or stop doubled, one end mark. */
export function sentence(text: string, mark: '.' | '?' = '.'): string {
  const body = text.trim().replace(/[\s,;:–—-]+$/, '').replace(/[.!?…]+$/, '');
  return body ? `${capitalise(body)}${mark}` : '';
}

const SENTENCE_START_LOWER = /(^|[.!?]\s+)(\p{Ll})/gu;

/** Plain spacing and punctuation after edits: no space before a stop, no doubled commas, capitals after stops. */
export function tidy(text: string): string {
  let result = text
    .replace(/[ \t]+/g, ' ')
    .replace(/\s+([,.!?;:])/g, '$1')
    .replace(/([,;:])(?=[.!?])/g, '')
    .replace(/,\s*,/g, ',')
    .replace(/^[\s,;:]+/, '')
    .replace(/([.!?]\s+)[,;:]\s*/g, '$1')
    .replace(/\b([Aa]) (?=[aeiou]\w)(?!(?:one|once|uni|use|usu|eu)\w*)/g, '$1n ')
    .replace(/\b([Aa])n (?=[bcdfgjklmnpqrstvwxz])/g, '$1 ')
    .trim();
  result = result.replace(SENTENCE_START_LOWER, (_, boundary: string, letter: string) => boundary + letter.toUpperCase());
  if (result && !/[.!?…"”)]$/.test(result)) result += '.';
  return result;
}

/** Is a noun phrase plural, by its last word ("the bullies", not "the class")? Enough for choosing "is" or "are". */
export const isPlural = (phrase: string): boolean => /[^s'’]s$/i.test(phrase.trim()) || /\b(people|children|men|women|feet|teeth)$/i.test(phrase.trim());

/** Words in a text, for length limits. */
export const wordCount = (text: string): number => (text.match(/[\p{L}\p{N}]+(?:['’][\p{L}]+)*/gu) ?? []).length;
