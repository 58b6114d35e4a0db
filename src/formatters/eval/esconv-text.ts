// The terminal view of `rapport eval` on ESConv's strategy labels: the
// mapping used, one row per strategy, per-rule firing, the worst
// disagreements, and the README's table with the simple baseline beside.
import chalk from 'chalk';
import type { EvalReport, Measure } from '../../eval/evaluate.js';
import { WIDTH, wrap } from '../terminal.js';
import { fixed, measureRow, ruleAndExampleLines } from './text.js';

export function formatEsconvText(report: EvalReport): string {
  const esconv = report.esconv!;
  const { reading } = esconv;
  const out: string[] = [];
  out.push(chalk.bold(`Agreement with strategy labels: ${report.file}`));
  out.push(
    `  ${reading.distinct} distinct supporter turns in ${reading.dialogues} dialogues (${reading.lines} lines; ${reading.supporterTurns} supporter turns read, repeats included)`,
  );
  out.push(chalk.dim(`  layout: ${report.layout}`));
  out.push('');
  out.push(chalk.bold(`  ${'strategy'.padEnd(30)} turns  rapport codes compared`));
  for (const s of esconv.strategies) {
    const codes = s.codes.length ? s.codes.join(', ') : chalk.dim('none');
    const unused = s.unused.length ? chalk.dim(` (${s.unused.join(', ')}: not a rapport code)`) : '';
    out.push(`  ${s.strategy.padEnd(30)} ${String(s.turns).padStart(5)}  ${codes}${unused}`);
  }
  out.push('');
  out.push(chalk.bold(`  ${'strategy'.padEnd(30)}     n   acc  prec   rec    F1  kappa  tp/fp/fn/tn`));
  for (const m of report.measures) out.push(measureRow(m, 'no rapport code for it'));
  out.push(chalk.dim(`  ${wrap(`Scoring: ${esconv.scoring}.`, WIDTH - 2, '  ')}`));
  out.push('');
  out.push(chalk.bold('  Rules that fired'));
  out.push(chalk.dim(`  ${'rule'.padEnd(40)} fired  rate  precision (against)`));
  // One crowd worker labelled each turn: there is no share of annotators to show.
  out.push(...ruleAndExampleLines(report, false), '', ...esconvSummaryTable(report));
  return out.join('\n');
}

const prf = (m: Measure | undefined): string => (m?.measured ? `F1 ${fixed(m.f1)} (P ${fixed(m.precision)}, R ${fixed(m.recall)})` : '–');

/** The per-strategy figures as a Markdown table, for the README (`npm run eval`). */
export function esconvSummaryTable(report: EvalReport): string[] {
  const esconv = report.esconv!;
  const out = [
    chalk.bold('Summary (Markdown, for the README: ESConv)'),
    '',
    '| strategy | turns | rapport codes | rapport | simple baseline |',
    '|---|---|---|---|---|',
  ];
  for (const s of esconv.strategies) {
    const codes = s.codes.length ? s.codes.map((code) => `\`${code}\``).join(', ') : 'none';
    const rapport = report.measures.find((m) => m.id === s.id);
    const baseline = report.baseline?.measures.find((m) => m.id === s.id);
    out.push(`| ${s.strategy} | ${s.turns} | ${codes} | ${prf(rapport)} | ${prf(baseline)} |`);
  }
  out.push('', `${esconv.reading.distinct} distinct supporter turns, ${esconv.reading.dialogues} dialogues; ${esconv.scoring}.`);
  return out;
}
