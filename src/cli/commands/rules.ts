// rapport rules: browse, document, self-test, validate and debug rule packs.
import { Command } from 'commander';
import { statSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { critiqueReply } from '../../core/critique.js';
import { runExamples } from '../../core/rules/examples.js';
import type { CompiledPack, SourcedRule } from '../../core/rules/pack.js';
import { fitJson, listJson, showJson, testJson, traceJson } from '../../formatters/rules/json.js';
import type { FitReport, RuleRow, TestReport, TraceReport } from '../../formatters/rules/report.js';
import { fitText, listText, problemsText, showText, testText, traceText, validText } from '../../formatters/rules/text.js';
import { analyse } from '../../core/tokens/analyse.js';
import { InputError, UsageError } from '../../io/errors.js';
import { emit } from '../../io/output.js';
import { loadConfig } from '../../io/config.js';
import { validatePacks } from '../../io/validate-pack.js';
import { OPTIONS, withRuleOptions, type CommonOptions } from '../options.js';
import { setup } from '../setup.js';
import { readCalibration } from '../../readers/calibration.js';
import { firedIn, fitWeights } from '../../eval/fit.js';
import { writeWeights } from '../../io/rule-weights.js';
import { readTextFile } from '../../io/input.js';

const common = withRuleOptions;

const FORMATS = ['text', 'json'] as const;
type Format = (typeof FORMATS)[number];

interface RulesOptions extends CommonOptions {
  format: Format;
}

const LIST: Record<Format, (rows: RuleRow[]) => string> = { text: listText, json: listJson };
const SHOW: Record<Format, (sourced: SourcedRule) => string> = { text: showText, json: showJson };
const TEST: Record<Format, (report: TestReport) => string> = { text: testText, json: testJson };
const TRACE: Record<Format, (report: TraceReport) => string> = { text: traceText, json: traceJson };
const FIT: Record<Format, (report: FitReport) => string> = { text: fitText, json: fitJson };

function list(pack: CompiledPack, options: RulesOptions): void {
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
  emit(LIST[options.format](rows), options.out);
}

function show(pack: CompiledPack, id: string, options: RulesOptions): void {
  const sourced = pack.sourceOf.get(id);
  if (!sourced) throw new UsageError(`no rule "${id}" (see rapport rules list)`);
  emit(SHOW[options.format](sourced), options.out);
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

async function test(paths: string[], options: RulesOptions): Promise<void> {
  const dirs = packDirs(paths);
  const { pack } = await setup({ ...options, rules: [...(options.rules ?? []), ...dirs] });
  const chosen = dirs.length
    ? new Set([...pack.sourceOf.values()].filter((s) => dirs.some((dir) => !relative(resolve(dir), resolve(s.file)).startsWith('..'))).map((s) => s.definition.id))
    : undefined;
  const results = runExamples(pack, chosen);
  const failures = results.filter((result) => !result.ok);
  emit(TEST[options.format]({ results, failures, sourceOf: pack.sourceOf }), options.out);
  if (failures.length) process.exitCode = 1;
}

async function validate(paths: string[], options: CommonOptions): Promise<void> {
  const config = await loadConfig(options.config, process.cwd());
  const dirs = packDirs(paths.length ? paths : [...(config.packs ?? []), ...(options.rules ?? [])]);
  const { problems, rules } = await validatePacks(dirs);
  if (problems.length > 0) {
    process.stderr.write(`${problemsText(problems, dirs)}\n`);
    process.exitCode = 2;
    return;
  }
  // The packs load together too (with the built-in pack and the config's settings), as a run would.
  await setup({ ...options, rules: [...(options.rules ?? []), ...paths] });
  emit(validText(rules, dirs), options.out);
}

async function trace(words: string[], options: RulesOptions & { client?: string }): Promise<void> {
  const { pack } = await setup(options);
  const text = words.join(' ');
  if (!text.trim()) throw new UsageError('give a reply to trace');
  emit(TRACE[options.format]({ text, analysis: analyse(text), assessment: critiqueReply(pack, text, options.client ?? null) }), options.out);
}

interface FitOptions extends RulesOptions {
  holdOut?: string[];
  write?: boolean;
}

async function fit(files: string[], options: FitOptions): Promise<void> {
  const { pack } = await setup(options);
  const sets = (names: string[]) => names.map((name) => ({ name, cases: firedIn(pack, readCalibration(readTextFile(name, 'eval'), name)) }));
  // With --rules, only those packs' weights move: the built-in rules are not the user's to rewrite.
  const own = options.rules?.length
    ? new Set([...pack.sourceOf.values()].filter((s) => options.rules!.some((dir) => !relative(resolve(dir), resolve(s.file)).startsWith('..'))).map((s) => s.definition.id))
    : undefined;
  const result = fitWeights(pack, sets(files), sets(options.holdOut ?? []), own);
  const written = options.write && result.changes.length ? writeWeights(pack, new Map(result.changes.map((change) => [change.ruleId, change.to]))) : [];
  emit(FIT[options.format]({ result, written }), options.out);
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
  const withSetup = (fn: (pack: CompiledPack, options: RulesOptions) => void) => async (options: RulesOptions) => {
    const { pack } = await setup(options);
    fn(pack, options);
  };
  rules.addCommand(common(new Command('list').description('all rules, as a table')).addOption(OPTIONS.format(FORMATS)).addOption(OPTIONS.out()).action(withSetup(list)));
  rules.addCommand(
    common(new Command('show').description("one rule's message, rationale, weight and examples").argument('<id>', 'rule id'))
      .addOption(OPTIONS.format(FORMATS))
      .action(async (id: string, options: RulesOptions) => show((await setup(options)).pack, id, options)),
  );
  rules.addCommand(
    common(new Command('test').description("run every rule's own examples; exit 1 on a failure").argument('[packs...]', 'rule pack folders (default: all loaded rules)'))
      .addOption(OPTIONS.format(FORMATS))
      .action(test),
  );
  rules.addCommand(common(new Command('validate').description('check rule packs for errors; exit 2 naming file, line and rule').argument('[packs...]', 'rule pack folders')).action(validate));
  rules.addCommand(
    common(new Command('trace').description('show the tokens, stems and sentences the rules see, and what matched where').argument('<reply...>', 'the reply'))
      .addOption(OPTIONS.client())
      .addOption(OPTIONS.format(FORMATS))
      .action(trace),
  );
  rules.addCommand(
    common(new Command('fit').description("fit rule weights to supervisors' scores in calibration sets (YAML cases of client, reply, score, band)").argument('<sets...>', 'calibration sets to fit to'))
      .addOption(OPTIONS.holdOut())
      .addOption(OPTIONS.write())
      .addOption(OPTIONS.format(FORMATS))
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
