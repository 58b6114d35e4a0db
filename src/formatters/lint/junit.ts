// `rapport lint --format junit`: JUnit XML, which GitLab, Jenkins and Azure
// show as test results. One test suite a file, one test case an example; an
// example fails with a failure per error or warning (info is reported as output).
import type { ExampleResult, FileResult, LintMessage, LintReport } from '../../lint/types.js';

/** Text safe inside XML content and attribute values: escaped, and without characters XML 1.0 forbids. */
export function xml(text: string): string {
  return text
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '')
    .replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;')
    .replace(/\r/g, '&#13;')
    .replace(/\n/g, '&#10;');
}

const short = (text: string, max = 60): string => {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
};

/**
 * Each example's messages: those of its text within its lines, in file order. Found by text and
 * then by line (messages are sorted by line), so a file of many examples costs no more than its length.
 */
function messagesByExample(file: FileResult): (example: ExampleResult) => LintMessage[] {
  const byText = new Map<string, LintMessage[]>();
  for (const message of file.messages) {
    let list = byText.get(message.example);
    if (!list) byText.set(message.example, (list = []));
    list.push(message);
  }
  return (example) => {
    const list = byText.get(example.text) ?? [];
    let low = 0;
    let high = list.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (list[middle]!.line < example.line) low = middle + 1;
      else high = middle;
    }
    const found: LintMessage[] = [];
    for (let i = low; i < list.length && list[i]!.line <= example.endLine; i += 1) if (list[i]!.endLine <= example.endLine) found.push(list[i]!);
    return found;
  };
}

export function formatJunit(report: LintReport): string {
  const suites: string[] = [];
  let tests = 0;
  let failures = 0;
  for (const file of report.files) {
    const cases: string[] = [];
    let fileFailures = 0;
    const messagesOf = messagesByExample(file);
    for (const example of file.examples) {
      const messages = messagesOf(example);
      const failing = messages.filter((m) => m.severity !== 'info');
      const notes = messages.filter((m) => m.severity === 'info');
      const name = `${file.file}:${example.line}:${example.column} ${example.speaker}: “${short(example.text)}” (score ${example.score})`;
      const body = [
        ...failing.map(
          (m) =>
            `      <failure type="${xml(m.ruleId)}" message="${xml(`${m.severity}: ${m.message}`)}">${xml(
              `${file.file}:${m.line}:${m.column} ${m.severity} ${m.message} (${m.ruleId})${m.suggestion ? `\n${m.suggestion}` : ''}`,
            )}</failure>`,
        ),
        ...(notes.length ? [`      <system-out>${xml(notes.map((m) => `${file.file}:${m.line}:${m.column} info ${m.message} (${m.ruleId})`).join('\n'))}</system-out>`] : []),
      ];
      if (failing.length) fileFailures++;
      cases.push(
        `    <testcase classname="${xml(file.file)}" name="${xml(name)}" file="${xml(file.file)}" line="${example.line}"${body.length ? `>\n${body.join('\n')}\n    </testcase>` : ' />'}`,
      );
    }
    tests += file.examples.length;
    failures += fileFailures;
    suites.push(
      `  <testsuite name="${xml(file.file)}" tests="${file.examples.length}" failures="${fileFailures}" errors="0" skipped="0">${cases.length ? `\n${cases.join('\n')}\n  ` : ''}</testsuite>`,
    );
  }
  for (const problem of report.problems) {
    const where = [problem.file, problem.line, problem.line !== null ? problem.column : null].filter((part) => part !== null).join(':');
    tests++;
    suites.push(
      `  <testsuite name="${xml(problem.file)}" tests="1" failures="0" errors="1" skipped="0">\n    <testcase classname="${xml(problem.file)}" name="${xml(`${problem.file}: read and parse`)}" file="${xml(problem.file)}">\n      <error type="unreadable" message="${xml(problem.message)}">${xml(`${where}: ${problem.message}`)}</error>\n    </testcase>\n  </testsuite>`,
    );
  }
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="rapport lint" tests="${tests}" failures="${failures}" errors="${report.problems.length}">`,
    ...suites,
    '</testsuites>',
  ].join('\n');
}
