// `batch --format jsonl`: one batch record per line, written as each turn is scored.
import type { BatchRecord } from '../../batch/types.js';

export function jsonlLine(record: BatchRecord): string {
  return `${JSON.stringify(record)}\n`;
}
