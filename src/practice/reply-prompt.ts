// The multi-line reply prompt, built on @inquirer/core. Enter starts a new
// line (so a pasted paragraph stays whole); Ctrl-D or Ctrl-S submits; the
// keys are shown under the text. Revising starts from the previous draft.
//
// Layout and editing live in editor.ts. Readline still runs underneath (it
// owns raw mode and Ctrl-C); after each key we hand it the row the cursor is
// on, which is how inquirer's screen manager knows where to put the cursor.
import { createPrompt, makeTheme, useEffect, useKeypress, usePrefix, useState, type KeypressEvent } from '@inquirer/core';
import chalk from 'chalk';
import { applyKey, cursorPosition, isSubmitKey, layout, type EditorState, type Key, type Row } from './editor.js';
import { replyTooLong } from '../core/limits.js';

export interface ReplyConfig {
  message: string;
  /** Pre-filled text (the previous draft when revising); the cursor starts at its end. */
  default?: string;
}

const INDENT = '  ';
export const SUBMIT_HINT = 'Enter: new line · Ctrl-D: submit (or Ctrl-S) · Ctrl-C: quit';

interface MutableLine {
  line: string;
  cursor: number;
}

function columns(): number {
  return Math.max(20, process.stdout.columns || 80);
}

/** Rows fit inside the terminal with the indent and a spare column for the cursor. */
function rowsOf(text: string): Row[] {
  return layout(text, columns() - INDENT.length - 2);
}

export const replyPrompt = createPrompt<string, ReplyConfig>((config, done) => {
  const theme = makeTheme({});
  const [status, setStatus] = useState<'idle' | 'done'>('idle');
  const [state, setState] = useState<EditorState>(() => {
    const text = config.default ?? '';
    return { text, cursor: text.length };
  });
  const [error, setError] = useState<string | undefined>(undefined);
  const prefix = usePrefix({ status, theme });

  // Readline closes itself on Ctrl-D when its own line is empty, which would
  // end the prompt unanswered; give it a line to look at first.
  useEffect((rl) => {
    const guard = (_input: string, key: Key | undefined): void => {
      if (key && isSubmitKey(key)) {
        const line = rl as unknown as MutableLine;
        line.line = ' ';
        line.cursor = 1;
      }
    };
    rl.input.prependListener('keypress', guard);
    return () => {
      rl.input.removeListener('keypress', guard);
    };
  }, []);

  useKeypress((event: KeypressEvent, rl) => {
    if (status !== 'idle') return;
    const rows = rowsOf(state.text);
    const action = applyKey(state, event as Key, rows);
    if (action.kind === 'submit') {
      if (state.text.trim() === '') {
        setError('Write a reply first (or press Ctrl-C to quit).');
        return;
      }
      const tooLong = replyTooLong(state.text);
      if (tooLong) {
        setError(`${tooLong.charAt(0).toUpperCase()}${tooLong.slice(1)}.`);
        return;
      }
      setStatus('done');
      done(state.text.trim());
      return;
    }
    const next = action.kind === 'edit' ? action.state : state;
    // Tell readline which row the cursor is on, so the screen manager places it.
    const nextRows = rowsOf(next.text);
    const { row, column } = cursorPosition(nextRows, next.cursor);
    const current = nextRows[row]!;
    const line = rl as unknown as MutableLine;
    line.line = next.text.slice(current.start, current.end);
    line.cursor = column;
    setError(undefined);
    setState(next);
  });

  const message = theme.style.message(config.message, status);
  if (status === 'done') {
    const shown = state.text.trim();
    const lines = rowsOf(shown).map((r) => INDENT + chalk.cyan(shown.slice(r.start, r.end).trimEnd()));
    return `${prefix} ${message}\n${lines.join('\n')}`;
  }
  const rows = rowsOf(state.text);
  const { row } = cursorPosition(rows, state.cursor);
  const rendered = rows.map((r) => INDENT + state.text.slice(r.start, r.end));
  const top = [`${prefix} ${message}`, ...rendered.slice(0, row + 1)].join('\n');
  const bottom = [...rendered.slice(row + 1), chalk.dim(`${INDENT}${SUBMIT_HINT}`), ...(error ? [INDENT + chalk.red(error)] : [])].join('\n');
  return [top, bottom];
});
