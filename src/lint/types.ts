// The shapes `rapport lint` passes from the linter to its formatters.
import type { Dimension, Severity } from '../core/types.js';

/** The rule id of the result given to an example that scores below the minimum (`lint.minScore`, `--fail-under`). */
export const MIN_SCORE_RULE = 'rapport/min-score';

/** The rule id of the warning given when a suppression comment names a rule no pack defines (a typo suppresses nothing). */
export const UNKNOWN_SUPPRESSION_RULE = 'rapport/unknown-rule';

/** The rule id of the warning given when a suppression comment suppresses nothing in its file. */
export const UNUSED_SUPPRESSION_RULE = 'rapport/unused-disable';

/** The rule id of the warning given for a `rapport-…` comment that is no directive (a misspelt one suppresses nothing). */
export const UNKNOWN_DIRECTIVE_RULE = 'rapport/unknown-directive';

export interface Span {
  /** 1-based line and column (UTF-16 code units) in the source file where the span starts. */
  line: number;
  column: number;
  /** Where it ends, exclusive: the position just after its last character (as ESLint and SARIF count). */
  endLine: number;
  endColumn: number;
}

/** One problem at a place in a file. */
export interface LintMessage extends Span {
  ruleId: string;
  severity: Severity;
  /** null for `rapport/min-score`, which is about the whole example. */
  dimension: Dimension | null;
  message: string;
  /** The words of the example the problem is about. */
  match: string;
  suggestion: string | null;
  /** The example the problem was found in (its scored text): baselines match on it. */
  example: string;
}

export interface ExampleResult extends Span {
  text: string;
  speaker: string;
  client: string | null;
  score: number;
  band: string;
}

export interface FileProblem {
  /** The file as shown to the user: relative to the working directory, with forward slashes. */
  file: string;
  line: number | null;
  column: number | null;
  message: string;
}

export interface FileResult {
  /** The file as shown to the user: relative to the working directory, with forward slashes. */
  file: string;
  /** The absolute path. */
  path: string;
  examples: ExampleResult[];
  messages: LintMessage[];
  /** Findings dropped by suppression comments. */
  suppressed: number;
  /** Findings that are in the baseline, so do not block (not listed in `messages`). */
  baselined: number;
}

export interface LintSummary {
  files: number;
  examples: number;
  errors: number;
  warnings: number;
  infos: number;
  suppressed: number;
  baselined: number;
  /** Files that could not be read or parsed. */
  unreadable: number;
  /** The lowest example score, or null when there were no examples. */
  lowestScore: number | null;
}

export interface LintReport {
  files: FileResult[];
  problems: FileProblem[];
  summary: LintSummary;
}

/** What a rule says about itself, for SARIF's rule metadata and `--format json` readers. */
export interface RuleInfo {
  id: string;
  dimension: Dimension | null;
  severity: Severity;
  message: string;
  rationale: string;
  suggestion: string | null;
}
