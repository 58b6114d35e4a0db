// Message and suggestion templates: {name} or {name|fallback}.
import type { Sentence } from '../tokens/analyse.js';

const PLACEHOLDER = /\{([a-zA-Z]+)(?:\|([^}]*))?\}/g;

/**
 * The variables a template may name. Every finding has the first seven; count rules add {count}, and mirror
 * rules {count} and {feeling} (the word they measured). Anything else is refused when the pack loads.
 */
export const TEMPLATE_VARIABLES = ['match', 'first', 'rest', 'after', 'from', 'sentence', 'feeling', 'count'] as const;

/** The names a template uses that no finding supplies ({nosuch}, {constructor}). */
export function unknownVariables(template: string): string[] {
  return [...template.matchAll(PLACEHOLDER)].map((m) => m[1]!).filter((name) => !(TEMPLATE_VARIABLES as readonly string[]).includes(name));
}

export function fillTemplate(template: string, vars: Record<string, string | null | undefined>): string {
  return template.replace(PLACEHOLDER, (whole, name: string, fallback: string | undefined) => {
    // Own properties only: {constructor} must not render Object's constructor.
    const known = Object.hasOwn(vars, name);
    const value = known ? vars[name] : undefined;
    if (value !== undefined && value !== null && value !== '') return value;
    return fallback ?? (known ? '' : whole);
  });
}

// These run once per match on the rest of its sentence, so each reads only as far as it needs: a
// sentence thousands of words long with a match at every word stays linear per match.
const END_MARK = /[\s.!?…]/;
function stripEnd(text: string): string {
  let end = text.length;
  while (end > 0 && END_MARK.test(text[end - 1]!)) end -= 1;
  return text.slice(0, end);
}
// A rephrased clause stops where the next one starts ("..., it's not a big deal").
const CLAUSE_BREAK = /\s*(?:[,;:]|\s[–—-])\s+/;
function firstClause(text: string): string {
  const at = text.search(CLAUSE_BREAK);
  return at < 0 ? text : text.slice(0, at);
}
const stripStart = (text: string): string => text.replace(/^[\s,;:]+/, '');
const lowerFirst = (text: string): string => (/^I\b/.test(text) ? text : text.charAt(0).toLowerCase() + text.slice(1));

/** The values a template may use for one match. */
export function matchVars(
  text: string,
  match: { start: number; end: number; vars?: Record<string, string> },
  sentence: Pick<Sentence, 'start' | 'end'> | undefined,
  clientFeeling: string | null,
): Record<string, string | null> {
  const matched = text.slice(match.start, match.end);
  const space = matched.search(/\s/);
  const sentenceEnd = sentence?.end ?? match.end;
  return {
    match: matched,
    first: space < 0 ? matched : matched.slice(0, space),
    rest: space < 0 ? '' : matched.slice(space + 1),
    // Worked out only when a template names them: each reads on through the sentence.
    get after() {
      return stripEnd(firstClause(stripStart(text.slice(match.end, sentenceEnd))));
    },
    get from() {
      return lowerFirst(stripEnd(firstClause(text.slice(match.start, sentenceEnd))));
    },
    sentence: sentence ? text.slice(sentence.start, sentence.end) : matched,
    feeling: clientFeeling,
    ...match.vars,
  };
}
