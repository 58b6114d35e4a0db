// A compact view of one critique for `rapport practice`: the score (and its
// change since the last attempt), the four dimension bars, and the top
// strengths and issues, in about a dozen lines so it fits an 80x24 terminal
// under the scenario. `rapport check` gives the full view.
import chalk from 'chalk';
import { DIMENSIONS, type Critique, type Finding } from '../../core/types.js';
import { bar, scoreColour, WIDTH, wrap } from '../terminal.js';

export interface CompactOptions {
  /** The previous attempt's score, to show the change. */
  previous?: number | null;
  width?: number;
  /** How many strengths and issues to show (the rest are counted). */
  strengths?: number;
  issues?: number;
}

const SEVERITY_ORDER = { error: 0, warning: 1, info: 2 } as const;

/** "+12", "−5" or "±0". */
export function signed(change: number): string {
  return change > 0 ? `+${change}` : change < 0 ? `−${Math.abs(change)}` : '±0';
}

export function scoreChange(score: number, previous: number | null | undefined): string {
  if (previous === null || previous === undefined) return '';
  const change = score - previous;
  const text = `${change > 0 ? '▲' : change < 0 ? '▼' : '='} ${signed(change)} since your last draft (${previous})`;
  return change > 0 ? chalk.green(text) : change < 0 ? chalk.red(text) : chalk.dim(text);
}

function quote(match: string): string {
  const oneLine = match.replace(/\s+/g, ' ');
  return `“${oneLine.length > 40 ? `${oneLine.slice(0, 39)}…` : oneLine}”`;
}

function item(mark: string, finding: Finding, width: number): string {
  // Most messages already quote what they found; add the words only when not.
  const text = finding.message.includes(finding.match) ? finding.message : `${finding.message} ${chalk.dim(quote(finding.match))}`;
  return `  ${mark} ${wrap(text, width - 4, '    ')}`;
}

export function formatCompact(critique: Critique, options: CompactOptions = {}): string {
  const width = options.width ?? WIDTH;
  const colour = scoreColour(critique.score);
  const out: string[] = [];
  const change = scoreChange(critique.score, options.previous);
  out.push(`${chalk.bold('Score')} ${colour(chalk.bold(`${critique.score}/100`))}  ${colour(critique.band)}${change ? `   ${change}` : ''}`);
  // Two dimensions a line, so the critique stays short enough for 80x24.
  const cells = DIMENSIONS.map((dimension) => {
    const value = critique.dimensions[dimension].score;
    return `${dimension.padEnd(11)} ${bar(value, 12)} ${String(value).padStart(3)}`;
  });
  for (let i = 0; i < cells.length; i += 2) out.push(`  ${cells.slice(i, i + 2).join('    ')}`);
  const strengths = critique.findings.filter((f) => f.kind === 'strength');
  const issues = critique.findings
    .filter((f) => f.kind === 'issue')
    .sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] || a.start - b.start);
  const maxStrengths = options.strengths ?? 2;
  const maxIssues = options.issues ?? 2;
  for (const f of strengths.slice(0, maxStrengths)) out.push(item(chalk.green('✓'), f, width));
  for (const f of issues.slice(0, maxIssues)) {
    out.push(item(chalk.red('✗'), f, width));
    if (f.suggestion) out.push(`    ${chalk.cyan('→')} ${wrap(f.suggestion, width - 6, '      ')}`);
  }
  const hidden = Math.max(0, strengths.length - maxStrengths) + Math.max(0, issues.length - maxIssues);
  if (hidden > 0) out.push(chalk.dim(`  …and ${hidden} more (rapport check shows them all)`));
  if (!strengths.length && !issues.length) {
    out.push(chalk.dim(`  ${wrap('Nothing to praise or fault yet. Try naming the feeling you hear, or asking one open question.', width - 2, '  ')}`));
  }
  return out.join('\n');
}
