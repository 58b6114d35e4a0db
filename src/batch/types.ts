// Shapes `rapport batch` passes between its parts. `BatchRecord` is public (docs/contract.md,
// "Batch records"); the summary is the `summary` object of `batch --format json`.
import type { BehaviourCode, Critique, Dimension, Rewrite } from '../core/types.js';
import type { Rating } from './miti.js';

/** One scored counsellor turn: the critique object plus where it came from. */
export interface BatchRecord extends Critique {
  /** The file, as given (`-` for standard input). */
  source: string;
  /** Transcript id: the CSV/JSON transcript column, or the file. */
  transcript: string;
  /** The turn's own id where the input has one (kept as written), else its 1-based turn number. */
  id: string | number;
  /** 0-based position of the turn among all turns of its transcript. */
  index: number;
  /** The speaker label as written. */
  speaker: string;
}

/** A turn worth discussing: one of a transcript's weakest. */
export interface WeakTurn {
  id: string | number;
  index: number;
  speaker: string;
  score: number;
  text: string;
  client: string | null;
  /** The issues found, most serious first (messages). */
  issues: { ruleId: string; message: string }[];
  rewrite: Rewrite | null;
}

export interface IssueCount {
  ruleId: string;
  dimension: Dimension;
  message: string;
  /** Counsellor turns the issue was found in. */
  turns: number;
}

export interface Measure {
  /** The value: a ratio (R:Q, as reflections per question) or a percentage (0-100, one decimal); null when undefined (nothing to divide by). */
  value: number | null;
  /** The verdict against the thresholds; null when the transcript is too short to judge or the value is undefined. */
  rating: Rating | null;
  fair: number;
  good: number;
  /** Which MITI version the thresholds come from. */
  standard: string;
}

export interface MitiSummary {
  /** False when the transcript is too short to judge (see `note`). */
  judged: boolean;
  /** Plain words on why it was not judged, else null. */
  note: string | null;
  reflections: number;
  complexReflections: number;
  /** Counsellor turns asking a question (MITI 4 counts one question per turn). */
  questions: number;
  openQuestions: number;
  closedQuestions: number;
  reflectionToQuestion: Measure;
  percentComplexReflections: Measure;
  percentOpenQuestions: Measure;
  /** Seeking collaboration (permission) + affirm + emphasising autonomy. */
  adherent: number;
  /** Persuade (advice without permission, directives) + confront. */
  nonAdherent: number;
  percentAdherent: Measure;
}

export interface TranscriptSummary {
  /** Counsellor turns scored. */
  turns: number;
  /** All turns of the transcript, every speaker. */
  allTurns: number;
  score: { mean: number | null; median: number | null; min: number | null };
  dimensions: Record<Dimension, number | null>;
  behaviours: Record<BehaviourCode, number>;
  miti: MitiSummary;
  weakest: WeakTurn[];
  issues: IssueCount[];
  /** The value of the grouping field (e.g. a counsellor or student column), else null. */
  group: string | null;
}

/** One transcript's result: the `transcripts[]` entry of `--format json` without its turns. */
export interface TranscriptResult {
  source: string;
  transcript: string;
  summary: TranscriptSummary;
  /** Each counsellor turn's score, in order (for timelines). Not part of the JSON output. */
  scores: number[];
}

export interface BatchError {
  source: string;
  line: number | null;
  message: string;
}
