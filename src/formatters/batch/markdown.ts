// The batch report as Markdown, for a supervision note or a wiki page.
import { displayName } from '../../batch/cohort.js';
import { formatError } from '../../batch/run.js';
import type { TranscriptResult } from '../../batch/types.js';
import { DIMENSIONS } from '../../core/types.js';
import { fmt, headline, measureRows, ratingWord, SORT_WORDS, turnLabel, view, type BatchReport } from './report.js';
import { plural } from '../plural.js';
import { pushAll } from '../../core/lists.js';

// Transcript words are data: no raw HTML, no table breaks, no stray emphasis.
const inline = (text: string): string => text.replace(/\\/g, '\\\\').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/([*_`[\]])/g, '\\$1');
const cell = (text: string): string => inline(text).replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
const quote = (text: string): string => `> ${inline(text).replace(/\r?\n/g, '\n> ')}`;

function cohortRows(results: TranscriptResult[], grouped: boolean): string[] {
  const lines = [
    `| transcript |${grouped ? ' group |' : ''} turns | mean | median | min | R:Q | % complex reflections | % open questions |`,
    `| --- |${grouped ? ' --- |' : ''} ---: | ---: | ---: | ---: | ---: | ---: | ---: |`,
  ];
  for (const r of results) {
    const s = r.summary;
    const m = s.miti;
    const judged = (value: string, rating: string | null): string => (m.judged && rating ? `${value} (${rating})` : value);
    lines.push(
      `| ${cell(displayName(r))} |${grouped ? ` ${cell(s.group ?? '–')} |` : ''} ${s.turns} | ${fmt(s.score.mean)} | ${fmt(s.score.median)} | ${fmt(s.score.min)} | ${judged(fmt(m.reflectionToQuestion.value), m.reflectionToQuestion.rating)} | ${judged(fmt(m.percentComplexReflections.value, '%'), m.percentComplexReflections.rating)} | ${judged(fmt(m.percentOpenQuestions.value, '%'), m.percentOpenQuestions.rating)} |`,
    );
  }
  return lines;
}

function section(r: TranscriptResult): string[] {
  const s = r.summary;
  const lines = ['', `## ${cell(displayName(r))}`, ''];
  const facts = [`${s.turns} counsellor turns of ${s.allTurns}`];
  if (s.score.mean !== null) facts.push(`mean score ${fmt(s.score.mean)}`, `median ${fmt(s.score.median)}`, `minimum ${fmt(s.score.min)}`);
  if (s.group !== null) facts.push(`group: ${cell(s.group)}`);
  lines.push(facts.join(' · '));
  if (s.turns === 0) return lines;
  lines.push('', '| dimension | mean |', '| --- | ---: |', ...DIMENSIONS.map((d) => `| ${d} | ${fmt(s.dimensions[d])} |`));
  const codes = Object.entries(s.behaviours).filter(([, n]) => n > 0);
  lines.push('', `**Behaviours:** ${codes.length ? codes.map(([code, n]) => `\`${code}\` ${n}`).join(' · ') : 'none coded'}`);
  lines.push('', '### MITI summary', '');
  if (s.miti.note) lines.push(`_${s.miti.note[0]!.toUpperCase()}${s.miti.note.slice(1)}._`, '');
  lines.push('| measure | value | verdict | thresholds |', '| --- | --- | --- | --- |');
  for (const row of measureRows(s.miti)) {
    lines.push(`| ${row.label} | ${cell(row.value)} | ${s.miti.judged ? ratingWord(row.measure.rating) : 'too few turns'} | ${row.thresholds} |`);
  }
  if (s.issues.length > 0) {
    lines.push('', '### Most frequent issues', '', '| turns | issue | rule |', '| ---: | --- | --- |');
    for (const issue of s.issues) lines.push(`| ${issue.turns} | ${cell(issue.message)} | \`${issue.ruleId}\` |`);
  }
  if (s.weakest.length > 0) {
    lines.push('', '### Weakest turns');
    for (const w of s.weakest) {
      lines.push('', `**${turnLabel(w)}** (${cell(w.speaker)}), score ${w.score}`, '');
      if (w.client) lines.push(`Client: _${cell(w.client)}_`, '');
      lines.push(quote(w.text), '');
      if (w.issues.length > 0) lines.push(...w.issues.map((i) => `- ${cell(i.message)} (\`${i.ruleId}\`)`), '');
      lines.push(w.rewrite ? `Try instead (${w.rewrite.score}):\n\n${quote(w.rewrite.text)}` : '_No rewrite suggested._');
    }
  }
  return lines;
}

export function formatMarkdown(report: BatchReport): string {
  const v = view(report);
  const lines = ['# Batch report', '', headline(v)];
  if (v.sorted.length > 0) {
    lines.push('', `## Cohort (${SORT_WORDS[v.sort]})`);
    if (v.groups) {
      for (const g of v.groups) {
        lines.push('', `### ${cell(g.name ?? '(no group)')}: ${plural(g.transcripts.length, 'transcript')}, ${plural(g.turns, 'turn')}, mean ${fmt(g.mean)}`, '');
        pushAll(lines, cohortRows(g.transcripts, true));
      }
    } else {
      lines.push('');
      pushAll(lines, cohortRows(v.sorted, false));
    }
    lines.push('', 'R:Q is reflections per question. Verdicts follow MITI thresholds (good, fair, below fair); none is given when a transcript has too few turns to judge.');
    for (const r of v.sorted) pushAll(lines, section(r));
  }
  if (v.errors.length > 0) {
    lines.push('', '## Could not read', '');
    pushAll(lines, v.errors.map((e) => `- ${cell(formatError(e))}`));
  }
  return `${lines.join('\n')}\n`;
}
