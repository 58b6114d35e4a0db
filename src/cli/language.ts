// When what is scored does not look like English, say so once on standard error, so nobody
// mistakes a meaningless score for a judgement. Standard output (JSON, reports) is never touched.
import { LanguageCheck } from '../core/language.js';

let said = false;

/** Says once per run, on standard error, that the rules are English when `texts` do not look like it. */
export function noteLanguage(texts: string | Iterable<string>): void {
  if (said) return;
  const check = new LanguageCheck();
  for (const text of typeof texts === 'string' ? [texts] : texts) check.add(text);
  if (!check.notEnglish()) return;
  said = true;
  process.stderr.write('rapport: note: the rules are written for English, and this text does not look like English: its scores mean little\n');
}
