// `batch --format csv`: one row per counsellor turn, for a spreadsheet. RFC 4180 quoting, CRLF
// line ends; text cells that a spreadsheet would run as a formula (= + - @ first) get a leading
// apostrophe, the usual guard against formula injection.
import type { BatchRecord } from '../../batch/types.js';
import { DIMENSIONS } from '../../core/types.js';

export const CSV_COLUMNS = [
  'source',
  'transcript',
  'id',
  'index',
  'speaker',
  'client',
  'text',
  'score',
  'band',
  ...DIMENSIONS,
  'behaviours',
  'issues',
  'strengths',
  'rewrite',
  'rewrite_score',
] as const;

function quote(value: string | number | null): string {
  if (value === null) return '';
  if (typeof value === 'number') return String(value);
  // A lone "-" (standard input) or a plain signed number cannot run as a formula.
  const formula = /^[=+\-@\t\r]/.test(value) && !/^[+-]?(\d+(\.\d+)?)?$/.test(value);
  const safe = formula ? `'${value}` : value;
  return /[",\r\n]/.test(safe) || safe !== safe.trim() ? `"${safe.replace(/"/g, '""')}"` : safe;
}

const unique = (values: string[]): string => [...new Set(values)].join('; ');

export function csvHeader(): string {
  return `${CSV_COLUMNS.join(',')}\r\n`;
}

export function csvRow(r: BatchRecord): string {
  const cells: (string | number | null)[] = [
    r.source,
    r.transcript,
    r.id,
    r.index,
    r.speaker,
    r.client,
    r.text,
    r.score,
    r.band,
    ...DIMENSIONS.map((d) => r.dimensions[d].score),
    unique(r.behaviours.map((b) => b.code)),
    unique(r.findings.filter((f) => f.kind === 'issue').map((f) => f.ruleId)),
    unique(r.findings.filter((f) => f.kind === 'strength').map((f) => f.ruleId)),
    r.rewrite?.text ?? null,
    r.rewrite?.score ?? null,
  ];
  return `${cells.map(quote).join(',')}\r\n`;
}
