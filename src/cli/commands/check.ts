// rapport check: critique one draft reply.
import { Command } from 'commander';
import { critiqueReply, type Assessment } from '../../core/critique.js';
import type { CompiledPack } from '../../core/rules/pack.js';
import type { Critique } from '../../core/types.js';
import { replyTooLong } from '../../core/limits.js';
import { formatJson } from '../../formatters/check/json.js';
import { formatMarkdown } from '../../formatters/check/markdown.js';
import { formatText } from '../../formatters/check/text.js';
import { UsageError } from '../../io/errors.js';
import { readStdin, readTextFile } from '../../io/input.js';
import { emit } from '../../io/output.js';
import { atLeast, minSeverityOf, OPTIONS, withRuleOptions, type CommonOptions, type MinSeverity } from '../options.js';
import { noteLanguage } from '../language.js';
import { setup } from '../setup.js';

/** What a format is given: the critique as shown (findings below --min-severity left out), and how it was reached. */
interface Checked {
  critique: Critique;
  assessment: Assessment;
  pack: CompiledPack;
  explain: boolean;
}

export const CHECK_FORMATS = ['text', 'json', 'markdown'] as const;

const FORMATTERS: Record<(typeof CHECK_FORMATS)[number], (checked: Checked) => string> = {
  text: ({ critique, assessment, pack, explain }) => formatText(critique, assessment.scores, pack, { explain, mends: assessment.mends }),
  json: ({ critique }) => formatJson(critique),
  markdown: ({ critique, assessment }) => formatMarkdown(critique, assessment.mends),
};

interface CheckOptions extends CommonOptions {
  format: (typeof CHECK_FORMATS)[number];
  file?: string;
  client?: string;
  clientFile?: string;
  failUnder?: number;
  explain?: boolean;
  quiet?: boolean;
  minSeverity?: MinSeverity;
}

async function readReply(words: string[], options: CheckOptions): Promise<{ text: string; inputs: string[] }> {
  if (options.file && words.length) throw new UsageError('give the reply as words or with --file, not both');
  if (options.file) return { text: options.file === '-' ? await readStdin('reply') : readTextFile(options.file, 'reply'), inputs: [options.file] };
  if (words.length === 0 || (words.length === 1 && words[0] === '-')) return { text: await readStdin('reply'), inputs: [] };
  return { text: words.join(' '), inputs: [] };
}

async function run(words: string[], options: CheckOptions): Promise<void> {
  if (options.client !== undefined && options.clientFile) throw new UsageError('give --client or --client-file, not both');
  const { config: _config, pack } = await setup(options);
  const { text, inputs } = await readReply(words, options);
  if (text.trim() === '') throw new UsageError('the reply is empty: there is nothing to score');
  const tooLong = replyTooLong(text);
  if (tooLong) throw new UsageError(tooLong);
  const client = options.clientFile ? readTextFile(options.clientFile, 'reply') : (options.client ?? null);
  noteLanguage(text);
  const assessment = critiqueReply(pack, text, client);
  // Hiding issues below a level changes what is shown, never the score.
  const minSeverity = minSeverityOf(options);
  const critique = { ...assessment.critique, findings: assessment.critique.findings.filter((f) => f.kind !== 'issue' || atLeast(f.severity, minSeverity)) };
  const report = FORMATTERS[options.format]({ critique, assessment, pack, explain: options.explain === true });
  emit(report, options.out, [...inputs, ...(options.clientFile ? [options.clientFile] : [])]);
  if (options.failUnder !== undefined && critique.score < options.failUnder) {
    process.stderr.write(`rapport: the score ${critique.score} is below --fail-under ${options.failUnder} (${options.failUnder - critique.score} short)\n`);
    process.exitCode = 1;
  }
}

export function command(): Command {
  return withRuleOptions(
    new Command('check')
      .description('critique one draft reply: score, strengths, issues and a suggested rewrite')
      .argument('[reply...]', 'the reply; omit it or give - to read standard input')
      .addOption(OPTIONS.file())
      .addOption(OPTIONS.client())
      .addOption(OPTIONS.clientFile())
      .addOption(OPTIONS.format(CHECK_FORMATS))
      .addOption(OPTIONS.explain())
      .addOption(OPTIONS.quiet())
      .addOption(OPTIONS.minSeverity())
      .addOption(OPTIONS.failUnder())
      .addOption(OPTIONS.out()),
  )
    .addHelpText(
      'after',
      `
Examples:
  rapport check "Calm down, it's not a big deal."
  rapport check --client "My boss shouted at me again and I just froze." \\
      "It sounds like that left you feeling shaken. What was that like?"
  echo "Why did you do that?" | rapport check --format json
  rapport check --file draft.txt --explain --fail-under 60`,
    )
    .action(run);
}
