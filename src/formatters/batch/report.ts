// What the whole-report formats (text, markdown, html) share: the report model and wording.
import { sortResults, groupResults, overall, type Group, type Overall, type SortKey } from '../../batch/cohort.js';
import type { Rating } from '../../batch/miti.js';
import type { BatchError, Measure, MitiSummary, TranscriptResult } from '../../batch/types.js';
import { plural } from '../plural.js';

export interface BatchReport {
  results: TranscriptResult[];
  errors: BatchError[];
  sort: SortKey;
}

export interface ReportView {
  overall: Overall;
  sorted: TranscriptResult[];
  /** Groups, when any transcript has a group value; else null. */
  groups: Group[] | null;
  errors: BatchError[];
  sort: SortKey;
}

export function view(report: BatchReport): ReportView {
  const sorted = sortResults(report.results, report.sort);
  const grouped = sorted.some((r) => r.summary.group !== null);
  return { overall: overall(report.results), sorted, groups: grouped ? groupResults(sorted) : null, errors: report.errors, sort: report.sort };
}

export const SORT_WORDS: Record<SortKey, string> = {
  score: 'lowest mean score first',
  name: 'by name',
  turns: 'most counsellor turns first',
};

export const fmt = (value: number | null, suffix = ''): string => (value === null ? '–' : `${Number.isInteger(value) ? value : value.toFixed(1)}${suffix}`);

export const ratingWord = (rating: Rating | null): string => rating ?? 'not judged';

/** Short mark for tables: G good, F fair, B below fair, blank when not judged. */
export const ratingMark = (rating: Rating | null): string => (rating === 'good' ? 'G' : rating === 'fair' ? 'F' : rating === 'below fair' ? 'B' : '');

export interface MeasureRow {
  label: string;
  value: string;
  measure: Measure;
  thresholds: string;
}

/** The four MITI measures as rows: label, value as shown, thresholds in words. */
export function measureRows(miti: MitiSummary): MeasureRow[] {
  const r = miti.reflectionToQuestion;
  return [
    {
      label: 'reflection : question',
      value: r.value === null ? `${miti.reflections} : 0` : `${fmt(r.value)} : 1`,
      measure: r,
      thresholds: `${r.standard}: fair ${r.fair}:1, good ${r.good}:1`,
    },
    {
      label: 'complex reflections',
      value: fmt(miti.percentComplexReflections.value, '%'),
      measure: miti.percentComplexReflections,
      thresholds: `${miti.percentComplexReflections.standard}: fair ${miti.percentComplexReflections.fair}%, good ${miti.percentComplexReflections.good}%`,
    },
    {
      label: 'open questions',
      value: fmt(miti.percentOpenQuestions.value, '%'),
      measure: miti.percentOpenQuestions,
      thresholds: `${miti.percentOpenQuestions.standard}: fair ${miti.percentOpenQuestions.fair}%, good ${miti.percentOpenQuestions.good}%`,
    },
    {
      label: 'MI-adherent',
      value: `${miti.adherent} vs ${miti.nonAdherent} non-adherent (${fmt(miti.percentAdherent.value, '%')})`,
      measure: miti.percentAdherent,
      thresholds: `${miti.percentAdherent.standard}: fair ${miti.percentAdherent.fair}%, good ${miti.percentAdherent.good}%`,
    },
  ];
}

export const turnLabel = (w: { index: number; id: string | number }): string =>
  typeof w.id === 'number' && w.id === w.index + 1 ? `turn ${w.id}` : `turn ${w.index + 1} (id ${w.id})`;

export function headline(v: ReportView): string {
  const { overall: o } = v;
  const parts = [plural(o.transcripts, 'transcript'), plural(o.turns, 'counsellor turn')];
  if (o.mean !== null) parts.push(`mean score ${fmt(o.mean)}`);
  if (v.errors.length > 0) parts.push(`${plural(v.errors.length, 'file')} could not be read`);
  return parts.join(' · ');
}
