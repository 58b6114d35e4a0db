// Plain-text transcripts: "Speaker: words" lines (docs/contract.md, "Transcript inputs").
//
// - A line without an (accepted) label continues the turn above; continuation lines are joined
//   with "\n" so the turn keeps its line structure.
// - Blank lines are ignored; `[00:01:02]` / `(00:01)` timestamps (and ranges) at the start of a
//   line, after a label ("Client [00:03]: ...") or right after the colon are stripped.
// - Consecutive turns by the same speaker stay separate turns, as written.
import { LabelJudge, parseLabel, stripLeadingTimestamps, type LabelMatch } from './labels.js';
import { TranscriptError, type ReadOptions, type TranscriptTurn } from './types.js';
import { assertText, excerpt, splitLines, stripBom } from './util.js';

interface Entry {
  line: number;
  text: string;
  label: LabelMatch | null;
}

export function readText(content: string, options: ReadOptions): TranscriptTurn[] {
  const source = stripBom(content);
  assertText(source);
  const judge = new LabelJudge();
  const entries: Entry[] = [];
  splitLines(source).forEach((raw, i) => {
    const text = stripLeadingTimestamps(raw).trim();
    if (text === '') return;
    const label = parseLabel(text);
    if (label) judge.count(label.name);
    entries.push({ line: i + 1, text, label });
  });

  const turns: TranscriptTurn[] = [];
  let parts: string[] = [];
  let current: TranscriptTurn | null = null;
  const close = (): void => {
    if (current) current.text = parts.join('\n');
  };
  for (const entry of entries) {
    if (entry.label && judge.accepts(entry.label.name, current !== null)) {
      close();
      current = {
        transcript: options.defaultTranscript,
        speaker: entry.label.name,
        text: '',
        id: null,
        line: entry.line,
      };
      turns.push(current);
      const rest = stripLeadingTimestamps(entry.label.rest).trim();
      parts = rest === '' ? [] : [rest];
    } else if (current) {
      parts.push(entry.text);
    } else {
      throw new TranscriptError(
        `expected a "Speaker: words" line before any unlabelled text, found ${excerpt(entry.text)}`,
        entry.line,
      );
    }
  }
  close();
  return turns;
}
