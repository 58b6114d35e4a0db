// `rapport lint --format github`: GitHub Actions workflow commands, which the
// runner turns into annotations on the pull request's changed lines.
// https://docs.github.com/actions/reference/workflow-commands-for-github-actions
import type { LintReport } from '../../lint/types.js';
import { plural } from '../plural.js';

const COMMAND = { error: 'error', warning: 'warning', info: 'notice' } as const;

/** Escaping of a command's message. */
export const escapeData = (text: string): string => text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');

/** Escaping of a property value (file=, title=): also the separators. */
export const escapeProperty = (text: string): string => escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');

function command(name: string, properties: Record<string, string | number | null>, message: string): string {
  const props = Object.entries(properties)
    .filter(([, value]) => value !== null)
    .map(([key, value]) => `${key}=${escapeProperty(String(value))}`)
    .join(',');
  return `::${name} ${props}::${escapeData(message)}`;
}

export function formatGithub(report: LintReport): string {
  const lines: string[] = [];
  for (const file of report.files) {
    for (const m of file.messages) {
      // GitHub's end column is the span's last column, inclusive. GitHub takes
      // columns only for an annotation on one line, so a span over several lines
      // gives lines alone.
      const sameLine = m.endLine === m.line;
      const col = sameLine ? m.column : null;
      const endColumn = sameLine ? Math.max(m.column, m.endColumn - 1) : null;
      const message = m.suggestion ? `${m.message}\n${m.suggestion}` : m.message;
      lines.push(
        command(
          COMMAND[m.severity],
          { file: file.file, line: m.line, col, endLine: m.endLine, endColumn, title: `rapport ${m.ruleId}` },
          message,
        ),
      );
    }
  }
  for (const problem of report.problems) {
    lines.push(command('error', { file: problem.file, line: problem.line, col: problem.column, title: 'rapport: cannot lint this file' }, problem.message));
  }
  const s = report.summary;
  lines.push(
    `rapport lint: ${plural(s.errors, 'error')}, ${plural(s.warnings, 'warning')}, ${s.infos} info in ${plural(s.examples, 'example')} across ${plural(s.files, 'file')}` +
      (s.suppressed ? `, ${s.suppressed} suppressed` : '') +
      (s.baselined ? `, ${s.baselined} in the baseline` : '') +
      (s.unreadable ? `, ${s.unreadable} unreadable` : ''),
  );
  return lines.join('\n');
}
