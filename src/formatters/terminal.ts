// Small pieces every terminal view shares: bars, wrapping, underlines, diffs.
// Plain text first; colour is layered on by chalk only when it is enabled.
import chalk from 'chalk';
import { diffArrays } from 'diff';
import { createRequire } from 'node:module';

// string-width compiles Unicode property patterns on first use (about 0.1 s of a cold `check`).
// Printable ASCII, Latin, quotes, dashes, arrows, box and block characters and the marks rapport
// prints are one column each, so most text never needs it.
const ONE_COLUMN_EACH = /^[\x20-\x7e\u00a0-\u02ff\u2010-\u2027\u2030-\u205e\u2190-\u21ff\u2212\u2500-\u25fc\u2713\u2717]*$/;
// Loading string-width at all costs about 0.03 s (it builds an Intl.Segmenter as it loads), so it
// is required only when a wider character first appears. The bundler bundles a literal require()
// and runs the module then; unbundled (tests under tsx), Node loads it the same way.
type StringWidth = (text: string) => number;
let stringWidth: StringWidth | undefined;
const loadStringWidth = (): StringWidth =>
  (typeof require === 'function' ? (require('string-width') as { default: StringWidth }) : (createRequire(import.meta.url)('string-width') as { default: StringWidth })).default;
const columnsOf = (text: string): number => (ONE_COLUMN_EACH.test(text) ? text.length : (stringWidth ??= loadStringWidth())(text));
import type { RewriteChange } from '../core/types.js';

export const WIDTH = 80;

export function bar(score: number, width = 20): string {
  const filled = Math.round((score / 100) * width);
  const colour = score >= 70 ? chalk.green : score >= 45 ? chalk.yellow : chalk.red;
  return colour('█'.repeat(filled)) + chalk.dim('░'.repeat(width - filled));
}

export function scoreColour(score: number): (text: string) => string {
  return score >= 70 ? chalk.green : score >= 45 ? chalk.yellow : chalk.red;
}

/** Wrap words to `width` terminal columns, every line after the first indented by `indent`. */
export function wrap(text: string, width: number, indent = ''): string {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const limit = lines.length === 0 ? width : width - indent.length;
    if (line && columnsOf(line) + 1 + columnsOf(word) > limit) {
      lines.push(line);
      line = word;
    } else {
      line = line ? `${line} ${word}` : word;
    }
  }
  if (line) lines.push(line);
  return lines.map((text, index) => (index === 0 ? text : indent + text)).join('\n');
}

/** Steps one code point forward or back from `index`, never into the middle of a surrogate pair. */
function step(text: string, index: number, direction: 1 | -1): number {
  const next = index + direction;
  const code = text.charCodeAt(direction === 1 ? index : next);
  const pair = direction === 1 ? code >= 0xd800 && code <= 0xdbff : code >= 0xdc00 && code <= 0xdfff;
  return pair ? next + direction : next;
}

/**
 * The line of `text` holding [start, end), cut to fit `width` columns, with a caret underline
 * beneath the span. Columns are terminal cells (string-width): an emoji or a CJK character takes
 * two, a combining mark none, so the carets stay under the words they mean.
 */
export function underline(text: string, start: number, end: number, width: number): string {
  const lineStart = text.lastIndexOf('\n', start - 1) + 1;
  const newline = text.indexOf('\n', start);
  const lineEnd = newline < 0 ? text.length : newline;
  const spanEnd = Math.min(end, lineEnd);
  let from = lineStart;
  let to = lineEnd;
  const columns = (a: number, b: number): number => columnsOf(text.slice(a, b).replace(/\t/g, ' '));
  if (columns(from, to) > width) {
    const room = width - 2; // for the ellipses on either side
    const context = Math.max(0, Math.floor((room - columns(start, spanEnd)) / 2));
    from = start;
    while (from > lineStart && columns(step(text, from, -1), start) <= context) from = step(text, from, -1);
    to = from;
    while (to < lineEnd && columns(from, step(text, to, 1)) <= room) to = step(text, to, 1);
  }
  const prefix = from > lineStart ? '…' : '';
  const suffix = to < lineEnd ? '…' : '';
  const shown = prefix + text.slice(from, to).replace(/\t/g, ' ') + suffix;
  const pad = ' '.repeat(columns(from, start) + prefix.length);
  const carets = '^'.repeat(Math.max(1, columns(start, Math.min(spanEnd, to))));
  return `${shown}\n${pad}${chalk.red(carets)}`;
}

/** One word of a diff as shown (styled) and its visible length, for wrapping. */
export interface DiffWord {
  text: string;
  size: number;
}

/**
 * A word-level diff: whole words (with their punctuation) compared, each run of
 * removed words marked [-…-] and each run of added words {+…+}, a space
 * between them. The marks stay when colour is on (struck through in red,
 * underlined in green), so the diff reads the same pasted as plain text.
 */
export function diffWordList(before: string, after: string): DiffWord[] {
  const split = (text: string): string[] => text.split(/\s+/).filter(Boolean);
  const words: DiffWord[] = [];
  for (const part of diffArrays(split(before), split(after))) {
    const kind = part.added ? 'added' : part.removed ? 'removed' : 'same';
    const style = kind === 'added' ? chalk.green.underline : kind === 'removed' ? chalk.red.strikethrough : (x: string) => x;
    const [open, close] = kind === 'added' ? ['{+', '+}'] : kind === 'removed' ? ['[-', '-]'] : ['', ''];
    part.value.forEach((word, i) => {
      const visible = `${i === 0 ? open : ''}${word}${i === part.value.length - 1 ? close : ''}`;
      words.push({ text: kind === 'same' ? visible : style(visible), size: [...visible].length });
    });
  }
  return words;
}

/** The word diff on one line (see diffWordList). */
export function wordDiff(before: string, after: string): string {
  return diffWordList(before, after)
    .map((word) => word.text)
    .join(' ');
}

/** Why the rewrite changed what it did: one bullet a change, wrapped under `indent`. */
export function changeLines(changes: readonly RewriteChange[], width: number, indent = '  '): string[] {
  return changes.map((change) => `${indent}• ${wrap(change.reason, width - indent.length - 2, `${indent}  `)}`);
}

/**
 * When no rewrite scored higher than the draft: say so, and list the mends one
 * by one (with the words each would put in), so the student can try them.
 */
export function mendLines(mends: readonly RewriteChange[], width: number, indent = '  '): string[] {
  if (mends.length === 0) return [];
  const header = 'No rewrite put together from these mends scored higher than your draft, so none is offered. Try them one at a time:';
  return [
    `${indent}${wrap(header, width - indent.length, indent)}`,
    ...mends.map((mend) => `${indent}  • ${wrap(mend.replacement ? `${mend.reason}: “${mend.replacement}”` : mend.reason, width - indent.length - 4, `${indent}    `)}`),
  ];
}
