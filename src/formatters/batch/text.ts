// The batch report for a terminal: a cohort table, then each transcript's summary. Fits 80
// columns; colour only when chalk is enabled (setup decides).
import chalk from 'chalk';
import { displayName } from '../../batch/cohort.js';
import { formatError } from '../../batch/run.js';
import type { Rating } from '../../batch/miti.js';
import type { TranscriptResult } from '../../batch/types.js';
import { DIMENSIONS } from '../../core/types.js';
import { bar, scoreColour, WIDTH, wrap } from '../terminal.js';
import { fmt, headline, measureRows, ratingMark, ratingWord, SORT_WORDS, turnLabel, view, type BatchReport } from './report.js';
import { plural } from '../plural.js';
import { pushAll } from '../../core/lists.js';

const width = (text: string): number => [...text].length;

/** Wrap to `columns`, every line (after the first) indented by `indent`. */
const block = (text: string, columns: number, indent: string): string => wrap(text, columns).split('\n').join(`\n${indent}`);

/** Cut to `n` columns with an ellipsis, then pad (left-aligned) or pad-start (right-aligned). */
function cell(text: string, n: number, align: 'left' | 'right' = 'left'): string {
  const chars = [...text];
  const cut = chars.length > n ? `${chars.slice(0, n - 1).join('')}…` : text;
  const pad = ' '.repeat(Math.max(0, n - width(cut)));
  return align === 'left' ? cut + pad : pad + cut;
}

const ratingColour = (rating: Rating | null): ((s: string) => string) =>
  rating === 'good' ? chalk.green : rating === 'fair' ? chalk.yellow : rating === 'below fair' ? chalk.red : chalk.dim;

function cohortTable(results: TranscriptResult[], grouped: boolean): string[] {
  const nameWidth = grouped ? 27 : 39;
  const header = `  ${cell('transcript', nameWidth)}${grouped ? ` ${cell('group', 11)}` : ''} ${cell('turns', 5, 'right')} ${cell('mean', 5, 'right')} ${cell('med', 5, 'right')} ${cell('min', 4, 'right')} ${cell('R:Q', 6, 'right')} ${cell('%CR', 6, 'right')}`;
  const lines = [chalk.dim(header)];
  for (const r of results) {
    const s = r.summary;
    const m = s.miti;
    const rq = `${fmt(m.reflectionToQuestion.value)}${ratingMark(m.reflectionToQuestion.rating) ? ` ${ratingMark(m.reflectionToQuestion.rating)}` : ''}`;
    const cr = `${fmt(m.percentComplexReflections.value)}${ratingMark(m.percentComplexReflections.rating) ? ` ${ratingMark(m.percentComplexReflections.rating)}` : ''}`;
    const mean = s.score.mean === null ? cell('–', 5, 'right') : scoreColour(s.score.mean)(cell(fmt(s.score.mean), 5, 'right'));
    lines.push(
      `  ${cell(displayName(r), nameWidth)}${grouped ? ` ${cell(s.group ?? '–', 11)}` : ''} ${cell(String(s.turns), 5, 'right')} ${mean} ${cell(fmt(s.score.median), 5, 'right')} ${cell(fmt(s.score.min), 4, 'right')} ${ratingColour(m.reflectionToQuestion.rating)(cell(rq, 6, 'right'))} ${ratingColour(m.percentComplexReflections.rating)(cell(cr, 6, 'right'))}`,
    );
  }
  return lines;
}

