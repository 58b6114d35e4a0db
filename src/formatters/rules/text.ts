// `rapport rules …` for a terminal.
import chalk from 'chalk';
import type { SourcedRule } from '../../core/rules/pack.js';
import type { Example, RuleDefinition } from '../../core/rules/schema.js';
import { largest } from '../../core/lists.js';
import type { SetFigures } from '../../eval/fit.js';
import type { PackProblem } from '../../io/validate-pack.js';
import { plural } from '../plural.js';
import { wrap } from '../terminal.js';
import type { FitReport, RuleRow, TestReport, TraceReport } from './report.js';

export function listText(rows: RuleRow[]): string {
  const idWidth = largest(rows.map((row) => row.id.length), 2);
  const lines = [chalk.bold(`${'id'.padEnd(idWidth)}  ${'kind'.padEnd(8)} ${'severity'.padEnd(8)} weight  type`)];
  for (const row of rows) {
    const kind = row.kind === 'strength' ? chalk.green(row.kind.padEnd(8)) : chalk.red(row.kind.padEnd(8));
    lines.push(`${row.id.padEnd(idWidth)}  ${kind} ${row.severity.padEnd(8)} ${String(row.weight).padStart(6)}  ${row.type}`);
  }
  lines.push(chalk.dim(plural(rows.length, 'rule')));
  return lines.join('\n');
}

const showExample = (example: Example): string =>
  typeof example === 'string' ? `“${example}”` : `“${example.reply}”${example.client ? chalk.dim(`  (client: “${example.client}”)`) : ''}`;

/** Fields with a place of their own in `rules show`; every other field is listed by its name. */
const PLACED = new Set(['id', 'type', 'dimension', 'kind', 'severity', 'weight', 'message', 'rationale', 'suggestion', 'behaviours', 'fix', 'examples']);
const PROSE = new Set(['message', 'rationale', 'suggestion']);
const LABELS: Record<string, string> = { rationale: 'Why', fix: 'Rewrite', of: 'None of' };

const labelOf = (field: string): string => LABELS[field] ?? `${field[0]!.toUpperCase()}${field.slice(1).replace(/[A-Z]/g, (letter) => ` ${letter.toLowerCase()}`)}`;

/** A field's value as lines: a pattern per line, behaviour codes on one, a nested mapping as `key: value` lines. */
function valueLines(value: unknown, field: string): string[] {
  if (Array.isArray(value)) return field === 'behaviours' ? [value.join(', ')] : value.flatMap((item) => valueLines(item, field));
  if (value !== null && typeof value === 'object') {
    return Object.entries(value).flatMap(([key, inner]) => valueLines(inner, key).map((line, i) => (i === 0 ? `${key}: ${line}` : `${' '.repeat(key.length + 2)}${line}`)));
  }
  return [String(value)];
}

function fieldLines(definition: RuleDefinition): [label: string, value: string, prose: boolean][] {
  const { fix } = definition;
  const fields: [string, unknown][] = [
    ['message', definition.message],
    ['rationale', definition.rationale],
    ['suggestion', definition.suggestion],
    ['behaviours', definition.behaviours?.length ? definition.behaviours : undefined],
    ['fix', fix ? [`${fix.strategy}${fix.with ? `: ${fix.with}` : ''}`, ...(fix.harm ? [`drops the ${fix.harm}`] : [])] : undefined],
    ...Object.entries(definition).filter(([field]) => !PLACED.has(field)),
  ];
  return fields.filter(([, value]) => value !== undefined).map(([field, value]) => [labelOf(field), valueLines(value, field).join('\n'), PROSE.has(field)]);
}

/** Every field the rule has, whatever its type, so a rule author sees all that decides when it fires. */
export function showText(sourced: SourcedRule): string {
  const d = sourced.definition;
  const fields = fieldLines(d);
  const width = Math.max(11, largest(fields.map(([label]) => label.length + 1), 0));
  const indent = ' '.repeat(width);
  const lines = [
    chalk.bold(d.id),
    chalk.dim(`${sourced.file}:${sourced.line}  ·  ${d.type} rule  ·  ${d.dimension}  ·  ${d.kind}  ·  ${d.severity}  ·  weight ${d.weight}`),
    '',
    ...fields.map(([label, value, prose]) => `${chalk.bold(label.padEnd(width))}${(prose ? wrap(value, 77 - width) : value).replaceAll('\n', `\n${indent}`)}`),
    '',
    chalk.bold('Fires on'),
    ...d.examples.flag.map((e) => `  ${chalk.red('✗')} ${showExample(e)}`),
    chalk.bold('Stays quiet on'),
    ...d.examples.pass.map((e) => `  ${chalk.green('✓')} ${showExample(e)}`),
  ];
  return lines.join('\n');
}

