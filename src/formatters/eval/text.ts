// The terminal view of `rapport eval`: one table of agreement figures, the
// transcript-level AUC, per-rule firing, then (with --examples) the worst
// disagreements to guide rule edits.
import chalk from 'chalk';
import type { EvalReport, Example, Measure } from '../../eval/evaluate.js';
import { WIDTH, wrap } from '../terminal.js';
import { plural } from '../plural.js';

export const fixed = (value: number | null, digits = 2): string => (value === null ? '–' : value.toFixed(digits));

function clip(text: string, max: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

export function exampleLines(kind: string, examples: Example[], shares = true): string[] {
  if (examples.length === 0) return [];
  const out = [`  ${chalk.bold(kind)}`];
  for (const e of examples) {
    out.push(`    ${chalk.dim(`${e.transcript}:${e.id} (line ${e.line})`)} human ${e.human}${shares ? ` (${Math.round(e.agreement * 100)}% of ${e.annotators})` : ''}, rapport ${e.rapport}`);
    if (e.client) out.push(chalk.dim(`      client: ${clip(e.client, WIDTH - 14)}`));
    out.push(`      ${wrap(`“${clip(e.text, 400)}”`, WIDTH - 6, '      ')}`);
    if (e.rules.length) out.push(chalk.dim(`      ${wrap(`rules: ${e.rules.join(', ')}`, WIDTH - 6, '      ')}`));
  }
  return out;
}

export function measureRow(m: Measure, unmeasured = 'not coded in this file'): string {
  if (!m.measured) return `  ${m.title.padEnd(30)} ${chalk.dim(unmeasured)}`;
  const c = m.confusion;
  return [
    `  ${m.title.padEnd(30)}`,
    String(m.n).padStart(5),
    fixed(m.accuracy).padStart(5),
    fixed(m.precision).padStart(5),
    fixed(m.recall).padStart(5),
    fixed(m.f1).padStart(5),
    fixed(m.kappa).padStart(6),
    `  ${c.tp}/${c.fp}/${c.fn}/${c.tn}`,
  ].join(' ');
}

export function formatEvalText(report: EvalReport): string {
  const out: string[] = [];
  const { counts } = report;
  out.push(chalk.bold(`Agreement with human codes: ${report.file}`));
  out.push(
    `  ${plural(counts.utterances, 'counsellor utterance')} in ${plural(counts.transcripts, 'transcript')} (${plural(counts.rows, 'coded row')}; ${plural(counts.multiAnnotated, 'utterance')} with several annotators)`,
  );
  out.push(chalk.dim(`  layout: ${report.layout}`));
  out.push(chalk.dim(`  ${wrap(`Annotators: ${report.combination}.`, WIDTH - 2, '  ')}`));
  out.push('');
  out.push(chalk.bold(`  ${'measure'.padEnd(30)}     n   acc  prec   rec    F1  kappa  tp/fp/fn/tn`));
  for (const m of report.measures) out.push(measureRow(m));
  out.push(chalk.dim('  open vs closed and simple vs complex count only utterances both sides coded as a question / reflection;'));
  out.push(chalk.dim('  their positive class is open / complex.'));
  out.push('');
  const t = report.transcripts;
  if (t.measured) {
    out.push(
      `  ${chalk.bold('transcript AUC')} (mean turn score, high vs low quality): ${fixed(t.auc, 3)}  ` +
        `(${t.high} high, mean ${fixed(t.meanHigh, 1)}; ${t.low} low, mean ${fixed(t.meanLow, 1)})`,
    );
  } else {
    out.push(`  ${chalk.bold('transcript AUC')}: ${chalk.dim('needs transcripts of both quality levels (a quality column such as mi_quality)')}`);
  }
  out.push('');
  out.push(chalk.bold('  Rules that fired'));
  out.push(chalk.dim(`  ${'rule'.padEnd(40)} fired  rate  precision (against)`));
  out.push(...ruleAndExampleLines(report), '', ...summaryTable(report));
  return out.join('\n');
}

/** Per-rule firing, then (with --examples) each measure's worst disagreements; `shares` shows how many annotators agreed. */
export function ruleAndExampleLines(report: EvalReport, shares = true): string[] {
  const out: string[] = [];
  for (const r of report.rules.filter((rule) => rule.fired > 0)) {
    const precision = r.against === null ? chalk.dim('–') : `${fixed(r.precision)} (${r.against})`;
    out.push(`  ${r.id.padEnd(40)} ${String(r.fired).padStart(5)} ${fixed(r.rate).padStart(5)}  ${precision}`);
  }
  const withExamples = report.measures.filter((m) => m.examples && (m.examples.falsePositives.length || m.examples.falseNegatives.length));
  for (const m of withExamples) {
    out.push('', chalk.bold(`Worst disagreements: ${m.title}`));
    out.push(...exampleLines('false positives (rapport said so, the humans did not)', m.examples!.falsePositives, shares));
    out.push(...exampleLines('false negatives (the humans said so, rapport did not)', m.examples!.falseNegatives, shares));
  }
  return out;
}

const REFERENCES: Record<string, string> = {
  'question.open': 'Tanana et al. 2016: kappa > .60',
  reflection: 'Can et al. 2016: precision .73, recall .93 (F1 ≈ .82)',
  auc: '',
};

/** The headline figures as a Markdown table, for the README (`npm run eval`). */
export function summaryTable(report: EvalReport): string[] {
  const byId = (list: readonly Measure[] | undefined, id: string): Measure | undefined => list?.find((m) => m.id === id);
  const rows: [string, (m: Measure | undefined) => string, string, string][] = [
    ['question.open', (m) => (m?.measured ? `accuracy ${fixed(m.accuracy)}, kappa ${fixed(m.kappa)}` : '–'), 'open/closed question accuracy (target ≥ .88)', REFERENCES['question.open']!],
    ['question', (m) => (m?.measured ? `F1 ${fixed(m.f1)}, kappa ${fixed(m.kappa)}` : '–'), 'question present', ''],
    ['reflection', (m) => (m?.measured ? `F1 ${fixed(m.f1)} (P ${fixed(m.precision)}, R ${fixed(m.recall)}), kappa ${fixed(m.kappa)}` : '–'), 'reflection present, F1 (target ≥ .70)', REFERENCES.reflection!],
    ['reflection.complex', (m) => (m?.measured ? `accuracy ${fixed(m.accuracy)}, kappa ${fixed(m.kappa)}` : '–'), 'simple vs complex reflection', ''],
    ['advice', (m) => (m?.measured ? `F1 ${fixed(m.f1)}, kappa ${fixed(m.kappa)}` : '–'), 'advice or directive, F1 (target ≥ .50)', ''],
  ];
  const out = [
    chalk.bold('Summary (Markdown, for the README)'),
    '',
    '| measure | rapport | simple baseline | published |',
    '|---|---|---|---|',
  ];
  for (const [id, show, title, reference] of rows) {
    out.push(`| ${title} | ${show(byId(report.measures, id))} | ${show(byId(report.baseline?.measures, id))} | ${reference} |`);
  }
  const auc = (t: EvalReport['transcripts'] | undefined): string => (t?.measured ? fixed(t.auc) : '–');
  out.push(`| transcript AUC, high vs low MI quality (target ≥ .92) | ${auc(report.transcripts)} | ${auc(report.baseline?.transcripts)} | |`);
  out.push('| human coders, utterance kappa |  |  | .31 to .64 (Perez-Rosas et al. 2016) |');
  out.push('', `${plural(report.counts.utterances, 'counsellor utterance')}, ${plural(report.counts.transcripts, 'transcript')}; ${report.combination}.`);
  return out;
}