function transcriptSection(r: TranscriptResult): string[] {
  const s = r.summary;
  const title = displayName(r);
  const lines = ['', chalk.bold(`── ${cell(title, WIDTH - 4).trimEnd()} ${'─'.repeat(Math.max(0, WIDTH - 4 - width(cell(title, WIDTH - 4).trimEnd())))}`)];
  const facts = [`${plural(s.turns, 'counsellor turn')} of ${s.allTurns}`];
  if (s.score.mean !== null) facts.push(`mean ${fmt(s.score.mean)}`, `median ${fmt(s.score.median)}`, `min ${fmt(s.score.min)}`);
  if (s.group !== null) facts.push(`group ${s.group}`);
  lines.push(`  ${facts.join(' · ')}`);
  if (s.turns === 0) return lines;

  lines.push('', chalk.bold('  Dimensions'));
  for (const d of DIMENSIONS) {
    const value = s.dimensions[d] ?? 0;
    lines.push(`    ${cell(d, 12)} ${bar(value, 30)} ${cell(fmt(s.dimensions[d]), 5, 'right')}`);
  }

  const codes = Object.entries(s.behaviours).filter(([, n]) => n > 0);
  lines.push('', chalk.bold('  Behaviours'));
  lines.push(`    ${block(codes.length ? codes.map(([code, n]) => `${code} ${n}`).join(', ') : 'none coded', WIDTH - 4, '    ')}`);

  lines.push('', chalk.bold('  MITI summary'));
  if (s.miti.note) lines.push(`    ${chalk.yellow(block(`${s.miti.note[0]!.toUpperCase()}${s.miti.note.slice(1)}.`, WIDTH - 4, '    '))}`);
  for (const row of measureRows(s.miti)) {
    const verdict = s.miti.judged ? ratingColour(row.measure.rating)(ratingWord(row.measure.rating)) : '';
    lines.push(`    ${cell(row.label, 22)} ${row.value}${verdict ? `  ${verdict}` : ''}`);
    lines.push(chalk.dim(`    ${' '.repeat(22)} ${row.thresholds}`));
  }

  if (s.issues.length > 0) {
    lines.push('', chalk.bold('  Most frequent issues'));
    for (const issue of s.issues) {
      const head = `    ${cell(`${issue.turns}×`, 4, 'right')} `;
      lines.push(head + block(`${issue.message} (${issue.ruleId})`, WIDTH - head.length, ' '.repeat(head.length)));
    }
  }

  if (s.weakest.length > 0) {
    lines.push('', chalk.bold('  Weakest turns'));
    for (const w of s.weakest) {
      lines.push(`    ${turnLabel(w)} · ${w.speaker} · score ${scoreColour(w.score)(String(w.score))}`);
      const indent = ' '.repeat(14);
      if (w.client) lines.push(chalk.dim(`      client  ${block(`“${w.client}”`, WIDTH - 14, indent)}`));
      lines.push(`      said    ${block(`“${w.text}”`, WIDTH - 14, indent)}`);
      w.issues.forEach((issue, i) => lines.push(chalk.dim(`      ${i === 0 ? 'issues' : '      '}  ${block(`· ${issue.message}`, WIDTH - 14, `${indent}  `)}`)));
      lines.push(
        w.rewrite
          ? chalk.green(`      try     ${block(`“${w.rewrite.text}” (${w.rewrite.score})`, WIDTH - 14, indent)}`)
          : chalk.dim('      try     (no rewrite suggested)'),
      );
    }
  }
  return lines;
}

export function formatText(report: BatchReport): string {
  const v = view(report);
  const lines = [chalk.bold(`rapport batch: ${headline(v)}`)];
  if (v.sorted.length > 0) {
    lines.push('', chalk.bold(`Cohort (${SORT_WORDS[v.sort]})`));
    if (v.groups) {
      for (const g of v.groups) {
        lines.push('', `  ${chalk.bold(g.name ?? '(no group)')} · ${plural(g.transcripts.length, 'transcript')} · ${plural(g.turns, 'turn')} · mean ${fmt(g.mean)}`);
        pushAll(lines, cohortTable(g.transcripts, true));
      }
    } else {
      pushAll(lines, cohortTable(v.sorted, false));
    }
    lines.push(chalk.dim('  R:Q reflections per question, %CR complex reflections. MITI 4.2.1 verdicts:'));
    lines.push(chalk.dim('  G good, F fair, B below fair; none when too few turns to judge.'));
    for (const r of v.sorted) pushAll(lines, transcriptSection(r));
  }
  if (v.errors.length > 0) {
    lines.push('', chalk.bold.red('Could not read'));
    for (const e of v.errors) lines.push(`  ${formatError(e)}`);
  }
  return `${lines.join('\n')}\n`;
}
