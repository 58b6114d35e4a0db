// The shapes the whole pipeline passes along. The critique object is public
// (docs/contract.md, schemaVersion 1): change it only with a schema bump.

export const SCHEMA_VERSION = 1;

export const DIMENSIONS = ['validation', 'openness', 'pacing', 'attunement'] as const;
export type Dimension = (typeof DIMENSIONS)[number];

export const SEVERITIES = ['error', 'warning', 'info'] as const;
export type Severity = (typeof SEVERITIES)[number];

export const FINDING_KINDS = ['issue', 'strength'] as const;
export type FindingKind = (typeof FINDING_KINDS)[number];

export const BEHAVIOUR_CODES = [
  'question.open',
  'question.closed',
  'reflection.simple',
  'reflection.complex',
  'validation',
  'affirmation',
  'permission',
  'autonomy',
  'advice',
  'directive',
  'information',
  'reassurance',
] as const;
export type BehaviourCode = (typeof BEHAVIOUR_CODES)[number];

export interface Span {
  start: number;
  end: number;
}

export interface Finding extends Span {
  ruleId: string;
  dimension: Dimension;
  kind: FindingKind;
  severity: Severity;
  message: string;
  line: number;
  column: number;
  match: string;
  suggestion: string | null;
}

export interface Behaviour extends Span {
  code: BehaviourCode;
}

export interface DimensionScore {
  score: number;
}

/** One edit of the draft that the rewrite made, and why: offsets into the draft's text (an insertion has start === end). */
export interface RewriteChange extends Span {
  replacement: string;
  reason: string;
}

export interface Rewrite {
  text: string;
  score: number;
  changes: RewriteChange[];
}

export interface Critique {
  schemaVersion: typeof SCHEMA_VERSION;
  text: string;
  client: string | null;
  score: number;
  band: Band;
  dimensions: Record<Dimension, DimensionScore>;
  findings: Finding[];
  behaviours: Behaviour[];
  rewrite: Rewrite | null;
}

export const BANDS = ['needs work', 'developing', 'good', 'strong'] as const;
export type Band = (typeof BANDS)[number];
