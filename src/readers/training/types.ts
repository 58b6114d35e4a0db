/**
 * Types for the training-material extraction layer used by `rapport lint`.
 *
 * An {@link Example} is one counsellor reply found inside a Markdown handbook, a
 * plain-text note or a YAML scenario bank, with exact positions in the source file.
 */

export interface Position {
  /** 1-based line in the source file. */
  line: number;
  /** 1-based column in the source file, counted in UTF-16 code units (a tab counts as one column). */
  column: number;
}

export interface Example {
  /** The reply text as it would be scored: inline markup (**bold**, _em_, `code`, links) removed, text between kept. */
  text: string;
  /** The speaker label as written, e.g. "Counsellor" or "Counsellor (better)"; for YAML the key, e.g. "model_replies". */
  speaker: string;
  /** The nearest client line(s) just before it in the same block/dialogue (joined with a space), or null. */
  client: string | null;
  /** 1-based position in the source file of text[0]. */
  line: number;
  column: number;
  /**
   * Maps any UTF-16 offset in `text` (0..text.length) to the 1-based line/column in the original file.
   * Offset `text.length` maps to the position just after the last character. Out-of-range offsets are clamped.
   */
  map: (offset: number) => { line: number; column: number };
  /** Rule ids suppressed for this example by comments, 'all' when suppressed entirely, null when nothing is suppressed. */
  disabled: Set<string> | 'all' | null;
}

export interface ExtractOptions {
  /** Labels (case-insensitive) that mark a counsellor line. */
  counsellorLabels: string[];
  /** Labels (case-insensitive) that mark a client line. Any other speaker-like label also counts as client context. */
  clientLabels: string[];
  /** YAML keys whose string (or list of strings) values are example replies. */
  yamlKeys: string[];
}

export class ExtractError extends Error {
  constructor(
    message: string,
    readonly line: number | null,
  ) {
    super(message);
    this.name = 'ExtractError';
  }
}
