// The cohort view: one row per transcript, sorted, optionally grouped by a counsellor/student
// field. Pure.
import { getOrAdd } from '../core/maps.js';
import { round1 } from './miti.js';
import type { TranscriptResult } from './types.js';

export const SORT_KEYS = ['score', 'name', 'turns'] as const;
export type SortKey = (typeof SORT_KEYS)[number];

/** Fields that name who was counselling, looked for when no --group-by is given (case-insensitive). */
export const GROUP_FIELDS = ['counsellor', 'counselor', 'student', 'trainee', 'supervisee', 'clinician', 'therapist_name', 'counsellor_name', 'counselor_name', 'student_name'];

/** The field to group by among a turn's extra fields: the one asked for, else a known counsellor/student field. */
export function groupFieldOf(fields: Record<string, string> | undefined, asked: string | undefined): string | null {
  if (!fields) return null;
  const keys = Object.keys(fields);
  const norm = (name: string): string => name.trim().toLowerCase().replace(/[\s-]+/g, '_');
  if (asked) return keys.find((k) => norm(k) === norm(asked)) ?? null;
  for (const wanted of GROUP_FIELDS) {
    const key = keys.find((k) => norm(k) === wanted);
    if (key) return key;
  }
  return null;
}

/** A readable transcript name: the transcript id, with the file when they differ. */
export function displayName(result: Pick<TranscriptResult, 'source' | 'transcript'>): string {
  return result.transcript === result.source ? result.source : `${result.transcript} (${result.source})`;
}

// One collator for every comparison: localeCompare with options builds one per call, which took
// most of the time of sorting 130,000 transcripts.
const byName = new Intl.Collator(undefined, { numeric: true }).compare;

/**
 * Sorts transcripts: `score` puts the lowest mean score first (who to discuss first), `name`
 * alphabetically, `turns` the most counsellor turns first. Ties keep input order.
 */
export function sortResults(results: readonly TranscriptResult[], key: SortKey): TranscriptResult[] {
  const named = (r: TranscriptResult): string => displayName(r);
  const indexed = results.map((r, i) => ({ r, i }));
  indexed.sort((a, b) => {
    let d = 0;
    if (key === 'score') d = (a.r.summary.score.mean ?? Infinity) - (b.r.summary.score.mean ?? Infinity);
    else if (key === 'turns') d = b.r.summary.turns - a.r.summary.turns;
    else d = byName(named(a.r), named(b.r));
    return d || a.i - b.i;
  });
  return indexed.map(({ r }) => r);
}

export interface Group {
  /** The group value, or null for transcripts without one. */
  name: string | null;
  transcripts: TranscriptResult[];
  turns: number;
  /** Mean over all counsellor turns of the group. */
  mean: number | null;
}

/** Groups (already sorted) results by `summary.group`: groups by name, transcripts without one last; order inside a group is kept. */
export function groupResults(sorted: readonly TranscriptResult[]): Group[] {
  const groups = new Map<string | null, TranscriptResult[]>();
  for (const r of sorted) {
    getOrAdd(groups, r.summary.group, (): TranscriptResult[] => []).push(r);
  }
  return [...groups.entries()]
    .sort(([a], [b]) => (a === null ? 1 : b === null ? -1 : byName(a, b)))
    .map(([name, transcripts]) => {
      const turns = transcripts.reduce((s, r) => s + r.summary.turns, 0);
      const total = transcripts.reduce((s, r) => s + r.scores.reduce((x, y) => x + y, 0), 0);
      return { name, transcripts, turns, mean: turns === 0 ? null : round1(total / turns) };
    });
}

export interface Overall {
  transcripts: number;
  turns: number;
  mean: number | null;
}

export function overall(results: readonly TranscriptResult[]): Overall {
  const turns = results.reduce((s, r) => s + r.summary.turns, 0);
  const total = results.reduce((s, r) => s + r.scores.reduce((x, y) => x + y, 0), 0);
  return { transcripts: results.length, turns, mean: turns === 0 ? null : round1(total / turns) };
}
