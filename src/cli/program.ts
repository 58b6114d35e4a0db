// The command-line program: commander, the commands it is given, and the one
// error handler. Two entries run it: main.ts (every command, each imported only
// when it runs) and main-check.ts (`rapport check` alone, see bin/rapport).
import { Command, CommanderError } from 'commander';
import packageJson from '../../package.json' with { type: 'json' };
import { handleError } from './errors.js';

export type CommandLoaders = Record<string, () => Promise<{ command: () => Command }>>;

export const VERSION = packageJson.version;

const helpWidth = (): number => Math.min(80, process.stdout.columns || 80);

/** addCommand does not pass exitOverride and output settings down; do it for the whole tree. */
function inherit(command: Command, parent: Command): Command {
  command.copyInheritedSettings(parent);
  for (const sub of command.commands) inherit(sub, command);
  return command;
}

async function main(argv: string[], commands: CommandLoaders): Promise<void> {
  const program = new Command('rapport')
    .description('A coach for reflective, rapport-building replies: scores drafts and suggests validating rewrites.')
    .version(VERSION)
    .showSuggestionAfterError()
    .exitOverride()
    // Help fits an 80-column terminal (and a narrower one, where it wraps to the window).
    .configureOutput({ outputError: () => {}, getOutHelpWidth: helpWidth, getErrHelpWidth: helpWidth });
  const requested = argv[2];
  const names = requested && requested in commands ? [requested] : Object.keys(commands);
  for (const name of names) program.addCommand(inherit((await commands[name]!()).command(), program));
  program.addHelpText(
    'after',
    `
Examples:
  rapport check "You need to calm down."
  rapport check --client "I can't sleep, I'm so worried" \\
      "It sounds like the worry follows you to bed."
  rapport batch sessions/*.txt --format html --out report.html
  rapport lint handbook/ --format github
  rapport practice`,
  );
  await program.parseAsync(argv);
}

export function runCli(commands: CommandLoaders, argv: string[] = process.argv): void {
  // A reader that stops early (`rapport check ... | head`) is not an error: stop quietly.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(typeof process.exitCode === 'number' ? process.exitCode : 0);
    process.exitCode = handleError(error);
  });

  main(argv, commands).catch((error: unknown) => {
    if (error instanceof CommanderError && (error.code === 'commander.helpDisplayed' || error.code === 'commander.version' || error.code === 'commander.help')) {
      process.exitCode = 0;
      return;
    }
    process.exitCode = handleError(error);
  });
}
