// The practice loop: choose a scenario, read the client, write a reply, read
// the critique, then revise, look at the rewrite or a model reply, move on or
// quit. Everything interactive is here; everything printed comes from
// views.ts and formatters/check/compact.ts.
import { ExitPromptError } from '@inquirer/core';
import { confirm, input, select } from '@inquirer/prompts';
import chalk from 'chalk';
import { existsSync } from 'node:fs';
import { critiqueReply } from '../core/critique.js';
import type { CompiledPack } from '../core/rules/pack.js';
import type { Critique } from '../core/types.js';
import { formatCompact } from '../formatters/check/compact.js';
import { wrap } from '../formatters/terminal.js';
import { UsageError } from '../io/errors.js';
import { filterScenarios } from './bank.js';
import { replyPrompt } from './reply-prompt.js';
import { DIFFICULTIES, SETTINGS, type Difficulty, type Scenario, type Setting } from './scenarios.js';
import { addAttempt, defaultSaveName, newSession, previousScore, saveSession, type Session } from './session.js';
import { formatClient, formatComparison, formatRewrite, formatScenario, formatSummary, formatTrend, type ModelReply } from './views.js';

export interface LoopOptions {
  pack: CompiledPack;
  scenarios: Scenario[];
  /** Start with this scenario. */
  first?: Scenario;
  setting?: Setting;
  difficulty?: Difficulty;
  /** --save FILE: the record is written after every scored reply, and on quit. */
  save?: string;
}

type Next = 'revise' | 'rewrite' | 'compare' | 'next' | 'quit';

function width(): number {
  return Math.max(40, Math.min(100, (process.stdout.columns || 80) - 1));
}

function print(text: string): void {
  process.stdout.write(text.endsWith('\n') ? text : `${text}\n`);
}

const isExit = (error: unknown): boolean => error instanceof ExitPromptError || (error instanceof Error && error.name === 'ExitPromptError');

async function chooseScenario(all: Scenario[], options: LoopOptions, session: Session, last: Scenario | null): Promise<Scenario> {
  const done = new Set(session.attempts.map((a) => a.scenario.id));
  let setting = options.setting;
  if (!setting) {
    const pool = filterScenarios(all, { difficulty: options.difficulty });
    const choice = await select<Setting | 'any'>({
      message: 'Which setting?',
      default: last?.setting,
      pageSize: 8,
      choices: [
        ...SETTINGS.map((s) => {
          const count = pool.filter((x) => x.setting === s).length;
          return { name: `${s} (${count})`, value: s, disabled: count === 0 ? '(none)' : false };
        }),
        { name: `any setting (${pool.length})`, value: 'any' as const },
      ],
    });
    setting = choice === 'any' ? undefined : choice;
  }
  let difficulty = options.difficulty;
  if (!difficulty) {
    const pool = filterScenarios(all, { setting });
    const present = DIFFICULTIES.filter((d) => pool.some((s) => s.difficulty === d));
    if (present.length > 1) {
      const choice = await select<Difficulty | 'any'>({
        message: 'How hard?',
        choices: [
          ...DIFFICULTIES.map((d) => {
            const count = pool.filter((s) => s.difficulty === d).length;
            return { name: `${d} (${count})`, value: d, disabled: count === 0 ? '(none)' : false };
          }),
          { name: `any (${pool.length})`, value: 'any' as const },
        ],
      });
      difficulty = choice === 'any' ? undefined : choice;
    }
  }
  const pool = filterScenarios(all, { setting, difficulty });
  if (pool.length === 1) return pool[0]!;
  const fresh = pool.filter((s) => !done.has(s.id));
  const id = await select<string>({
    message: 'Which scenario?',
    pageSize: 8,
    default: fresh[0]?.id,
    choices: [
      ...pool.map((s) => ({
        name: `${done.has(s.id) ? '✓ ' : ''}${s.title}${difficulty ? '' : ` (${s.difficulty})`}`,
        value: s.id,
        description: wrap(`${s.setting} · ${s.difficulty}: ${s.context}`, width() - 2, ''),
      })),
      { name: 'surprise me', value: '' },
    ],
  });
  if (id === '') {
    const from = fresh.length ? fresh : pool;
    return from[Math.floor(Math.random() * from.length)]!;
  }
  return pool.find((s) => s.id === id)!;
}

