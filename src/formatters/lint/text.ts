// `rapport lint` in the terminal: stylish, grouped by file, one line a problem.
import chalk from 'chalk';
import type { LintReport } from '../../lint/types.js';
import { plural } from '../plural.js';
import { largest } from '../../core/lists.js';

const SEVERITY_COLOUR = { error: chalk.red, warning: chalk.yellow, info: chalk.blue } as const;

export function formatText(report: LintReport): string {
  const out: string[] = [];
  for (const file of report.files) {
    if (file.messages.length === 0) continue;
    out.push(chalk.underline(file.file));
    const width = largest(file.messages.map((m) => `${m.line}:${m.column}`.length));
    for (const m of file.messages) {
      const where = `${m.line}:${m.column}`.padEnd(width);
      out.push(`  ${chalk.dim(where)}  ${SEVERITY_COLOUR[m.severity](m.severity.padEnd(7))}  ${m.message}  ${chalk.dim(m.ruleId)}`);
      if (m.suggestion) out.push(`  ${' '.repeat(width)}  ${' '.repeat(7)}  ${chalk.dim(m.suggestion)}`);
    }
    out.push('');
  }
  for (const problem of report.problems) {
    const where = [problem.file, problem.line, problem.line !== null ? problem.column : null].filter((part) => part !== null).join(':');
    out.push(`${chalk.red('✖')} ${where}: ${problem.message}`);
  }
  if (report.problems.length) out.push('');
  const s = report.summary;
  const problems = s.errors + s.warnings + s.infos;
  const scanned = `${plural(s.examples, 'example')} in ${plural(s.files, 'file')}`;
  const extras = [
    s.suppressed ? `${s.suppressed} suppressed` : '',
    s.baselined ? `${s.baselined} in the baseline` : '',
    s.unreadable ? `${plural(s.unreadable, 'file')} could not be read` : '',
  ].filter(Boolean);
  const tail = extras.length ? chalk.dim(` (${extras.join(', ')})`) : '';
  if (problems === 0) {
    out.push(`${s.unreadable ? chalk.red('✖') : chalk.green('✔')} no problems in ${scanned}${tail}`);
  } else {
    const mark = s.errors ? chalk.red.bold('✖') : chalk.yellow.bold('⚠');
    const counts = [plural(s.errors, 'error'), plural(s.warnings, 'warning'), ...(s.infos ? [`${s.infos} info`] : [])].join(', ');
    out.push(`${mark} ${plural(problems, 'problem')} (${counts}) in ${scanned}${tail}`);
  }
  return out.join('\n');
}
