// rapport rules: browse, document, self-test, validate and debug rule packs.
import chalk from 'chalk';
import { Command } from 'commander';
import { statSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { critiqueReply } from '../../core/critique.js';
import { runExamples } from '../../core/rules/examples.js';
import type { CompiledPack } from '../../core/rules/pack.js';
import type { Example } from '../../core/rules/schema.js';
import { analyse } from '../../core/tokens/analyse.js';
import { wrap } from '../../formatters/terminal.js';
import { InputError, UsageError } from '../../io/errors.js';
import { emit } from '../../io/output.js';
import { loadConfig } from '../../io/config.js';
import { validatePacks } from '../../io/validate-pack.js';
import { OPTIONS, withRuleOptions, type CommonOptions } from '../options.js';
import { setup } from '../setup.js';
import { plural } from '../../formatters/plural.js';
import { readCalibration } from '../../readers/calibration.js';
import { firedIn, fitWeights, type SetFigures } from '../../eval/fit.js';
import { writeWeights } from '../../io/rule-weights.js';
import { readTextFile } from '../../io/input.js';
import { largest } from '../../core/lists.js';

const common = withRuleOptions;

function list(pack: CompiledPack, options: CommonOptions): void {
  const rows = pack.rules.map(({ definition: d }) => ({
    id: d.id,
    type: d.type,
    dimension: d.dimension,
    kind: d.kind,
    severity: d.severity,
    weight: d.weight,
    behaviours: d.behaviours ?? [],
    message: d.message,
  }));
  if (options.format === 'json') return emit(JSON.stringify(rows, null, 2), options.out);
  const idWidth = largest(rows.map((row) => row.id.length), 2);
  const lines = [chalk.bold(`${'id'.padEnd(idWidth)}  ${'kind'.padEnd(8)} ${'severity'.padEnd(8)} weight  type`)];
  for (const row of rows) {
    const kind = row.kind === 'strength' ? chalk.green(row.kind.padEnd(8)) : chalk.red(row.kind.padEnd(8));
    lines.push(`${row.id.padEnd(idWidth)}  ${kind} ${row.severity.padEnd(8)} ${String(row.weight).padStart(6)}  ${row.type}`);
  }
  lines.push(chalk.dim(plural(rows.length, 'rule')));
  emit(lines.join('\n'), options.out);
}

const showExample = (example: Example): string =>
  typeof example === 'string' ? `“${example}”` : `“${example.reply}”${example.client ? chalk.dim(`  (client: “${example.client}”)`) : ''}`;

function show(pack: CompiledPack, id: string, options: CommonOptions): void {
  const sourced = pack.sourceOf.get(id);
  if (!sourced) throw new UsageError(`no rule "${id}" (see rapport rules list)`);
  const d = sourced.definition;
  if (options.format === 'json') return emit(JSON.stringify({ ...d, source: `${sourced.file}:${sourced.line}` }, null, 2), options.out);
  const lines = [
    chalk.bold(d.id),
    chalk.dim(`${sourced.file}:${sourced.line}  ·  ${d.type} rule  ·  ${d.dimension}  ·  ${d.kind}  ·  ${d.severity}  ·  weight ${d.weight}`),
    '',
    `${chalk.bold('Message')}    ${wrap(d.message, 66, '            ')}`,
    `${chalk.bold('Why')}        ${wrap(d.rationale, 66, '            ')}`,
  ];
  if (d.suggestion) lines.push(`${chalk.bold('Suggestion')} ${wrap(d.suggestion, 66, '            ')}`);
  if (d.behaviours?.length) lines.push(`${chalk.bold('Behaviours')} ${d.behaviours.join(', ')}`);
  if (d.fix) lines.push(`${chalk.bold('Rewrite')}    ${d.fix.strategy}${d.fix.with ? `: ${d.fix.with}` : ''}`);
  if (d.type === 'pattern') lines.push(`${chalk.bold('Patterns')}   ${d.patterns.join('\n            ')}`);
  if (d.type === 'pattern' && d.unless) lines.push(`${chalk.bold('Unless')}     ${d.unless.join('\n            ')}`);
  lines.push('', chalk.bold('Fires on'), ...d.examples.flag.map((e) => `  ${chalk.red('✗')} ${showExample(e)}`));
  lines.push(chalk.bold('Stays quiet on'), ...d.examples.pass.map((e) => `  ${chalk.green('✓')} ${showExample(e)}`));
  emit(lines.join('\n'), options.out);
}

function packDirs(paths: string[]): string[] {
  return paths.map((path) => {
    try {
      if (statSync(path).isDirectory()) return path;
    } catch {
      throw new InputError(path, 'no such rule pack folder');
    }
    throw new InputError(path, 'give the rule pack folder, not a file');
  });
}

async function test(paths: string[], options: CommonOptions): Promise<void> {
  const dirs = packDirs(paths);
  const { pack } = await setup({ ...options, rules: [...(options.rules ?? []), ...dirs] });
  const chosen = dirs.length
    ? new Set([...pack.sourceOf.values()].filter((s) => dirs.some((dir) => !relative(resolve(dir), resolve(s.file)).startsWith('..'))).map((s) => s.definition.id))
    : undefined;
  const results = runExamples(pack, chosen);
  const failures = results.filter((result) => !result.ok);
  if (options.format === 'json') {
    emit(JSON.stringify({ examples: results.length, failures }, null, 2), options.out);
  } else {
    const lines: string[] = [];
    for (const failure of failures) {
      const source = pack.sourceOf.get(failure.ruleId)!;
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
    emit(lines.join('\n'), options.out);
  }
  if (failures.length) process.exitCode = 1;
}

async function validate(paths: string[], options: CommonOptions): Promise<void> {
  const config = await loadConfig(options.config, process.cwd());
  const dirs = packDirs(paths.length ? paths : [...(config.packs ?? []), ...(options.rules ?? [])]);
  const { problems, rules } = await validatePacks(dirs);
  if (problems.length > 0) {
    for (const problem of problems) {
      process.stderr.write(`rapport: ${problem.file}:${problem.line}:${problem.column}: ${problem.ruleId ? `rule "${problem.ruleId}": ` : ''}${problem.message}\n`);
    }
    process.stderr.write(`rapport: ${plural(problems.length, 'problem')} in ${dirs.join(', ')}\n`);
    process.exitCode = 2;
    return;
  }
  // The packs load together too (with the built-in pack and the config's settings), as a run would.
  await setup({ ...options, rules: [...(options.rules ?? []), ...paths] });
  emit(`${chalk.green('valid')}: ${plural(rules, 'rule')} in ${dirs.length ? dirs.join(', ') : 'the built-in pack'}`, options.out);
}

async function trace(words: string[], options: CommonOptions & { client?: string }): Promise<void> {
  const { pack } = await setup(options);
  const text = words.join(' ');
  if (!text.trim()) throw new UsageError('give a reply to trace');
  const analysis = analyse(text);
  const assessment = critiqueReply(pack, text, options.client ?? null);
  if (options.format === 'json') {
    return emit(
      JSON.stringify(
        {
          tokens: analysis.tokens.map(({ text, norm, stem, start, end, isWord, sentence }) => ({ text, norm, stem, start, end, isWord, sentence })),
          sentences: analysis.sentences.map((s) => ({ start: s.start, end: s.end, isQuestion: s.isQuestion, text: text.slice(s.start, s.end) })),
          matches: assessment.hits.map(({ rule, match }) => ({ ruleId: rule.definition.id, type: rule.definition.type, start: match.start, end: match.end, match: text.slice(match.start, match.end) })),
          behaviours: assessment.critique.behaviours,
        },
        null,
        2,
      ),
      options.out,
    );
  }
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
  emit(lines.join('\n'), options.out);
}

interface FitOptions extends CommonOptions {
  holdOut?: string[];
  write?: boolean;
}

const figureLine = (set: SetFigures): string =>
  `${set.name}  n=${set.n}  rank correlation ${set.spearman === null ? '–' : set.spearman.toFixed(2)}  good ≥ 70 ${Math.round(set.good * 100)}%  poor ≤ 45 ${Math.round(set.poor * 100)}%`;

async function fit(files: string[], options: FitOptions): Promise<void> {
  const { pack } = await setup(options);
  const sets = (names: string[]) => names.map((name) => ({ name, cases: firedIn(pack, readCalibration(readTextFile(name, 'eval'), name)) }));
  // With --rules, only those packs' weights move: the built-in rules are not the user's to rewrite.
  const own = options.rules?.length
    ? new Set([...pack.sourceOf.values()].filter((s) => options.rules!.some((dir) => !relative(resolve(dir), resolve(s.file)).startsWith('..'))).map((s) => s.definition.id))
    : undefined;
  const result = fitWeights(pack, sets(files), sets(options.holdOut ?? []), own);
  const written = options.write && result.changes.length ? writeWeights(pack, new Map(result.changes.map((change) => [change.ruleId, change.to]))) : [];
  if (options.format === 'json') return emit(JSON.stringify({ ...result, written }, null, 2), options.out);
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
  emit(lines.join('\n').trimEnd(), options.out);
}

export function command(): Command {
  const rules = new Command('rules').description('browse, document, self-test, validate and debug rule packs');
  rules.addHelpText(
    'after',
    `
Examples:
  rapport rules list
  rapport rules show openness.directive
  rapport rules test course-rules/
  rapport rules validate course-rules/
  rapport rules trace "I wonder if part of you wants to stop?"
  rapport rules fit supervisor-scores.yaml --hold-out new-scores.yaml`,
  );
  const withSetup = (fn: (pack: CompiledPack, options: CommonOptions) => void) => async (options: CommonOptions) => {
    const { pack } = await setup(options);
    fn(pack, options);
  };
  rules.addCommand(common(new Command('list').description('all rules, as a table')).addOption(OPTIONS.format(['text', 'json'])).addOption(OPTIONS.out()).action(withSetup(list)));
  rules.addCommand(
    common(new Command('show').description("one rule's message, rationale, weight and examples").argument('<id>', 'rule id'))
      .addOption(OPTIONS.format(['text', 'json']))
      .action(async (id: string, options: CommonOptions) => show((await setup(options)).pack, id, options)),
  );
  rules.addCommand(
    common(new Command('test').description("run every rule's own examples; exit 1 on a failure").argument('[packs...]', 'rule pack folders (default: all loaded rules)'))
      .addOption(OPTIONS.format(['text', 'json']))
      .action(test),
  );
  rules.addCommand(common(new Command('validate').description('check rule packs for errors; exit 2 naming file, line and rule').argument('[packs...]', 'rule pack folders')).action(validate));
  rules.addCommand(
    common(new Command('trace').description('show the tokens, stems and sentences the rules see, and what matched where').argument('<reply...>', 'the reply'))
      .addOption(OPTIONS.client())
      .addOption(OPTIONS.format(['text', 'json']))
      .action(trace),
  );
  rules.addCommand(
    common(new Command('fit').description("fit rule weights to supervisors' scores in calibration sets (YAML cases of client, reply, score, band)").argument('<sets...>', 'calibration sets to fit to'))
      .addOption(OPTIONS.holdOut())
      .addOption(OPTIONS.write())
      .addOption(OPTIONS.format(['text', 'json']))
      .addOption(OPTIONS.out())
      .action(fit),
  );
  const examples: Record<string, string[]> = {
    list: ['rapport rules list', 'rapport rules list --format json --rules course-rules/'],
    show: ['rapport rules show openness.directive', 'rapport rules show validation.but-cancels --format json'],
    test: ['rapport rules test', 'rapport rules test course-rules/'],
    validate: ['rapport rules validate course-rules/'],
    fit: ['rapport rules fit supervisor-scores.yaml --hold-out new-scores.yaml', 'rapport rules fit supervisor-scores.yaml --rules course-rules/ --write'],
    trace: ['rapport rules trace "I wonder if part of you wants to stop?"', 'rapport rules trace --client "I feel stuck" "You feel stuck." --format json'],
  };
  for (const sub of rules.commands) {
    const lines = examples[sub.name()];
    if (lines) sub.addHelpText('after', `\nExamples:\n${lines.map((line) => `  ${line}`).join('\n')}`);
  }
  return rules;
}
