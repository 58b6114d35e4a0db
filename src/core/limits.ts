// How much text one reply may hold. A reply is a few sentences (AnnoMI's longest utterance is about
// 1,200 characters); far beyond that it is a whole transcript or document read as one turn, and
// scoring it would take minutes and gigabytes. Readers and commands refuse it with this message.
export const MAX_REPLY_LENGTH = 20_000;

/**
 * Text this long as one line (or one turn still being read) is refused before it is held whole or
 * parsed: no reply is near it, and the Markdown parser took 13 s and 2.5 GB on one 5 MB line.
 */
export const MAX_LINE_LENGTH = 16 * MAX_REPLY_LENGTH;

/** The number (from 1) and length of the first line of `content` longer than MAX_LINE_LENGTH, or null. */
export function overlongLine(content: string): { line: number; length: number } | null {
  if (content.length <= MAX_LINE_LENGTH) return null;
  const breaks = /\r\n|\r|\n/g;
  let line = 1;
  let start = 0;
  for (;;) {
    const found = breaks.exec(content);
    const end = found ? found.index : content.length;
    if (end - start > MAX_LINE_LENGTH) return { line, length: end - start };
    if (!found) return null;
    start = breaks.lastIndex;
    line++;
  }
}

const grouped = (n: number): string => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');

/** Why `text` is too long to score as one reply, or null when it is not. */
export function replyTooLong(text: string, what = 'reply'): string | null {
  return text.length <= MAX_REPLY_LENGTH ? null : tooLongToScore(text.length, what);
}

/** The message for `length` characters of one `what`, too many to score. */
export function tooLongToScore(length: number, what: string): string {
  return `a ${what} of ${grouped(length)} characters is too long to score (at most ${grouped(MAX_REPLY_LENGTH)}): are line breaks or speaker labels missing?`;
}

/**
 * The first line of a YAML parser error, in words a user can act on: the
 * parser reports absurd nesting as the engine's own stack overflow.
 */
export function yamlProblem(message: string): string {
  const first = message.split('\n')[0] ?? message;
  return /maximum call stack/i.test(first) ? 'the YAML is nested too deeply to read' : first;
}

/**
 * YAML's text for the parser. The yaml package breaks lines only at "\n", so a file saved with
 * lone "\r" line endings reads as one line: every error is on line 1, and a rule file can parse
 * as a single comment holding no rules. The "\r" becomes "\n", one character for one, so every
 * offset, line and column the parser reports holds for the file as it is.
 */
export function yamlLineBreaks(content: string): string {
  return content.includes('\r') ? content.replace(/\r(?!\n)/g, '\n') : content;
}
