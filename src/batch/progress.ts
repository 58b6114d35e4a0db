// A progress bar on standard error, only when it is a terminal; silent otherwise.
import type { Progress } from './run.js';

export interface ProgressBar {
  /** False when nothing is shown (standard error is not a terminal). */
  readonly active: boolean;
  update(progress: Progress): void;
  /** Clear the bar (before printing a message, and at the end). */
  clear(): void;
}

const quiet: ProgressBar = { active: false, update: () => {}, clear: () => {} };

export function progressBar(stream: NodeJS.WriteStream = process.stderr, interval = 100): ProgressBar {
  if (!stream.isTTY) return quiet;
  let last = 0;
  let shown = false;
  return {
    active: true,
    update(p) {
      const now = Date.now();
      if (now - last < interval) return;
      last = now;
      const columns = Math.min(stream.columns ?? 80, 80);
      const fraction = p.totalBytes ? Math.min(1, p.bytes / p.totalBytes) : p.files ? p.filesDone / p.files : 0;
      const label = ` ${Math.round(fraction * 100)}% · ${p.turns.toLocaleString('en')} turns · ${p.filesDone}/${p.files} files`;
      const width = Math.max(10, columns - label.length - 3);
      const filled = Math.round(fraction * width);
      stream.write(`\r[${'█'.repeat(filled)}${'░'.repeat(width - filled)}]${label}\x1b[K`);
      shown = true;
    },
    clear() {
      if (shown) stream.write('\r\x1b[K');
      shown = false;
      last = 0;
    },
  };
}