export function testText({ results, failures, sourceOf }: TestReport): string {
  const lines: string[] = [];
  for (const failure of failures) {
    const source = sourceOf.get(failure.ruleId)!;
    lines.push(`${chalk.red('FAIL')} ${failure.ruleId} ${chalk.dim(`(${source.file}:${source.line})`)}`);
    lines.push(`  ${failure.expect} example: “${failure.reply}”${failure.client ? chalk.dim(` (client: “${failure.client}”)`) : ''}`);
    lines.push(
      failure.expect === 'flag'
        ? '  expected the rule to fire, but it found nothing (try `rapport rules trace` on the example)'
        : `  expected no finding, but it matched: ${failure.matched.map((m) => `“${m}”`).join(', ')}`,
    );
  }
  const rules = new Set(results.map((result) => result.ruleId)).size;
  lines.push(
    failures.length
      ? chalk.red(`${failures.length} of ${plural(results.length, 'example')} failed across ${plural(rules, 'rule')}`)
      : chalk.green(`all ${plural(results.length, 'example')} of ${plural(rules, 'rule')} pass`),
  );
  return lines.join('\n');
}

export function traceText({ text, analysis, assessment }: TraceReport): string {
  const lines = [chalk.bold('Sentences')];
  for (const sentence of analysis.sentences) {
    lines.push(`  ${sentence.index + 1}. [${sentence.start}-${sentence.end}]${sentence.isQuestion ? ' question' : ''} “${text.slice(sentence.start, sentence.end)}”`);
  }
  lines.push('', chalk.bold('Tokens') + chalk.dim('  text/stem@start'));
  lines.push(wrap(analysis.tokens.map((t) => (t.isWord ? `${t.text}/${t.stem}@${t.start}` : chalk.dim(`${t.text}@${t.start}`))).join('  '), 78, '  ').replace(/^/, '  '));
  lines.push('', chalk.bold('Rule matches') + chalk.dim('  + strength  − issue  · coding only'));
  if (assessment.hits.length === 0) lines.push(chalk.dim('  none'));
  for (const { rule, match } of assessment.hits) {
    const d = rule.definition;
    const mark = d.kind === 'strength' ? chalk.green('+') : d.kind === 'coding' ? chalk.dim('·') : chalk.red('−');
    lines.push(`  ${mark} ${d.id} ${chalk.dim(`(${d.type})`)} [${match.start}-${match.end}] “${text.slice(match.start, match.end)}”`);
  }
  lines.push('', chalk.bold('Behaviours'));
  for (const behaviour of assessment.critique.behaviours) lines.push(`  ${behaviour.code} [${behaviour.start}-${behaviour.end}]`);
  if (assessment.critique.behaviours.length === 0) lines.push(chalk.dim('  none'));
  return lines.join('\n');
}

const figureLine = (set: SetFigures): string =>
  `${set.name}  n=${set.n}  rank correlation ${set.spearman === null ? '–' : set.spearman.toFixed(2)}  good ≥ 70 ${Math.round(set.good * 100)}%  poor ≤ 45 ${Math.round(set.poor * 100)}%`;

export function fitText({ result, written }: FitReport): string {
  const lines = [chalk.bold('Fitted to')];
  result.before.fitted.forEach((set, i) => lines.push(`  before ${figureLine(set)}`, `  after  ${figureLine(result.after.fitted[i]!)}`));
  if (result.before.heldOut.length) {
    lines.push('', chalk.bold('Held out (not fitted: the honest figure)'));
    result.before.heldOut.forEach((set, i) => lines.push(`  before ${figureLine(set)}`, `  after  ${figureLine(result.after.heldOut[i]!)}`));
  }
  lines.push('', chalk.bold('Weights'));
  if (result.changes.length === 0) lines.push(chalk.dim('  no change improves the fit'));
  const width = largest(result.changes.map((change) => change.ruleId.length), 0);
  for (const change of result.changes) lines.push(`  ${change.ruleId.padEnd(width)}  ${String(change.from).padStart(3)} → ${change.to}`);
  lines.push('', written.length ? `written to ${written.join(', ')}` : chalk.dim(result.changes.length ? 'not written: add --write to set these weights in the rule files' : ''));
  return lines.join('\n').trimEnd();
}

/** One line per problem, `file:line:column: rule "id": message`, then how many and where. */
export function problemsText(problems: readonly PackProblem[], dirs: readonly string[]): string {
  const lines = problems.map((problem) => `rapport: ${problem.file}:${problem.line}:${problem.column}: ${problem.ruleId ? `rule "${problem.ruleId}": ` : ''}${problem.message}`);
  return [...lines, `rapport: ${plural(problems.length, 'problem')} in ${dirs.join(', ')}`].join('\n');
}

export const validText = (rules: number, dirs: readonly string[]): string => `${chalk.green('valid')}: ${plural(rules, 'rule')} in ${dirs.length ? dirs.join(', ') : 'the built-in pack'}`;
