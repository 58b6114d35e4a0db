// `rapport lint --format json`: every file with its examples and problems, the
// files that could not be read, and the totals.
import { SCHEMA_VERSION } from '../../core/types.js';
import type { LintReport, RuleInfo } from '../../lint/types.js';

export function formatJson(report: LintReport, rules: RuleInfo[]): string {
  return JSON.stringify(
    {
      schemaVersion: SCHEMA_VERSION,
      summary: report.summary,
      files: report.files.map(({ file, examples, messages, suppressed, baselined }) => ({ file, examples, messages, suppressed, baselined })),
      errors: report.problems,
      rules,
    },
    null,
    2,
  );
}
