// Writing a report. --out goes through a temporary file and a rename, so a
// failed run never leaves a half-written report or truncates an old one, and
// it refuses to write over a file the run is reading.
import { randomBytes } from 'node:crypto';
import { closeSync, constants, fsyncSync, openSync, realpathSync, renameSync, rmSync, statSync, writeFileSync, writeSync, type Stats } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { InputError } from './errors.js';

function real(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    return resolve(path);
  }
}

/** Every file the run has read (config, rule files, baselines, transcripts): --out never replaces one. */
const readSoFar = new Set<string>();

export function noteInput(path: string): void {
  if (path !== '-') readSoFar.add(real(path));
}

/** Refuses an --out that is one of the run's inputs. */
export function refuseInputs(out: string, inputs: readonly string[] = []): void {
  const target = real(out);
  if (readSoFar.has(target) || inputs.some((input) => input !== '-' && real(input) === target)) {
    throw new InputError(out, '--out would overwrite an input file, one this run reads: choose another --out');
  }
}

/**
 * Where a report is written before it is renamed into place: beside it (a rename does not cross
 * file systems), hidden, and unpredictable, so a link planted at the name cannot redirect it.
 */
export function temporaryFor(path: string): string {
  return join(dirname(resolve(path)), `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp`);
}

/** Create-only, never through a link: the temporary file is new, or the open fails. */
const EXCLUSIVE = constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | (constants.O_NOFOLLOW ?? 0);

/**
 * Opens a new temporary file for `target`. Its mode is the target's when it exists, else 0666
 * less the umask, as for any file a program creates (a report for a supervisor is not private
 * by default; the umask says otherwise where it should be).
 */
export function openTemporary(target: string, existing: Stats | null): { fd: number; temporary: string } {
  const temporary = temporaryFor(target);
  const fd = openSync(temporary, EXCLUSIVE, existing ? existing.mode & 0o7777 : 0o666);
  return { fd, temporary };
}

export function cannotWrite(path: string, error: unknown): InputError {
  const code = (error as NodeJS.ErrnoException).code;
  const folder = dirname(path);
  const why =
    code === 'ENOENT'
      ? `there is no folder ${folder === '.' ? 'here' : `"${folder}"`} to write it in`
      : code === 'ENOTDIR'
        ? `"${folder}" is not a folder`
        : code === 'EACCES' || code === 'EPERM'
          ? 'permission denied'
          : code === 'EISDIR'
            ? 'it is a folder'
            : code === 'ENOSPC'
              ? 'the disk is full'
              : code === 'EROFS'
                ? 'the file system is read-only'
                : (code ?? (error as Error).message);
  return new InputError(path, `cannot write the report: ${why}`);
}

function statOrNull(path: string): Stats | null {
  try {
    return statSync(path);
  } catch {
    return null;
  }
}

export function writeAtomic(path: string, content: string, inputs: string[] = []): void {
  refuseInputs(path, inputs);
  const existing = statOrNull(path);
  // A device, FIFO or socket is written through, never replaced: --out /dev/null must stay a device.
  if (existing && !existing.isFile()) {
    if (existing.isDirectory()) throw cannotWrite(path, Object.assign(new Error('EISDIR'), { code: 'EISDIR' }));
    try {
      writeFileSync(path, content);
    } catch (error) {
      throw cannotWrite(path, error);
    }
    return;
  }
  replaceAtomically(path, content, existing);
}

/** Writes `path` whole or not at all, through a temporary file beside it; `existing` is its stats, or null. */
export function replaceAtomically(path: string, content: string, existing: Stats | null): void {
  let temporary: string | null = null;
  try {
    const opened = openTemporary(path, existing);
    temporary = opened.temporary;
    try {
      writeSync(opened.fd, content);
      fsyncSync(opened.fd);
    } finally {
      closeSync(opened.fd);
    }
    renameSync(temporary, path);
  } catch (error) {
    if (temporary) rmSync(temporary, { force: true });
    throw cannotWrite(path, error);
  }
}

/** Print to stdout, or write to --out. */
export function emit(content: string, out: string | undefined, inputs: string[] = []): void {
  const text = content.endsWith('\n') || content === '' ? content : `${content}\n`;
  if (out) writeAtomic(out, text, inputs);
  else process.stdout.write(text);
}
