// rapport lint: check the example counsellor replies inside training material
// (Markdown handbooks, plain-text notes, YAML scenario banks), for CI.
import { Command } from 'commander';
import { dirname, relative, resolve } from 'node:path';
import { formatGithub } from '../../formatters/lint/github.js';
import { formatJson } from '../../formatters/lint/json.js';
import { formatJunit } from '../../formatters/lint/junit.js';
import { formatSarif } from '../../formatters/lint/sarif.js';
import { formatText } from '../../formatters/lint/text.js';
import { InputError, UsageError } from '../../io/errors.js';
import { readStdin, readTextFile } from '../../io/input.js';
import { emit, writeAtomic } from '../../io/output.js';
import type { Config } from '../../io/config.js';
import type { CompiledPack } from '../../core/rules/pack.js';
import { applyBaseline, baselineSchema, toBaseline, type Baseline } from '../../lint/baseline.js';
import { changedSince, type ChangedLines } from '../../lint/changed.js';
import { discover, toPosix } from '../../lint/files.js';
import { exitCodeOf, failedThresholds, lintContent, rulesOf, summarise } from '../../lint/lint.js';
import type { FileProblem, FileResult, LintReport, RuleInfo } from '../../lint/types.js';
import { DEFAULT_OPTIONS, ExtractError, type ExtractOptions } from '../../readers/training/index.js';
import { atLeast, minSeverityOf, OPTIONS, withRuleOptions, type CommonOptions, type MinSeverity } from '../options.js';
import { noteLanguage } from '../language.js';
import { setup } from '../setup.js';
import { VERSION } from '../program.js';
import { plural } from '../../formatters/plural.js';

export const LINT_FORMATS = ['text', 'json', 'sarif', 'junit', 'github'] as const;

const FORMATTERS: Record<(typeof LINT_FORMATS)[number], (report: LintReport, rules: RuleInfo[]) => string> = {
  text: formatText,
  json: formatJson,
  sarif: (report, rules) => formatSarif(report, rules, { version: VERSION }),
  junit: formatJunit,
  github: formatGithub,
};

interface LintOptions extends CommonOptions {
  format: (typeof LINT_FORMATS)[number];
  failUnder?: number;
  maxWarnings?: number;
  changedSince?: string;
  baseline?: string;
  writeBaseline?: string;
  counsellor?: string[];
  onlyCounsellor?: string[];
  quiet?: boolean;
  minSeverity?: MinSeverity;
  stdinFilename?: string;
}

function readBaseline(file: string): Baseline {
  const content = readTextFile(file, 'baseline');
  let data: unknown;
  try {
    data = JSON.parse(content);
  } catch (error) {
    throw new InputError(file, `not a baseline: invalid JSON (${(error as Error).message})`);
  }
  const parsed = baselineSchema.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new InputError(file, `not a rapport lint baseline: ${issue.path.join('.') || 'file'}: ${issue.message} (write one with --write-baseline)`);
  }
  return parsed.data;
}

/** Where a file sits relative to the baseline file's folder, so a baseline works from any working directory. */
const keyFor = (baselineFile: string) => (path: string): string => toPosix(relative(dirname(resolve(baselineFile)), path));

function problemOf(file: string, error: unknown): FileProblem {
  if (error instanceof ExtractError) return { file, line: error.line, column: null, message: error.message };
  if (error instanceof InputError) return { file, line: error.line, column: error.column, message: error.message.replace(/^.*?: /, '') };
  throw error;
}

/** Labels add to the defaults; an "only" list (option or config) replaces them. */
function counsellorLabels(lintConfig: NonNullable<Config['lint']>, options: LintOptions): string[] {
  const added = [...(lintConfig.counsellorLabels ?? []), ...(options.counsellor ?? [])];
  const only = options.onlyCounsellor ?? lintConfig.onlyCounsellorLabels;
  return [...(only ?? DEFAULT_OPTIONS.counsellorLabels), ...added];
}

/** Standard input (`lint -`), named by --stdin-filename so its extension picks the reader. */
async function lintStdin(pack: CompiledPack, options: LintOptions, lintOptions: Parameters<typeof lintContent>[4]): Promise<FileResult> {
  const name = options.stdinFilename ?? '<stdin>';
  return lintContent(pack, await readStdin('lint'), name, name, lintOptions);
}

