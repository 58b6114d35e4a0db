// Plain-text transcripts: "Speaker: words" lines (docs/contract.md, "Transcript inputs").
//
// - A line without an (accepted) label continues the turn above; continuation lines are joined
//   with "\n" so the turn keeps its line structure.
// - Blank lines are ignored; `[00:01:02]` / `(00:01)` timestamps (and ranges) at the start of a
//   line, after a label ("Client [00:03]: ...") or right after the colon are stripped.
// - Consecutive turns by the same speaker stay separate turns, as written.
//
// Whether a label opens a turn depends on how often it occurs in the whole file (LabelJudge), so a
// file is read twice when streamed: once to count the labels, once to yield the turns. Neither
// pass keeps more than the turn being built.
import { MAX_LINE_LENGTH, replyTooLong } from '../../core/limits.js';
import { LabelJudge, parseLabel, stripLeadingTimestamps } from './labels.js';
import { TranscriptError, type ReadOptions, type TranscriptTurn } from './types.js';
import { assertText, excerpt, splitLines, stripBom } from './util.js';

/** Builds turns from lines fed one at a time, given the label counts of the whole file. */
class TurnBuilder {
  private current: TranscriptTurn | null = null;
  private parts: string[] = [];
  private length = 0;

  constructor(
    private readonly judge: LabelJudge,
    private readonly options: ReadOptions,
  ) {}

  /** The turn this line closes, if it opens a new one. */
  feed(raw: string, line: number): TranscriptTurn | null {
    const text = stripLeadingTimestamps(raw).trim();
    if (text === '') return null;
    const label = parseLabel(text);
    if (label && this.judge.accepts(label.name, this.current !== null)) {
      const closed = this.close();
      this.current = { transcript: this.options.defaultTranscript, speaker: label.name, text: '', id: null, line };
      const rest = stripLeadingTimestamps(label.rest).trim();
      this.parts = rest === '' ? [] : [rest];
      this.length = rest.length;
      return closed;
    }
    if (!this.current) throw new TranscriptError(`expected a "Speaker: words" line before any unlabelled text, found ${excerpt(text)}`, line);
    this.parts.push(text);
    this.length += text.length + 1;
    // A turn that never ends would hold the file in memory; it is too long to score long before that
    // (a merely long turn is measured whole, and refused where it is scored).
    if (this.length > MAX_LINE_LENGTH) throw new TranscriptError(replyTooLong(this.parts.join('\n'), 'turn')!, this.current.line);
    return null;
  }

  /** The last turn, once the lines have run out. */
  close(): TranscriptTurn | null {
    const closed = this.current;
    if (closed) closed.text = this.parts.join('\n');
    this.current = null;
    this.parts = [];
    this.length = 0;
    return closed;
  }
}

function count(judge: LabelJudge, raw: string): void {
  const label = parseLabel(stripLeadingTimestamps(raw).trim());
  if (label) judge.count(label.name);
}

export function readText(content: string, options: ReadOptions): TranscriptTurn[] {
  const source = stripBom(content);
  assertText(source);
  const lines = splitLines(source);
  const judge = new LabelJudge();
  for (const raw of lines) count(judge, raw);
  const builder = new TurnBuilder(judge, options);
  const turns: TranscriptTurn[] = [];
  lines.forEach((raw, i) => {
    const closed = builder.feed(raw, i + 1);
    if (closed) turns.push(closed);
  });
  const last = builder.close();
  if (last) turns.push(last);
  return turns;
}

/** The lines of streamed text, cut as `splitLines` cuts them (CRLF, lone CR or LF), even when a chunk ends between CR and LF. */
async function* linesOf(chunks: AsyncIterable<string>): AsyncGenerator<string> {
  let pending = '';
  let read = 0;
  let yielded = 0;
  for await (const piece of chunks) {
    const chunk = read === 0 ? stripBom(piece) : piece;
    // Binary data is refused as in a file read whole: control characters in the head, NULs anywhere.
    if (read === 0) assertText(chunk);
    else if (chunk.includes('\u0000')) assertText('\u0000');
    read += chunk.length;
    pending += chunk;
    // A trailing CR may be the first half of a CRLF still to come: it stays with the unfinished line.
    const heldCr = pending.endsWith('\r');
    const lines = (heldCr ? pending.slice(0, -1) : pending).split(/\r\n|\r|\n/);
    pending = lines.pop()! + (heldCr ? '\r' : '');
    yielded += lines.length;
    yield* lines;
    // One line longer than any turn may be is bad input, named at its line, before it outgrows V8's longest string.
    if (pending.length > MAX_LINE_LENGTH) throw new TranscriptError(replyTooLong(pending, 'line')!, yielded + 1);
  }
  yield* pending.split(/\r\n|\r|\n/);
}

/**
 * Streams a text transcript: `chunks` is read once to count the labels, and `again()` gives the same
 * text anew to yield the turns, so memory holds one turn, not the file.
 */
export async function* streamText(chunks: AsyncIterable<string>, again: () => AsyncIterable<string>, options: ReadOptions): AsyncGenerator<TranscriptTurn> {
  const judge = new LabelJudge();
  for await (const raw of linesOf(chunks)) count(judge, raw);
  const builder = new TurnBuilder(judge, options);
  let line = 0;
  for await (const raw of linesOf(again())) {
    line += 1;
    const closed = builder.feed(raw, line);
    if (closed) yield closed;
  }
  const last = builder.close();
  if (last) yield last;
}
