// Shapes shared by the transcript readers (`rapport batch`). See docs/contract.md, "Transcript inputs".

/** One speaker turn read from a transcript file. */
export interface TranscriptTurn {
  /** Transcript id: the CSV/JSON transcript column, else `ReadOptions.defaultTranscript`. */
  transcript: string;
  /** The speaker label as written (trimmed). */
  speaker: string;
  /** The turn's words. Continuation lines of a text transcript are kept on their own lines ("\n"). */
  text: string;
  /** The turn's own id where the input has one (CSV/JSON id column), else null. */
  id: string | null;
  /** 1-based line in the source where the turn starts. */
  line: number;
  /** Other raw columns (CSV) or properties (JSON), e.g. a `counsellor` or `mi_quality` column. */
  fields?: Record<string, string>;
}

/**
 * The only error the readers throw for bad input. `message` is one line and does not name the
 * file (the caller adds it); `line` is the 1-based source line where there is one.
 */
export class TranscriptError extends Error {
  override readonly name = 'TranscriptError';
  constructor(
    message: string,
    readonly line: number | null,
  ) {
    super(message.replace(/\s*[\r\n]+\s*/g, ' '));
  }
}

export interface ColumnOptions {
  speaker?: string;
  text?: string;
  transcript?: string;
  id?: string;
}

export interface ReadOptions {
  /** Transcript id for turns whose input names none (usually the file name as given). */
  defaultTranscript: string;
  /** Column (CSV) or property (JSON) names overriding the defaults; matched case-insensitively. */
  columns?: ColumnOptions;
}

export type TranscriptFormat = 'text' | 'vtt' | 'csv' | 'tsv' | 'json';
