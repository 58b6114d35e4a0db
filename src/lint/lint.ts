// Linting one training file: extract its example counsellor replies, score each
// with the rule pack, and place every issue at its exact span in the source.
// Pure: content in, results out; reading files and git are the shell's job.
import { byCodeUnit } from '../core/compare.js';
import { critiqueReply } from '../core/critique.js';
import type { CompiledPack } from '../core/rules/pack.js';
import type { Severity } from '../core/types.js';
import { extractExamples, type Example, type ExtractOptions } from '../readers/training/index.js';
import { MIN_SCORE_RULE, UNKNOWN_SUPPRESSION_RULE, type ExampleResult, type FileResult, type LintMessage, type LintReport, type LintSummary, type RuleInfo, type Span } from './types.js';

export interface LintOptions {
  extract?: Partial<ExtractOptions>;
  /** An example scoring below this gets a `rapport/min-score` error. */
  minScore?: number;
  /** Only examples touching one of these 1-based lines are linted (`--changed-since`); null lints all. */
  lines?: ReadonlySet<number> | null;
}

function spanOf(example: Example, start: number, end: number): Span {
  const from = example.map(start);
  const to = example.map(end);
  return { line: from.line, column: from.column, endLine: to.line, endColumn: to.column };
}

function touches(span: Span, lines: ReadonlySet<number>): boolean {
  for (let line = span.line; line <= span.endLine; line++) if (lines.has(line)) return true;
  return false;
}

const suppressedBy = (disabled: Example['disabled'], ruleId: string): boolean => disabled !== null && disabled !== 'all' && disabled.has(ruleId);

const bySpan = (a: Span, b: Span): number => a.line - b.line || a.column - b.column || a.endLine - b.endLine || a.endColumn - b.endColumn;

/**
 * Lint one file's content. `file` is the name shown to the user (its extension picks the reader).
 * @throws ExtractError for malformed YAML.
 */
export function lintContent(pack: CompiledPack, content: string, file: string, path: string, options: LintOptions = {}): FileResult {
  const examples: ExampleResult[] = [];
  const messages: LintMessage[] = [];
  let suppressed = 0;
  for (const example of extractExamples(content, file, options.extract)) {
    if (example.disabled === 'all' || example.text.trim() === '') continue;
    const whole = spanOf(example, 0, example.text.length);
    if (options.lines && !touches(whole, options.lines)) continue;
    const { critique } = critiqueReply(pack, example.text, example.client);
    if (example.disabled instanceof Set) {
      for (const id of [...example.disabled].sort()) {
        if (pack.sourceOf.has(id) || id === MIN_SCORE_RULE) continue;
        messages.push({
          ...whole,
          endLine: whole.line,
          endColumn: whole.column,
          ruleId: UNKNOWN_SUPPRESSION_RULE,
          severity: 'warning',
          dimension: null,
          message: `A suppression comment for this example names "${id}", which no rule pack defines, so it suppresses nothing.`,
          match: '',
          suggestion: 'Check the id with `rapport rules list`.',
          example: example.text,
        });
      }
    }
    examples.push({ ...whole, text: example.text, speaker: example.speaker, client: example.client, score: critique.score, band: critique.band });
    for (const finding of critique.findings) {
      if (finding.kind !== 'issue') continue;
      if (suppressedBy(example.disabled, finding.ruleId)) {
        suppressed++;
        continue;
      }
      messages.push({
        ...spanOf(example, finding.start, finding.end),
        ruleId: finding.ruleId,
        severity: finding.severity,
        dimension: finding.dimension,
        message: finding.message,
        match: finding.match,
        suggestion: finding.suggestion,
        example: example.text,
      });
    }
    if (options.minScore !== undefined && critique.score < options.minScore) {
      if (suppressedBy(example.disabled, MIN_SCORE_RULE)) suppressed++;
      else
        messages.push({
          ...whole,
          ruleId: MIN_SCORE_RULE,
          severity: 'error',
          dimension: null,
          message: `This example scores ${critique.score} (${critique.band}), below the minimum of ${options.minScore}.`,
          match: example.text,
          suggestion: critique.rewrite ? `Try: “${critique.rewrite.text}” (scores ${critique.rewrite.score})` : null,
          example: example.text,
        });
    }
  }
  messages.sort((a, b) => bySpan(a, b) || byCodeUnit(a.ruleId, b.ruleId));
  return { file, path, examples, messages, suppressed, baselined: 0 };
}

export function summarise(report: Pick<LintReport, 'files' | 'problems'>): LintSummary {
  const count = (severity: Severity): number => report.files.reduce((sum, file) => sum + file.messages.filter((m) => m.severity === severity).length, 0);
  const scores = report.files.flatMap((file) => file.examples.map((example) => example.score));
  return {
    files: report.files.length,
    examples: scores.length,
    errors: count('error'),
    warnings: count('warning'),
    infos: count('info'),
    suppressed: report.files.reduce((sum, file) => sum + file.suppressed, 0),
    baselined: report.files.reduce((sum, file) => sum + file.baselined, 0),
    unreadable: report.problems.length,
    lowestScore: scores.length ? Math.min(...scores) : null,
  };
}

export interface Thresholds {
  maxWarnings?: number;
}

/** The exit code the contract gives a finished run: 2 when a file could not be read, 1 when a threshold failed, else 0. */
export function exitCodeOf(summary: LintSummary, thresholds: Thresholds = {}): 0 | 1 | 2 {
  if (summary.unreadable > 0) return 2;
  if (summary.errors > 0) return 1;
  if (thresholds.maxWarnings !== undefined && summary.warnings > thresholds.maxWarnings) return 1;
  return 0;
}

/** Metadata of every rule the report mentions, in id order. */
export function rulesOf(pack: CompiledPack, report: Pick<LintReport, 'files'>, minScore?: number): RuleInfo[] {
  const ids = new Set(report.files.flatMap((file) => file.messages.map((m) => m.ruleId)));
  return [...ids].sort().map((id): RuleInfo => {
    if (id === MIN_SCORE_RULE) {
      return {
        id,
        dimension: null,
        severity: 'error',
        message: `An example scores below the minimum${minScore === undefined ? '' : ` of ${minScore}`} (lint.minScore or --fail-under).`,
        rationale:
          'Students imitate the examples in training material. An example that scores low overall models phrasing that tends to close a conversation down, even when no single rule points at one phrase.',
        suggestion: null,
      };
    }
    // The compiled rule carries the config's severity override; sourceOf keeps the definition as written.
    if (id === UNKNOWN_SUPPRESSION_RULE) {
      return {
        id,
        dimension: null,
        severity: 'warning',
        message: 'A suppression comment names a rule that no rule pack defines.',
        rationale: 'A mistyped rule id in a rapport-disable comment suppresses nothing, so the finding it was meant to silence still shows, or a later one is silenced by accident.',
        suggestion: 'Check the id with `rapport rules list`.',
      };
    }
    const definition = pack.rules.find((rule) => rule.definition.id === id)?.definition ?? pack.sourceOf.get(id)?.definition;
    return {
      id,
      dimension: definition?.dimension ?? null,
      severity: (definition?.severity as Severity | undefined) ?? 'warning',
      message: definition?.message ?? id,
      rationale: definition?.rationale ?? '',
      suggestion: definition?.suggestion ?? null,
    };
  });
}