async function nextStep(critique: Critique, hasMends: boolean, seenRewrite: boolean): Promise<Next> {
  return select<Next>({
    message: 'What next?',
    default: 'revise',
    choices: [
      { name: 'Revise your reply', value: 'revise' },
      {
        name: critique.rewrite
          ? `See the suggested rewrite (scores ${critique.rewrite.score})${seenRewrite ? ' ✓' : ''}`
          : hasMends
            ? `See the mends to try${seenRewrite ? ' ✓' : ''}`
            : 'See the suggested rewrite',
        value: 'rewrite',
        disabled: critique.rewrite || hasMends ? false : '(nothing to rewrite)',
      },
      { name: 'Compare with a model reply', value: 'compare' },
      { name: 'Next scenario', value: 'next' },
      { name: 'Quit', value: 'quit' },
    ],
  });
}

async function askToSave(session: Session): Promise<void> {
  if (session.attempts.length === 0) return;
  if (!(await confirm({ message: 'Save this session for supervisor review?', default: false }))) return;
  for (;;) {
    const path = (await input({ message: 'Save to', default: defaultSaveName(session) })).trim();
    if (path === '') return;
    if (existsSync(path) && !(await confirm({ message: `${path} exists. Replace it?`, default: false }))) continue;
    try {
      saveSession(path, session);
      print(`Saved to ${path}.\nA supervisor can score it again with: rapport batch ${path}`);
      return;
    } catch (error) {
      print(chalk.red(error instanceof Error ? error.message : String(error)));
    }
  }
}

/** Run practice until the student quits or presses Ctrl-C. */
export async function practise(options: LoopOptions): Promise<void> {
  const { pack } = options;
  const session = newSession();
  const models = new Map<string, ModelReply[]>();
  const modelsOf = (scenario: Scenario): ModelReply[] => {
    let list = models.get(scenario.id);
    if (!list) {
      list = scenario.modelReplies.map((text) => ({ text, score: critiqueReply(pack, text, scenario.client).critique.score }));
      models.set(scenario.id, list);
    }
    return list;
  };
  const saveSoFar = (): void => {
    if (options.save && session.attempts.length > 0) saveSession(options.save, session);
  };

  print(chalk.dim(`${wrap('rapport practice: write a reply to each client, read the critique, and try again. Ctrl-C quits at any time.', width())}\n`));
  try {
    let scenario: Scenario | null = options.first ?? (await chooseScenario(options.scenarios, options, session, null));
    while (scenario) {
      const current: Scenario = scenario;
      print(`\n${formatScenario(current, width())}`);
      let draft = await replyPrompt({ message: 'Your reply' });
      let modelIndex = 0;
      let seenRewrite = false;
      let next: Next = 'revise';
      while (next === 'revise') {
        const { critique, mends } = critiqueReply(pack, draft, current.client);
        addAttempt(session, current, draft, critique.score, critique.band);
        saveSoFar();
        print(`\n${formatCompact(critique, { previous: previousScore(session, current), width: width() })}`);
        const trend = formatTrend(session);
        if (trend) print(trend);
        print('');
        for (;;) {
          next = await nextStep(critique, mends.length > 0, seenRewrite);
          if (next === 'rewrite') {
            seenRewrite = true;
            print(`\n${formatRewrite(critique, width(), mends)}`);
          } else if (next === 'compare') {
            const list = modelsOf(current);
            print(`\n${formatComparison(current, critique, list[modelIndex % list.length]!, modelIndex % list.length, width())}`);
            modelIndex += 1;
          } else break;
        }
        if (next === 'revise') {
          print(`\n${formatClient(current, width())}\n`);
          draft = await replyPrompt({ message: 'Revise your reply', default: draft });
        }
      }
      scenario = next === 'next' ? await chooseScenario(options.scenarios, options, session, current) : null;
    }
    if (options.save) {
      saveSoFar();
      if (session.attempts.length > 0) print(`Saved to ${options.save}.\nA supervisor can score it again with: rapport batch ${options.save}`);
    } else {
      await askToSave(session);
    }
    print(formatSummary(session));
  } catch (error) {
    if (!isExit(error)) throw error;
    // Ctrl-C: keep what there is (when saving was asked for) and leave quietly.
    saveSoFar();
    print('');
    if (options.save && session.attempts.length > 0) print(`Stopped. The session so far is saved in ${options.save}.`);
    else print('Stopped.');
    print(formatSummary(session));
  }
}

export function requireTerminal(): void {
  if (!process.stdin.isTTY || !process.stdout.isTTY) {
    const which = !process.stdin.isTTY ? 'standard input' : 'standard output';
    throw new UsageError(
      `practice is interactive and needs a terminal (${which} is not one). To score a reply from a script, use rapport check, e.g. rapport check --client "I can't sleep" "It sounds exhausting."`,
    );
  }
}
