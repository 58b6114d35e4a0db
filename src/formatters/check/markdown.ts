// A critique as Markdown, for pasting into a supervision note or an issue.
import { DIMENSIONS, type Critique, type RewriteChange } from '../../core/types.js';

const escapeCell = (text: string): string => text.replace(/\|/g, '\\|').replace(/\n/g, ' ');

export function formatMarkdown(critique: Critique, mends: readonly RewriteChange[] = []): string {
  const lines = [`## Reply scored ${critique.score}/100 (${critique.band})`, '', `> ${critique.text.replace(/\n/g, '\n> ')}`, ''];
  if (critique.client) lines.push(`Client: _${critique.client.replace(/\n/g, ' ')}_`, '');
  lines.push('| dimension | score |', '| --- | ---: |', ...DIMENSIONS.map((d) => `| ${d} | ${critique.dimensions[d].score} |`), '');
  const strengths = critique.findings.filter((f) => f.kind === 'strength');
  const issues = critique.findings.filter((f) => f.kind === 'issue');
  const works: string[] = strengths.length ? ['### What works', '', ...strengths.map((f) => `- ${f.message} (“${f.match}”, \`${f.ruleId}\`)`), ''] : [];
  const undermines: string[] = issues.length
    ? [
        '### What undermines rapport',
        '',
        '| where | severity | finding | try instead |',
        '| --- | --- | --- | --- |',
        ...issues.map((f) => `| ${f.line}:${f.column} “${escapeCell(f.match)}” | ${f.severity} | ${escapeCell(f.message)} (\`${f.ruleId}\`) | ${escapeCell(f.suggestion ?? '')} |`),
        '',
      ]
    : [];
  // Harm is read before praise.
  lines.push(...(issues.some((f) => f.severity === 'error') ? [...undermines, ...works] : [...works, ...undermines]));
  if (critique.rewrite) {
    lines.push(`### Suggested rewrite (${critique.rewrite.score}/100)`, '', `> ${critique.rewrite.text}`, '', 'Why:', '', ...critique.rewrite.changes.map((c) => `- ${c.reason}`), '');
  } else if (mends.length) {
    lines.push('### Suggested rewrite', '', 'No rewrite put together from these mends scored higher than the draft, so none is offered. Try them one at a time:', '');
    lines.push(...mends.map((m) => `- ${m.reason}${m.replacement ? `: “${m.replacement}”` : ''}`), '');
  }
  return lines.join('\n');
}
