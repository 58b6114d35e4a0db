// rapport practice: interactive practice against client scenarios. The
// interactive part (inquirer) is imported only once we know there is a
// terminal, and after colour is settled, since inquirer reads NO_COLOR when it
// loads.
import { Command } from 'commander';
import { existsSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { UsageError } from '../../io/errors.js';
import { emit, refuseInputs } from '../../io/output.js';
import { checkFilter, filterScenarios, findScenario, loadScenarios } from '../../practice/bank.js';
import { DIFFICULTIES, SETTINGS } from '../../practice/scenarios.js';
import { OPTIONS, withRuleOptions, type CommonOptions } from '../options.js';
import { setup, useColour } from '../setup.js';

interface PracticeOptions extends Omit<CommonOptions, 'format' | 'out'> {
  list?: boolean;
  scenario?: string;
  scenarios?: string[];
  setting?: string;
  difficulty?: string;
  save?: string;
}

async function run(options: PracticeOptions): Promise<void> {
  const filter = checkFilter({ setting: options.setting, difficulty: options.difficulty });
  const all = loadScenarios(options.scenarios ?? []);
  const chosen = filterScenarios(all, filter);
  if (options.list) {
    useColour(options);
    const { formatList } = await import('../../practice/views.js');
    emit(formatList(chosen), undefined);
    return;
  }
  const first = options.scenario ? findScenario(all, options.scenario) : undefined;
  if (!first && chosen.length === 0) {
    throw new UsageError(`no scenario is ${[filter.setting, filter.difficulty].filter(Boolean).join(' and ')} (rapport practice --list shows them all)`);
  }
  if (options.save !== undefined) {
    const folder = dirname(resolve(options.save));
    if (!existsSync(folder) || !statSync(folder).isDirectory()) throw new UsageError(`${options.save}: cannot save there: no such folder`);
    refuseInputs(options.save, [], '--save');
  }
  if (!process.stdin.isTTY || !process.stdout.isTTY) {
    const { requireTerminal } = await import('../../practice/loop.js');
    requireTerminal();
  }
  const { pack, colour } = await setup({ ...options, format: 'text' });
  if (!colour) process.env.NO_COLOR = '1';
  const { practise } = await import('../../practice/loop.js');
  await practise({ pack, scenarios: all, first, setting: filter.setting, difficulty: filter.difficulty, save: options.save });
}

export function command(): Command {
  return withRuleOptions(
    new Command('practice')
      .description('practise replies to client scenarios in the terminal: write, read the critique, revise')
      .addOption(OPTIONS.list())
      .addOption(OPTIONS.scenario())
      .addOption(OPTIONS.setting(SETTINGS))
      .addOption(OPTIONS.difficulty(DIFFICULTIES))
      .addOption(OPTIONS.scenarios())
      .addOption(OPTIONS.save()),
  )
    .addHelpText(
      'after',
      `
In the reply box, Enter starts a new line and Ctrl-D (or Ctrl-S) submits.
Ctrl-C quits at any time; with --save the session so far is kept.

Examples:
  rapport practice
  rapport practice --scenario crisis-after-crash
  rapport practice --setting substance-use --difficulty easy
  rapport practice --list --setting school
  rapport practice --scenarios my-scenarios/ --save session.json
  rapport batch session.json --format markdown   # a supervisor reviews it`,
    )
    .action(run);
}
