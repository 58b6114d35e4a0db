// What practice prints between prompts: the bank as a table, a scenario card,
// the suggested rewrite, a model reply beside the draft, the session trend.
// Plain functions to strings; colour only through chalk (off under NO_COLOR).
import chalk from 'chalk';
import type { Critique, RewriteChange } from '../core/types.js';
import { signed } from '../formatters/check/compact.js';
import { changeLines, diffWordList, mendLines, scoreColour, wrap } from '../formatters/terminal.js';
import type { Scenario } from './scenarios.js';
import { sparkline, type Session } from './session.js';
import { plural } from '../formatters/plural.js';
import { largest } from '../core/lists.js';

/** id, setting, difficulty, title: one scenario a line, aligned. */
export function formatList(scenarios: Scenario[]): string {
  const header = ['ID', 'SETTING', 'DIFFICULTY', 'TITLE'];
  const rows = scenarios.map((s) => [s.id, s.setting, s.difficulty, s.title]);
  const widths = [0, 1, 2].map((i) => largest(rows.map((r) => r[i]!.length), header[i]!.length));
  const line = (cells: string[]): string => cells.map((c, i) => (i < 3 ? c.padEnd(widths[i]!) : c)).join('  ');
  const count = `${plural(scenarios.length, 'scenario')}. Start one with: rapport practice --scenario ID`;
  return [chalk.bold(line(header)), ...rows.map(line), '', count, ''].join('\n');
}

function rule(title: string, tag: string, width: number): string {
  const used = [...title].length + [...tag].length + 8;
  return `${chalk.dim('──')} ${chalk.bold(title)} ${chalk.dim('─'.repeat(Math.max(2, width - used)))} ${chalk.dim(tag)} ${chalk.dim('──')}`;
}

export function formatScenario(scenario: Scenario, width: number): string {
  const title = [...scenario.title].length > width - 30 ? `${[...scenario.title].slice(0, width - 31).join('')}…` : scenario.title;
  return [
    rule(title, `${scenario.setting} · ${scenario.difficulty}`, width),
    chalk.dim(wrap(`Context: ${scenario.context}`, width, '  ')),
    chalk.dim(wrap(`Body language: ${scenario.bodyLanguage}`, width, '  ')),
    '',
    formatClient(scenario, width),
    '',
  ].join('\n');
}

/** The client statement, wrapped under its label. */
export function formatClient(scenario: Scenario, width: number): string {
  const [first = '', ...rest] = wrap(`Client: “${scenario.client}”`, width, '        ').split('\n');
  return [`${chalk.bold('Client:')}${chalk.italic(first.slice('Client:'.length))}`, ...rest.map((line) => chalk.italic(line))].join('\n');
}

/** A word diff (see diffWordList) wrapped to `width` visible columns; a line break never splits a word's style. */
export function diffLines(before: string, after: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  let length = 0;
  for (const w of diffWordList(before, after)) {
    if (line && length + 1 + w.size > width) {
      lines.push(line);
      line = w.text;
      length = w.size;
    } else {
      line = line ? `${line} ${w.text}` : w.text;
      length += (length ? 1 : 0) + w.size;
    }
  }
  if (line) lines.push(line);
  return lines;
}

export function formatRewrite(critique: Critique, width: number, mends: readonly RewriteChange[] = []): string {
  if (!critique.rewrite) {
    if (mends.length) return [chalk.bold('Suggested rewrite'), ...mendLines(mends, width), ''].join('\n');
    return chalk.dim('No rewrite to suggest: no rule found a phrase to change. Compare with a model reply instead.\n');
  }
  const gain = critique.rewrite.score - critique.score;
  return [
    `${chalk.bold('Suggested rewrite')} ${chalk.dim(`(scores ${critique.rewrite.score}, ${signed(gain)})`)}`,
    `  ${diffLines(critique.text, critique.rewrite.text, width - 2).join('\n  ')}`,
    chalk.dim(chalk.level === 0 ? '  [-removed-] {+added+}' : `  ${chalk.red.strikethrough('[-removed-]')} ${chalk.green.underline('{+added+}')}`),
    chalk.bold('  Why'),
    ...changeLines(critique.rewrite.changes, width, '    '),
    '',
  ].join('\n');
}

export interface ModelReply {
  text: string;
  score: number;
}

export function formatComparison(scenario: Scenario, draft: Critique, model: ModelReply, index: number, width: number): string {
  const count = scenario.modelReplies.length;
  const colour = scoreColour(model.score);
  const draftColour = scoreColour(draft.score);
  return [
    chalk.bold('What a strong reply would do'),
    ...scenario.strongReplyWould.map((point) => `  • ${wrap(point, width - 4, '    ')}`),
    chalk.dim(`  Feelings you might hear: ${scenario.emotions.join(', ')}`),
    '',
    `${chalk.bold(`Model reply${count > 1 ? ` ${index + 1} of ${count}` : ''}`)} ${colour(`(scores ${model.score})`)}`,
    `  ${wrap(model.text, width - 2, '  ')}`,
    '',
    `${chalk.bold('Your draft')} ${draftColour(`(scores ${draft.score})`)}`,
    `  ${wrap(draft.text, width - 2, '  ')}`,
    '',
  ].join('\n');
}

/** "Session ▁▃▆ 34 → 52 → 71" (the last few scores), or '' before the second attempt. */
export function formatTrend(session: Session): string {
  const scores = session.attempts.map((a) => a.score);
  if (scores.length < 2) return '';
  const recent = scores.slice(-6).join(' → ');
  return `${chalk.bold('Session')} ${chalk.cyan(sparkline(scores))}  ${chalk.dim(`${scores.length > 6 ? '… ' : ''}${recent}`)}`;
}

export function formatSummary(session: Session): string {
  const scores = session.attempts.map((a) => a.score);
  if (scores.length === 0) return 'No replies scored this time.\n';
  const scenarios = new Set(session.attempts.map((a) => a.scenario.id)).size;
  const best = Math.max(...scores);
  return [
    `${plural(scores.length, 'reply', 'replies')} on ${plural(scenarios, 'scenario')}; best score ${best}.`,
    ...(scores.length > 1 ? [`Trend ${sparkline(scores)}  ${scores.join(' → ')}`] : []),
    '',
  ].join('\n');
}