async function run(paths: string[], options: LintOptions): Promise<void> {
  if (paths.length === 0) throw new UsageError('name the training material to lint: files, folders or globs, or - for standard input (e.g. rapport lint docs/)');
  const stdin = paths.includes('-');
  if (paths.filter((path) => path === '-').length > 1) throw new UsageError('standard input (-) can be read only once');
  if (options.stdinFilename !== undefined && !stdin) throw new UsageError('--stdin-filename names standard input: give - as the path too');
  if (stdin && options.changedSince) throw new UsageError('--changed-since needs files in git, not standard input');
  if (options.baseline && options.writeBaseline && resolve(options.baseline) !== resolve(options.writeBaseline)) {
    throw new UsageError('give --baseline or --write-baseline, or the same file to both (to update it)');
  }
  if (options.out && options.writeBaseline && resolve(options.out) === resolve(options.writeBaseline)) {
    throw new UsageError('--out and --write-baseline name the same file: the report would replace the baseline');
  }
  const { config, pack } = await setup(options);
  const cwd = process.cwd();
  const lintConfig = config.lint ?? {};
  const extract: ExtractOptions = {
    counsellorLabels: counsellorLabels(lintConfig, options),
    clientLabels: lintConfig.clientLabels ?? DEFAULT_OPTIONS.clientLabels,
    yamlKeys: lintConfig.yamlKeys ?? DEFAULT_OPTIONS.yamlKeys,
  };
  const minScore = options.failUnder ?? lintConfig.minScore;
  const baseline = options.baseline && !options.writeBaseline ? readBaseline(options.baseline) : null;

  const found = discover(paths.filter((path) => path !== '-'), { cwd, ignore: lintConfig.ignore, ignoreBase: config.dir });
  const problems: FileProblem[] = found.missing.map(({ path, message }) => ({ file: toPosix(path), line: null, column: null, message }));
  const changed: ChangedLines | null = options.changedSince ? changedSince(options.changedSince, found.files.map((f) => f.path), cwd) : null;

  let files: FileResult[] = [];
  if (stdin) {
    try {
      files.push(await lintStdin(pack, options, { extract, minScore }));
    } catch (error) {
      problems.push(problemOf(options.stdinFilename ?? '<stdin>', error));
    }
  }
  for (const { path, file } of found.files) {
    try {
      const lines = changed ? changed(path) : 'all';
      if (lines !== 'all' && lines.size === 0) continue;
      const content = readTextFile(path, 'lint');
      files.push(lintContent(pack, content, file, path, { extract, minScore, lines: lines === 'all' ? null : lines }));
    } catch (error) {
      problems.push(problemOf(file, error));
    }
  }
  if (options.writeBaseline) {
    const written = toBaseline(files, keyFor(options.writeBaseline));
    writeAtomic(options.writeBaseline, `${JSON.stringify(written, null, 2)}\n`, found.files.map((f) => f.path));
    files = applyBaseline(files, written, keyFor(options.writeBaseline));
    process.stderr.write(`rapport: wrote ${plural(written.findings.length, 'finding')} to the baseline ${options.writeBaseline}\n`);
  } else if (baseline && options.baseline) {
    files = applyBaseline(files, baseline, keyFor(options.baseline));
  }

  // Hidden findings do not count either, as with ESLint's --quiet: a run shows what it judges.
  const minSeverity = minSeverityOf(options);
  if (minSeverity !== 'info') files = files.map((result) => ({ ...result, messages: result.messages.filter((m) => atLeast(m.severity, minSeverity)) }));

  noteLanguage(files.flatMap((result) => result.examples.map((example) => example.text)));
  const report: LintReport = { files, problems, summary: summarise({ files, problems }) };
  emit(FORMATTERS[options.format](report, rulesOf(pack, report, minScore)), options.out, found.files.map((f) => f.path));
  // Unreadable files are named on standard error too, whatever the format, so a CI log always shows them.
  if (options.format !== 'text' || options.out) {
    for (const problem of problems) {
      const where = [problem.file, problem.line, problem.line !== null ? problem.column : null].filter((part) => part !== null).join(':');
      process.stderr.write(`rapport: ${where}: ${problem.message}\n`);
    }
  }
  const thresholds = { maxWarnings: options.maxWarnings };
  for (const failure of failedThresholds(report.summary, thresholds)) process.stderr.write(`rapport: ${failure}\n`);
  process.exitCode = exitCodeOf(report.summary, thresholds);
}

export function command(): Command {
  return withRuleOptions(
    new Command('lint')
      .description('check the example counsellor replies in training material (Markdown, text, YAML) for CI')
      .argument('[paths...]', 'files, folders (walked for .md .markdown .mdx .txt .yaml .yml), quoted globs, or - (standard input)')
      .addOption(OPTIONS.format(LINT_FORMATS))
      .addOption(OPTIONS.out())
      .addOption(OPTIONS.failUnder('an example scoring below this is an error (rapport/min-score); overrides lint.minScore'))
      .addOption(OPTIONS.maxWarnings())
      .addOption(OPTIONS.quiet())
      .addOption(OPTIONS.minSeverity())
      .addOption(OPTIONS.stdinFilename())
      .addOption(OPTIONS.changedSince())
      .addOption(OPTIONS.baseline())
      .addOption(OPTIONS.writeBaseline())
      .addOption(OPTIONS.counsellor())
      .addOption(OPTIONS.onlyCounsellor()),
  )
    .addHelpText(
      'after',
      `
Examples:
  rapport lint handbook/                    every .md .txt .yaml file under it
  rapport lint "modules/**/*.md" scenarios.yaml
  rapport lint docs/ --format github        annotations on a GitHub Actions run
  rapport lint docs/ --format sarif --out rapport.sarif
  rapport lint docs/ --format junit --out rapport-junit.xml
  rapport lint docs/ --changed-since origin/main
  rapport lint docs/ --write-baseline .rapport-baseline.json
  rapport lint docs/ --baseline .rapport-baseline.json --max-warnings 0
  rapport lint docs/ --fail-under 60        every example must score 60 or more
  rapport lint docs/ --quiet                errors only
  cat notes.md | rapport lint - --stdin-filename notes.md

What is checked: lines labelled Counsellor:, **Therapist:** and the like in
paragraphs, blockquotes, list items, tables and \`\`\`dialogue/transcript blocks;
plain-text speaker lines; YAML keys such as counsellor: or reply:. Suppress with
  <!-- rapport-disable-next-line [rule-id ...] -->   (Markdown)
  <!-- rapport-disable [rule-id ...] --> ... <!-- rapport-enable -->
  # rapport-disable-next-line [rule-id ...]          (YAML, text)
A comment naming a rule no pack defines is a warning (rapport/unknown-rule), and
so is one that suppresses nothing (rapport/unused-disable).

Exit codes: 0 nothing failed; 1 an error-level finding, more warnings than
--max-warnings, or an example below --fail-under / lint.minScore; 2 a bad
option or config, a path that matches nothing, or a file that could not be
read (the others are still linted and reported).`,
    )
    .action(run);
}
