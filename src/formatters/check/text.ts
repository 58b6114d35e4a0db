// The terminal view of one critique, in the order a student reads it: score,
// dimension bars, what works, what undermines rapport, then the rewrite.
import chalk from 'chalk';
import type { Scores } from '../../core/findings/score.js';
import { ACROSS_DIMENSIONS, BASELINE, FAULT_FLOOR, MIXED_CEILING, OVERLAPPING, WITHIN_DIMENSION } from '../../core/findings/score.js';
import type { CompiledPack } from '../../core/rules/pack.js';
import { DIMENSIONS, type Critique, type RewriteChange } from '../../core/types.js';
import { bar, changeLines, mendLines, scoreColour, underline, WIDTH, wordDiff, wrap } from '../terminal.js';

export interface TextOptions {
  explain?: boolean;
  width?: number;
  /** the changes of a rewrite that did not score higher, shown one by one instead of it */
  mends?: readonly RewriteChange[];
}

const SEVERITY_MARK = { error: chalk.red('error'), warning: chalk.yellow('warning'), info: chalk.blue('info') } as const;

function explainScores(scores: Scores): string[] {
  const signed = (points: number): string => `${points >= 0 ? '+' : '−'}${Math.abs(points)}`;
  const lines = [
    chalk.bold('How the score adds up'),
    chalk.dim(`  starts at ${BASELINE}; each rule counts once; issues count in full, except one on`),
    chalk.dim(`  words another issue covers ×${OVERLAPPING}; strengths saturate: each further one in a`),
    chalk.dim(`  dimension ×${WITHIN_DIMENSION}, each further dimension ×${ACROSS_DIMENSIONS}`),
  ];
  for (const dimension of DIMENSIONS) {
    const parts = scores.contributions.filter((c) => c.dimension === dimension);
    if (parts.length === 0) continue;
    const terms = parts.map((c) => (c.points === c.weight ? `${signed(c.points)} ${c.ruleId}` : `${signed(c.points)} ${c.ruleId} (of ${Math.abs(c.weight)})`));
    lines.push(`  ${dimension.padEnd(11)} ${wrap(terms.join(' '), WIDTH - 14, ' '.repeat(14))}`);
  }
  const total = Math.round(scores.contributions.reduce((sum, c) => sum + c.points, 0) * 10) / 10;
  const clean = scores.clean ? ` ${signed(scores.clean)} nothing to fault` : '';
  const floor = scores.floored ? `, held at ${FAULT_FLOOR}: faults alone go no lower, only harm does` : '';
  lines.push(`  overall     ${BASELINE} ${signed(total)}${clean} = ${scores.floored ? Math.max(0, Math.round(BASELINE + total)) : scores.uncapped}${floor}`);
  if (scores.cap) {
    const why = scores.cap.cap === MIXED_CEILING ? 'a real fault keeps a reply out of good' : 'harm outweighs every strength';
    lines.push(`  ${chalk.bold('capped')}      at ${scores.cap.cap} while ${scores.cap.ruleId} fires: ${why}`);
  }
  return lines;
}

export function formatText(critique: Critique, scores: Scores, pack: CompiledPack, options: TextOptions = {}): string {
  const width = options.width ?? WIDTH;
  const out: string[] = [];
  const colour = scoreColour(critique.score);
  out.push(`${chalk.bold('Score')} ${colour(chalk.bold(`${critique.score}/100`))}  ${colour(critique.band)}`, '');
  for (const dimension of DIMENSIONS) {
    const value = critique.dimensions[dimension].score;
    out.push(`  ${dimension.padEnd(11)} ${bar(value)} ${String(value).padStart(3)}`);
  }
  out.push('');

  const strengths = critique.findings.filter((f) => f.kind === 'strength');
  // Errors first: a student reads the worst problem before the small ones.
  const rank = { error: 0, warning: 1, info: 2 } as const;
  const issues = critique.findings.filter((f) => f.kind === 'issue').sort((a, b) => rank[a.severity] - rank[b.severity] || a.start - b.start);
  const rationale = (ruleId: string): string => pack.sourceOf.get(ruleId)?.definition.rationale ?? '';

  const whatWorks = (): void => {
    if (strengths.length) {
      out.push(chalk.bold.green('What works'));
      for (const f of strengths) {
        out.push(`  ${chalk.green('✓')} ${wrap(f.message, width - 4, '    ')}`);
        out.push(chalk.dim(`    “${f.match.length > 60 ? `${f.match.slice(0, 57)}…` : f.match}”  ${f.ruleId}`));
        if (options.explain) out.push(chalk.dim(`    ${wrap(rationale(f.ruleId), width - 4, '    ')}`));
      }
      out.push('');
    }
  };
  const whatUndermines = (): void => {
    if (issues.length) {
      out.push(chalk.bold.red('What undermines rapport'));
      for (const f of issues) {
        out.push(`  ${chalk.red('✗')} ${SEVERITY_MARK[f.severity]} ${wrap(f.message, width - 14, '    ')}`);
        out.push(
          underline(critique.text, f.start, f.end, width - 4)
            .split('\n')
            .map((line) => `    ${line}`)
            .join('\n'),
        );
        if (f.suggestion) out.push(`    ${chalk.cyan('→')} ${wrap(f.suggestion, width - 6, '      ')}`);
        out.push(chalk.dim(`    ${f.line}:${f.column}  ${f.ruleId}`));
        if (options.explain) out.push(chalk.dim(`    ${wrap(rationale(f.ruleId), width - 4, '    ')}`));
      }
      out.push('');
    }
  };
  // An error (harm, a risk left unanswered) is read before any praise: a student who skims sees it first.
  if (issues.some((f) => f.severity === 'error')) {
    whatUndermines();
    whatWorks();
  } else {
    whatWorks();
    whatUndermines();
  }
  if (!strengths.length && !issues.length) {
    out.push(chalk.dim('No rule found anything to praise or fault here. Try naming the feeling you hear, or asking one open question.'), '');
  }
  if (critique.rewrite) {
    const gain = critique.rewrite.score - critique.score;
    out.push(`${chalk.bold('Suggested rewrite')} ${chalk.dim(`(scores ${critique.rewrite.score}, +${gain})`)}`);
    out.push(`  ${wrap(wordDiff(critique.text, critique.rewrite.text), width - 2, '  ')}`);
    out.push(chalk.dim('  [-removed-] {+added+}'), chalk.bold('  Why'), ...changeLines(critique.rewrite.changes, width, '    '), '');
  } else if (options.mends?.length) {
    out.push(chalk.bold('Suggested rewrite'), ...mendLines(options.mends, width), '');
  }
  if (options.explain) out.push(...explainScores(scores), '');
  return out.join('\n');
}
