// What `rapport rules` hands its formatters, one shape per subcommand.
import type { Assessment } from '../../core/critique.js';
import type { ExampleResult } from '../../core/rules/examples.js';
import type { SourcedRule } from '../../core/rules/pack.js';
import type { Analysis } from '../../core/tokens/analyse.js';
import type { FitResult } from '../../eval/fit.js';

export interface RuleRow {
  id: string;
  type: string;
  dimension: string;
  kind: string;
  severity: string;
  weight: number;
  behaviours: string[];
  message: string;
}

export interface TestReport {
  results: ExampleResult[];
  failures: ExampleResult[];
  /** Where each failing rule is written. */
  sourceOf: ReadonlyMap<string, SourcedRule>;
}

export interface TraceReport {
  text: string;
  analysis: Analysis;
  assessment: Assessment;
}

export interface FitReport {
  result: FitResult;
  /** The rule files the fitted weights were written to (--write). */
  written: string[];
}
