// Issue findings -> one suggested reply. Each issue rule says, as data, how to
// mend what it found (replace, delete, rephrase the sentence, or open with an
// acknowledgement); this applies those fixes without overlaps and tidies the
// result into plain sentences. Whether the result is better is decided by
// re-scoring it, not here.
import type { RuleHit } from '../matches/run.js';
import { fillTemplate, matchVars } from '../rules/template.js';
import type { Analysis, Sentence } from '../tokens/analyse.js';

interface Edit {
  start: number;
  end: number;
  replacement: string;
}

const overlaps = (a: Edit, b: Edit): boolean => a.start < b.end && b.start < a.end;

function sentenceOf(reply: Analysis, offset: number): Sentence | undefined {
  return reply.sentences.find((sentence) => sentence.start <= offset && offset < sentence.end);
}

const SENTENCE_START_LOWER = /(^|[.!?]\s+)(\p{Ll})/gu;

export function tidy(text: string): string {
  let result = text
    .replace(/[ \t]+/g, ' ')
    .replace(/\s+([,.!?;:])/g, '$1')
    .replace(/([,;:])(?=[.!?])/g, '')
    .replace(/,\s*,/g, ',')
    .replace(/^[\s,;:]+/, '')
    .replace(/([.!?]\s+)[,;:]\s*/g, '$1')
    .trim();
  // Capitalise each sentence start (edits may have removed its first word).
  result = result.replace(SENTENCE_START_LOWER, (_, boundary: string, letter: string) => boundary + letter.toUpperCase());
  if (result && !/[.!?…"”)]$/.test(result)) result += '.';
  return result;
}

export function proposeRewrite(text: string, reply: Analysis, hits: RuleHit[], clientFeeling: string | null): string | null {
  // A sentence that has to go is not worth rephrasing, so deletions come
  // first; otherwise the heavier rule's fix wins where two overlap.
  const deletesFirst = (hit: RuleHit): number => (hit.rule.definition.fix?.action === 'delete-sentence' ? 0 : 1);
  const fixes = hits
    .filter(({ rule }) => rule.definition.kind === 'issue' && rule.definition.fix)
    .sort((a, b) => deletesFirst(a) - deletesFirst(b) || b.rule.definition.weight - a.rule.definition.weight || a.match.start - b.match.start);
  if (fixes.length === 0) return null;

  const sentenceEdits: Edit[] = [];
  const spanEdits: Edit[] = [];
  const varsOf = ({ match }: RuleHit) => matchVars(text, match, sentenceOf(reply, match.start), clientFeeling);
  const opening = fixes.find(({ rule }) => rule.definition.fix!.action === 'prepend');
  const opener = opening ? fillTemplate(opening.rule.definition.fix!.with!, varsOf(opening)) : null;
  // One acknowledgement is enough: a validation rule's replacement sentence is
  // dropped when the reply already opens with one, or another was put in.
  let acknowledged = opener !== null;

  for (const hit of fixes) {
    const { rule, match } = hit;
    const fix = rule.definition.fix!;
    const sentence = sentenceOf(reply, match.start);
    const vars = varsOf(hit);
    switch (fix.action) {
      case 'prepend':
        break;
      case 'delete-sentence':
      case 'replace-sentence': {
        if (!sentence || sentenceEdits.some((edit) => edit.start === sentence.start)) break;
        const acknowledgement = fix.action === 'replace-sentence' && rule.definition.dimension === 'validation';
        let replacement = fix.action === 'delete-sentence' || (acknowledgement && acknowledged) ? '' : fillTemplate(fix.with!, vars);
        // Two mended sentences may come out the same: say it once.
        if (sentenceEdits.some((edit) => edit.replacement === replacement)) replacement = '';
        if (acknowledgement) acknowledged = true;
        sentenceEdits.push({ start: sentence.start, end: sentence.end, replacement });
        break;
      }
      default: {
        const edit = { start: match.start, end: match.end, replacement: fix.action === 'delete' ? '' : fillTemplate(fix.with!, vars) };
        if (!spanEdits.some((other) => overlaps(other, edit))) spanEdits.push(edit);
      }
    }
  }

  const edits = [...sentenceEdits, ...spanEdits.filter((edit) => !sentenceEdits.some((sentence) => overlaps(sentence, edit)))];
  let result = text;
  for (const edit of edits.sort((a, b) => b.start - a.start)) {
    result = result.slice(0, edit.start) + edit.replacement + result.slice(edit.end);
  }
  result = tidy(result);
  if (opener) result = tidy(`${opener} ${result}`);
  return result && result !== tidy(text) ? result : null;
}
