// Typed errors the shell maps to one-line messages and exit codes.

/** Exit 2: the job could not be done as asked (bad option, input, rules or config). */
export class UsageError extends Error {
  readonly exitCode = 2;
}

/** Exit 2, naming the file (and line/column where there is one). */
export class InputError extends UsageError {
  constructor(
    readonly file: string,
    /** what is wrong, without the file and line */
    readonly detail: string,
    readonly line: number | null = null,
    readonly column: number | null = null,
  ) {
    const where = [file, line, line !== null ? column : null].filter((part) => part !== null && part !== undefined).join(':');
    super(`${where}: ${detail}`);
  }
}
