// Entry point. Only the command being run is imported (each is its own chunk
// in the bundle), so `rapport check` never pays for the practice UI or the
// Markdown parser. `--help` with no command imports them all to list them.
import { Command, CommanderError } from 'commander';
import { handleError } from './errors.js';

const COMMANDS: Record<string, () => Promise<{ command: () => Command }>> = {
  check: () => import('./commands/check.js'),
  rules: () => import('./commands/rules.js'),
  batch: () => import('./commands/batch.js'),
  practice: () => import('./commands/practice.js'),
  lint: () => import('./commands/lint.js'),
  eval: () => import('./commands/eval.js'),
};

export const VERSION = '0.1.0';

/** addCommand does not pass exitOverride and output settings down; do it for the whole tree. */
function inherit(command: Command, parent: Command): Command {
  command.copyInheritedSettings(parent);
  for (const sub of command.commands) inherit(sub, command);
  return command;
}

async function main(argv: string[]): Promise<void> {
  const program = new Command('rapport')
    .description('A coach for reflective, rapport-building replies: scores drafts and suggests validating rewrites.')
    .version(VERSION)
    .showSuggestionAfterError()
    .exitOverride()
    .configureOutput({ outputError: () => {} });
  const requested = argv[2];
  const names = requested && requested in COMMANDS ? [requested] : Object.keys(COMMANDS);
  for (const name of names) program.addCommand(inherit((await COMMANDS[name]!()).command(), program));
  program.addHelpText(
    'after',
    `
Examples:
  rapport check "You need to calm down."
  rapport check --client "I can't sleep, I'm so worried" "It sounds like the worry follows you to bed."
  rapport batch sessions/*.txt --format html --out report.html
  rapport lint handbook/ --format github
  rapport practice`,
  );
  await program.parseAsync(argv);
}

// A reader that stops early (`rapport check ... | head`) is not an error: stop quietly.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(typeof process.exitCode === 'number' ? process.exitCode : 0);
  process.exitCode = handleError(error);
});

main(process.argv).catch((error: unknown) => {
  if (error instanceof CommanderError && (error.code === 'commander.helpDisplayed' || error.code === 'commander.version' || error.code === 'commander.help')) {
    process.exitCode = 0;
    return;
  }
  process.exitCode = handleError(error);
});
