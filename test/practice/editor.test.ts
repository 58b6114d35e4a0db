// The reply box's text model: what each key does to the draft, and how the
// draft is laid out in rows (which is where the cursor is drawn).
import { describe, expect, it } from 'vitest';
import { applyKey, cursorPosition, layout, type EditorState, type Key } from '../../src/practice/editor.js';

function type(state: EditorState, ...keys: (Key | string)[]): EditorState {
  let current = state;
  for (const key of keys) {
    const pressed: Key[] = typeof key === 'string' ? [...key].map((c) => ({ name: c.toLowerCase(), sequence: c })) : [key];
    for (const k of pressed) {
      const action = applyKey(current, k, layout(current.text, 20));
      if (action.kind === 'edit') current = action.state;
    }
  }
  return current;
}

const empty: EditorState = { text: '', cursor: 0 };
const enter: Key = { name: 'return', sequence: '\r' };

describe('reply editor keys', () => {
  it('types text, and Enter starts a new line instead of submitting', () => {
    const state = type(empty, 'Hello', enter, 'there');
    expect(state).toEqual({ text: 'Hello\nthere', cursor: 11 });
  });

  it('submits on Ctrl-D and Ctrl-S, and on Alt-Enter', () => {
    expect(applyKey(empty, { name: 'd', ctrl: true }).kind).toBe('submit');
    expect(applyKey(empty, { name: 's', ctrl: true }).kind).toBe('submit');
    expect(applyKey(empty, { name: 'return', meta: true }).kind).toBe('submit');
  });

  it('edits in the middle of the draft (revising a pre-filled reply)', () => {
    let state: EditorState = { text: 'You need to relax.', cursor: 18 };
    state = type(state, { name: 'home' }, { name: 'delete' }, { name: 'delete' }, { name: 'delete' }, { name: 'delete' });
    expect(state.text).toBe('need to relax.');
    state = type(state, { name: 'end' }, { name: 'backspace' }, '?');
    expect(state.text).toBe('need to relax?');
    state = type(state, { name: 'w', ctrl: true });
    expect(state.text).toBe('need to ');
  });

  it('joins lines with Backspace at the start of a line', () => {
    const state = type({ text: 'one\ntwo', cursor: 4 }, { name: 'backspace' });
    expect(state).toEqual({ text: 'onetwo', cursor: 3 });
  });

  it('moves up and down between rows, keeping the column', () => {
    const start: EditorState = { text: 'first line\nsecond', cursor: 17 };
    const up = type(start, { name: 'up' });
    expect(up.cursor).toBe(6);
    const down = type(up, { name: 'down' });
    expect(down.cursor).toBe(17);
  });

  it('never splits an emoji with the arrow keys or Backspace', () => {
    const state: EditorState = { text: 'ok 🙂', cursor: 5 };
    expect(type(state, { name: 'left' }).cursor).toBe(3);
    expect(type(state, { name: 'backspace' }).text).toBe('ok ');
  });

  it('ignores control keys it does not know rather than inserting escape codes', () => {
    expect(applyKey(empty, { name: 'f1', sequence: '\u001bOP' }).kind).toBe('ignore');
    expect(applyKey(empty, { name: 'x', ctrl: true, sequence: '\u0018' }).kind).toBe('ignore');
  });
});

describe('reply editor layout', () => {
  it('wraps long lines at spaces so each row fits', () => {
    const text = 'It sounds like everything feels pointless tonight';
    const rows = layout(text, 20);
    for (const row of rows) expect(row.end - row.start).toBeLessThanOrEqual(21);
    expect(rows.map((r) => text.slice(r.start, r.end).trimEnd())).toEqual(['It sounds like', 'everything feels', 'pointless tonight']);
  });

  it('places the cursor on every offset, including the end of a line and an empty line', () => {
    const text = 'one\n\nthree';
    const rows = layout(text, 20);
    expect(rows).toHaveLength(3);
    expect(cursorPosition(rows, 3)).toEqual({ row: 0, column: 3 });
    expect(cursorPosition(rows, 4)).toEqual({ row: 1, column: 0 });
    expect(cursorPosition(rows, text.length)).toEqual({ row: 2, column: 5 });
  });

  it('cuts a word longer than a row', () => {
    const rows = layout('x'.repeat(45), 20);
    expect(rows.map((r) => r.end - r.start)).toEqual([20, 20, 5]);
  });
});
