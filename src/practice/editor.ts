// The text model behind the multi-line reply prompt: a buffer, a cursor, the
// edits keys make, and the layout of the text in rows that fit the terminal.
// Pure: no terminal here, so it is tested directly.

export interface EditorState {
  /** The whole reply; lines are separated by "\n". */
  text: string;
  /** Cursor offset into `text` (UTF-16 code units). */
  cursor: number;
}

/** A key as readline's emitKeypressEvents reports it. */
export interface Key {
  name?: string;
  sequence?: string;
  ctrl?: boolean;
  meta?: boolean;
  shift?: boolean;
}

export type KeyAction = { kind: 'edit'; state: EditorState } | { kind: 'submit' } | { kind: 'ignore' };

/** Keys that submit the reply. Enter only starts a new line, so pasted paragraphs stay whole. */
export function isSubmitKey(key: Key): boolean {
  return key.ctrl === true && (key.name === 'd' || key.name === 's');
}

const isHigh = (code: number): boolean => code >= 0xd800 && code <= 0xdbff;
const isLow = (code: number): boolean => code >= 0xdc00 && code <= 0xdfff;

/** One code point left of `at`, not splitting a surrogate pair. */
function stepLeft(text: string, at: number): number {
  if (at <= 0) return 0;
  return at >= 2 && isLow(text.charCodeAt(at - 1)) && isHigh(text.charCodeAt(at - 2)) ? at - 2 : at - 1;
}

function stepRight(text: string, at: number): number {
  if (at >= text.length) return text.length;
  return isHigh(text.charCodeAt(at)) && isLow(text.charCodeAt(at + 1)) ? at + 2 : at + 1;
}

const lineStart = (text: string, at: number): number => text.lastIndexOf('\n', at - 1) + 1;
function lineEnd(text: string, at: number): number {
  const end = text.indexOf('\n', at);
  return end < 0 ? text.length : end;
}

function insert(state: EditorState, piece: string): EditorState {
  const { text, cursor } = state;
  return { text: text.slice(0, cursor) + piece + text.slice(cursor), cursor: cursor + piece.length };
}

function remove(state: EditorState, from: number, to: number): EditorState {
  if (from >= to) return state;
  return { text: state.text.slice(0, from) + state.text.slice(to), cursor: from };
}

/** Start of the word left of the cursor (for Ctrl-W / Alt-Backspace). */
function wordLeft(text: string, at: number): number {
  let i = at;
  while (i > 0 && /\s/.test(text[i - 1]!)) i--;
  while (i > 0 && !/\s/.test(text[i - 1]!)) i--;
  return i;
}

/** Printable text a key carries, or null for control keys and escape sequences. */
function printable(key: Key): string | null {
  if (key.ctrl || key.meta) return null;
  const sequence = key.sequence ?? '';
  if (key.name === 'tab') return ' ';
  if (sequence === '' || /[\u0000-\u001f\u007f]/.test(sequence)) return null;
  return sequence;
}

/**
 * What a key does. Up and down move between the rows of `layout` (so they
 * follow wrapped lines as the student sees them).
 */
export function applyKey(state: EditorState, key: Key, rows: Row[] = layout(state.text, Number.MAX_SAFE_INTEGER)): KeyAction {
  if (isSubmitKey(key)) return { kind: 'submit' };
  const { text, cursor } = state;
  const edit = (next: EditorState): KeyAction => ({ kind: 'edit', state: next });
  switch (key.name) {
    case 'return':
    case 'enter':
      if (key.meta) return { kind: 'submit' };
      return edit(insert(state, '\n'));
    case 'backspace':
      if (key.ctrl || key.meta) return edit(remove(state, wordLeft(text, cursor), cursor));
      return edit(remove(state, stepLeft(text, cursor), cursor));
    case 'delete':
      return edit({ ...remove(state, cursor, stepRight(text, cursor)), cursor });
    case 'left':
      return edit({ text, cursor: stepLeft(text, cursor) });
    case 'right':
      return edit({ text, cursor: stepRight(text, cursor) });
    case 'home':
      return edit({ text, cursor: lineStart(text, cursor) });
    case 'end':
      return edit({ text, cursor: lineEnd(text, cursor) });
    case 'up':
    case 'down': {
      const { row, column } = cursorPosition(rows, cursor);
      const target = rows[row + (key.name === 'up' ? -1 : 1)];
      if (!target) return edit({ text, cursor: key.name === 'up' ? 0 : text.length });
      return edit({ text, cursor: Math.min(target.start + column, target.end) });
    }
  }
  if (key.ctrl) {
    switch (key.name) {
      case 'a':
        return edit({ text, cursor: lineStart(text, cursor) });
      case 'e':
        return edit({ text, cursor: lineEnd(text, cursor) });
      case 'u':
        return edit(remove(state, lineStart(text, cursor), cursor));
      case 'k':
        return edit({ ...remove(state, cursor, lineEnd(text, cursor)), cursor });
      case 'w':
        return edit(remove(state, wordLeft(text, cursor), cursor));
    }
    return { kind: 'ignore' };
  }
  const piece = printable(key);
  return piece === null ? { kind: 'ignore' } : edit(insert(state, piece));
}

/** One screen row: text[start, end), without its line break or wrapping space. */
export interface Row {
  start: number;
  end: number;
  /** The row ends a line (the cursor may sit at `end`). */
  last: boolean;
}

/**
 * Rows of at most `width` characters: each line is wrapped at the last space
 * that fits (a word longer than a row is cut). Every offset of the text falls
 * in exactly one row, so the cursor always has a place.
 */
export function layout(text: string, width: number): Row[] {
  const rows: Row[] = [];
  const limit = Math.max(1, width);
  let start = 0;
  for (;;) {
    const end = lineEnd(text, start);
    let from = start;
    while (end - from > limit) {
      const window = text.slice(from, from + limit + 1);
      const space = window.lastIndexOf(' ');
      const cut = space > 0 ? from + space + 1 : from + limit;
      rows.push({ start: from, end: cut, last: false });
      from = cut;
    }
    rows.push({ start: from, end, last: true });
    if (end >= text.length) break;
    start = end + 1;
  }
  return rows;
}

/** Row and column of `cursor` within `rows`. */
export function cursorPosition(rows: Row[], cursor: number): { row: number; column: number } {
  for (let row = 0; row < rows.length; row++) {
    const r = rows[row]!;
    if (cursor >= r.start && (cursor < r.end || (cursor === r.end && r.last))) return { row, column: cursor - r.start };
  }
  const lastRow = rows.length - 1;
  return { row: lastRow, column: Math.max(0, cursor - rows[lastRow]!.start) };
}
