// One place maps every error to a one-line message and an exit code.
import { CommanderError } from 'commander';
import { UsageError } from '../io/errors.js';

export function handleError(error: unknown): number {
  if (error instanceof UsageError) {
    process.stderr.write(`rapport: ${error.message}\n`);
    return error.exitCode;
  }
  if (error instanceof CommanderError) {
    process.stderr.write(`rapport: ${error.message.replace(/^error: /, '')}\n`);
    return 2;
  }
  const message = error instanceof Error ? error.message : String(error);
  process.stderr.write(`rapport: internal error: ${message.split('\n')[0]} (set RAPPORT_DEBUG=1 for details)\n`);
  if (process.env.RAPPORT_DEBUG) process.stderr.write(`${(error as Error).stack ?? ''}\n`);
  return 2;
}
