// `rapport rules … --format json`.
import type { SourcedRule } from '../../core/rules/pack.js';
import type { FitReport, RuleRow, TestReport, TraceReport } from './report.js';

const json = (value: unknown): string => JSON.stringify(value, null, 2);

export const listJson = (rows: RuleRow[]): string => json(rows);

export const showJson = (sourced: SourcedRule): string => json({ ...sourced.definition, source: `${sourced.file}:${sourced.line}` });

export const testJson = ({ results, failures }: TestReport): string => json({ examples: results.length, failures });

export function traceJson({ text, analysis, assessment }: TraceReport): string {
  return json({
    tokens: analysis.tokens.map(({ text, norm, stem, start, end, isWord, sentence }) => ({ text, norm, stem, start, end, isWord, sentence })),
    sentences: analysis.sentences.map((s) => ({ start: s.start, end: s.end, isQuestion: s.isQuestion, text: text.slice(s.start, s.end) })),
    matches: assessment.hits.map(({ rule, match }) => ({ ruleId: rule.definition.id, type: rule.definition.type, start: match.start, end: match.end, match: text.slice(match.start, match.end) })),
    behaviours: assessment.critique.behaviours,
  });
}

export const fitJson = ({ result, written }: FitReport): string => json({ ...result, written });
