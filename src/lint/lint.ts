// Linting one training file: extract its example counsellor replies, score each
// with the rule pack, and place every issue at its exact span in the source.
// Pure: content in, results out; reading files and git are the shell's job.
import { byCodeUnit } from '../core/compare.js';
import { critiqueReply } from '../core/critique.js';
import type { CompiledPack } from '../core/rules/pack.js';
import type { Severity } from '../core/types.js';
import { extractExamples, type Example, type ExtractOptions } from '../readers/training/index.js';
import { MIN_SCORE_RULE, UNKNOWN_DIRECTIVE_RULE, UNKNOWN_SUPPRESSION_RULE, UNUSED_SUPPRESSION_RULE, type ExampleResult, type FileResult, type LintMessage, type LintReport, type LintSummary, type RuleInfo, type Span } from './types.js';
import { plural } from '../formatters/plural.js';
import { pushAll, smallest } from '../core/lists.js';

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

const DIRECTIVES = ['disable-next-line', 'disable', 'enable'];
/** `rapport-word` at the start of a comment: `<!--` anywhere, `#` or `//` at a line start or after a space. */
const DIRECTIVE_LIKE = /(?:<!--|(?:^|\s)(?:#|\/\/))[ \t]*(rapport-([A-Za-z][\w-]*))/g;

interface Noted {
  line: number;
  column: number;
  word: string;
  /** Rule ids named after the directive; empty for all rules. */
  ids: string[];
}

/** Every `rapport-…` comment word in the file, with where it is. */
function directivesIn(content: string): Noted[] {
  const found: Noted[] = [];
  content.split(/\r\n|\n|\r/).forEach((text, index) => {
    for (const m of text.matchAll(DIRECTIVE_LIKE)) {
      const rest = (text.slice(m.index! + m[0].length).split(/-->|\s--(?:\s|$)/)[0] ?? '').trim();
      found.push({ line: index + 1, column: m.index! + m[0].length - m[1]!.length + 1, word: m[2]!, ids: rest.split(/[\s,]+/).filter(Boolean) });
    }
  });
  return found;
}

function directiveWarning(at: { line: number; column: number }, ruleId: string, message: string, suggestion: string): LintMessage {
  return { line: at.line, column: at.column, endLine: at.line, endColumn: at.column, ruleId, severity: 'warning', dimension: null, message, match: '', suggestion, example: '' };
}

const bySpan = (a: Span, b: Span): number => a.line - b.line || a.column - b.column || a.endLine - b.endLine || a.endColumn - b.endColumn;

/**
 * Lint one file's content. `file` is the name shown to the user (its extension picks the reader).
 * @throws ExtractError for malformed YAML.
 */
export function lintContent(pack: CompiledPack, content: string, file: string, path: string, options: LintOptions = {}): FileResult {
  const examples: ExampleResult[] = [];
  const messages: LintMessage[] = [];
  let suppressed = 0;
  /** Per suppressed id ('*' for all rules): whether it dropped anything in this file, and the first example it covered. */
  const suppressions = new Map<string, { used: boolean; at: Span }>();
  const note = (id: string, at: Span, used: boolean): void => {
    const seen = suppressions.get(id);
    if (seen) seen.used ||= used;
    else suppressions.set(id, { used, at });
  };
  for (const example of extractExamples(content, file, options.extract)) {
    if (example.text.trim() === '') continue;
    const whole = spanOf(example, 0, example.text.length);
    if (options.lines && !touches(whole, options.lines)) continue;
    const { critique } = critiqueReply(pack, example.text, example.client);
    const belowMinimum = options.minScore !== undefined && critique.score < options.minScore;
    if (example.disabled === 'all') {
      note('*', whole, belowMinimum || critique.findings.some((finding) => finding.kind === 'issue'));
      continue;
    }
    if (example.disabled instanceof Set) {
      for (const id of example.disabled) {
        note(id, whole, (id === MIN_SCORE_RULE && belowMinimum) || critique.findings.some((finding) => finding.kind === 'issue' && finding.ruleId === id));
      }
    }
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
    if (belowMinimum) {
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
  pushAll(messages, directiveProblems(pack, content, suppressions));
  messages.sort((a, b) => bySpan(a, b) || byCodeUnit(a.ruleId, b.ruleId));
  return { file, path, examples, messages, suppressed, baselined: 0 };
}

/**
 * Suppression comments that do nothing: a misspelt directive, and one whose rules (or all rules)
 * dropped no finding anywhere in the file, as ESLint's --report-unused-disable-directives does.
 * A stale one hides the next real problem that comes along, so it is a warning.
 */
function directiveProblems(pack: CompiledPack, content: string, suppressions: ReadonlyMap<string, { used: boolean; at: Span }>): LintMessage[] {
  const noted = directivesIn(content);
  const problems: LintMessage[] = [];
  for (const directive of noted) {
    if (DIRECTIVES.includes(directive.word)) continue;
    problems.push(
      directiveWarning(
        directive,
        UNKNOWN_DIRECTIVE_RULE,
        `"rapport-${directive.word}" is not a rapport directive, so it suppresses nothing.`,
        'Use rapport-disable-next-line, rapport-disable or rapport-enable.',
      ),
    );
  }
  for (const [id, { used, at }] of suppressions) {
    // A misspelt id is reported as unknown already.
    if (used || (id !== '*' && id !== MIN_SCORE_RULE && !pack.sourceOf.has(id))) continue;
    const disables = noted.filter((d) => d.word !== 'enable' && DIRECTIVES.includes(d.word) && d.line <= at.line);
    const source = [...disables].reverse().find((d) => (id === '*' ? d.ids.length === 0 : d.ids.includes(id))) ?? at;
    problems.push(
      directiveWarning(
        source,
        UNUSED_SUPPRESSION_RULE,
        id === '*' ? 'This suppression comment suppresses nothing: no example it covers has a finding.' : `This suppression comment names "${id}", which finds nothing in the examples it covers.`,
        'Remove the comment (or the rule id), so it does not hide a later finding by accident.',
      ),
    );
  }
  return problems;
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
    lowestScore: smallest(scores),
  };
}

export interface Thresholds {
  maxWarnings?: number;
}

/** Each threshold the run failed, in words: which one and by how much. */
export function failedThresholds(summary: LintSummary, thresholds: Thresholds = {}): string[] {
  const failed: string[] = [];
  if (summary.errors > 0) failed.push(`${plural(summary.errors, 'error')} (any error fails the run)`);
  if (thresholds.maxWarnings !== undefined && summary.warnings > thresholds.maxWarnings) {
    failed.push(`too many warnings (${summary.warnings}; maximum ${thresholds.maxWarnings})`);
  }
  return failed;
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
    if (id === UNUSED_SUPPRESSION_RULE) {
      return {
        id,
        dimension: null,
        severity: 'warning',
        message: 'A suppression comment suppresses nothing.',
        rationale: 'A stale rapport-disable comment stays in place after the example is fixed, and silently hides the next finding on that example.',
        suggestion: 'Remove the comment, or the rule id it names.',
      };
    }
    if (id === UNKNOWN_DIRECTIVE_RULE) {
      return {
        id,
        dimension: null,
        severity: 'warning',
        message: 'A rapport- comment is not one of the directives, so it does nothing.',
        rationale: 'A misspelt directive (rapport-disable-nextline) suppresses nothing, so the finding it was meant to silence still shows.',
        suggestion: 'Use rapport-disable-next-line, rapport-disable or rapport-enable.',
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

