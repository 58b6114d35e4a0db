// How much text one reply may hold. A reply is a few sentences (AnnoMI's longest utterance is about
// 1,200 characters); far beyond that it is a whole transcript or document read as one turn, and
// scoring it would take minutes and gigabytes. Readers and commands refuse it with this message.
export const MAX_REPLY_LENGTH = 20_000;

const grouped = (n: number): string => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');

/** Why `text` is too long to score as one reply, or null when it is not. */
export function replyTooLong(text: string, what = 'reply'): string | null {
  if (text.length <= MAX_REPLY_LENGTH) return null;
  return `a ${what} of ${grouped(text.length)} characters is too long to score (at most ${grouped(MAX_REPLY_LENGTH)}): are line breaks or speaker labels missing?`;
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
