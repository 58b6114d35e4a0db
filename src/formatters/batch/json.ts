// `batch --format json`: one document (docs/contract.md, "Batch records").
import type { BatchError, BatchRecord, TranscriptResult } from '../../batch/types.js';
import { SCHEMA_VERSION } from '../../core/types.js';

export interface JsonTranscript {
  source: string;
  transcript: string;
  summary: TranscriptResult['summary'];
  turns: BatchRecord[];
}

export function formatJson(results: readonly TranscriptResult[], turnsOf: (result: TranscriptResult) => BatchRecord[], errors: readonly BatchError[]): string {
  const transcripts: JsonTranscript[] = results.map((r) => ({ source: r.source, transcript: r.transcript, summary: r.summary, turns: turnsOf(r) }));
  return `${JSON.stringify({ schemaVersion: SCHEMA_VERSION, transcripts, errors }, null, 2)}\n`;
}
