// Writing a report. --out goes through a temporary file and a rename, so a
// failed run never leaves a half-written report or truncates an old one, and
// it refuses to write over a file the run is reading.
import { randomBytes } from 'node:crypto';
import { closeSync, constants, fsyncSync, openSync, realpathSync, renameSync, rmSync, statSync, writeSync, type Stats } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { InputError } from './errors.js';

function real(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    return resolve(path);
  }
}

function statOrNull(path: string): Stats | null {
  try {
    return statSync(path);
  } catch {
    return null;
  }
}

// A path's spelling says little: a hard link, a bind mount or /proc/self/fd names the same file
// under another name, so inputs are known by device and inode (and by real path, for one that
// was named but could not be opened).
const identity = (stats: Stats): string => `${stats.dev}:${stats.ino}`;
const readPaths = new Set<string>();
const readFiles = new Set<string>();

/** Records a file the run reads (config, rule files, baselines, transcripts, scenarios): --out never replaces one. */
export function noteInput(path: string): void {
  if (path === '-') return;
  readPaths.add(real(path));
  const stats = statOrNull(path);
  if (stats) readFiles.add(identity(stats));
}

/** Refuses an --out that is one of the run's inputs. */
export function refuseInputs(out: string, inputs: readonly string[] = [], option = '--out'): void {
  for (const input of inputs) noteInput(input);
  const stats = statOrNull(out);
  if (readPaths.has(real(out)) || (stats !== null && readFiles.has(identity(stats)))) {
    throw new InputError(out, `${option} would overwrite an input file, one this run reads: choose another ${option}`);
  }
}

// Temporary files not yet renamed into place. A run that fails, exits or is stopped by a signal
// removes them, so no half-written report is left beside the real one.
const temporaries = new Set<string>();
const SIGNALS = { SIGINT: 130, SIGTERM: 143, SIGHUP: 129 } as const;

function removeTemporaries(): void {
  for (const path of temporaries) rmSync(path, { force: true });
  temporaries.clear();
}

function onSignal(signal: keyof typeof SIGNALS): void {
  // A command with its own handler (batch stops at the next chunk) decides when to leave;
  // the exit hook then removes what is left.
  if (process.listenerCount(signal) > 1) return;
  removeTemporaries();
  process.exit(SIGNALS[signal]);
}

function track(path: string): void {
  if (temporaries.size === 0) {
    process.on('exit', removeTemporaries);
    for (const signal of Object.keys(SIGNALS) as (keyof typeof SIGNALS)[]) process.on(signal, onSignal);
  }
  temporaries.add(path);
}

/** The temporary file is gone (renamed into place, or removed). */
function untrack(path: string): void {
  if (!temporaries.delete(path) || temporaries.size > 0) return;
  // With nothing left to remove, signals get their default behaviour back.
  process.off('exit', removeTemporaries);
  for (const signal of Object.keys(SIGNALS) as (keyof typeof SIGNALS)[]) process.off(signal, onSignal);
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
 * Where the report goes. A target that exists and is not a regular file (a device, a FIFO, a
 * socket) is written through, never replaced: --out /dev/null must stay a device.
 */
export type Destination = { kind: 'through'; path: string } | { kind: 'replace'; path: string; existing: Stats | null };

export function destinationOf(path: string): Destination {
  const existing = statOrNull(path);
  if (existing === null) return { kind: 'replace', path, existing };
  if (existing.isDirectory()) throw cannotWrite(path, Object.assign(new Error('EISDIR'), { code: 'EISDIR' }));
  if (!existing.isFile()) return { kind: 'through', path };
  return { kind: 'replace', path, existing };
}

/** Opens an existing non-regular target for writing: no create, no truncate (neither means anything there). */
export function openThrough(path: string): number {
  return openSync(path, constants.O_WRONLY);
}

/**
 * Opens a new temporary file for `target`. Its mode is the target's when it exists, else 0666
 * less the umask, as for any file a program creates (a report for a supervisor is not private
 * by default; the umask says otherwise where it should be).
 */
export function openTemporary(target: string, existing: Stats | null): { fd: number; temporary: string } {
  const temporary = temporaryFor(target);
  // Tracked before it exists: a signal between the open and the handlers would leave it behind.
  track(temporary);
  try {
    return { fd: openSync(temporary, EXCLUSIVE, existing ? existing.mode & 0o7777 : 0o666), temporary };
  } catch (error) {
    untrack(temporary);
    throw error;
  }
}

/** Moves a finished temporary file into place. */
export function putInPlace(temporary: string, target: string): void {
  renameSync(temporary, target);
  untrack(temporary);
}

/** Removes a temporary file that will not be used. */
export function discardTemporary(temporary: string): void {
  rmSync(temporary, { force: true });
  untrack(temporary);
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

/** Writes all of `text`: a pipe may take less than asked in one write. */
export function writeAll(fd: number, text: string): void {
  const bytes = Buffer.from(text);
  for (let at = 0; at < bytes.length; ) at += writeSync(fd, bytes, at, bytes.length - at);
}

export function writeAtomic(path: string, content: string, inputs: string[] = []): void {
  refuseInputs(path, inputs);
  const destination = destinationOf(path);
  if (destination.kind === 'replace') return replaceAtomically(path, content, destination.existing);
  let fd: number | null = null;
  try {
    fd = openThrough(path);
    writeAll(fd, content);
  } catch (error) {
    throw cannotWrite(path, error);
  } finally {
    if (fd !== null) closeSync(fd);
  }
}

/**
 * Writes `path` whole or not at all, through a temporary file beside it; `existing` is its stats,
 * or null. A link is followed to the file it names, so the link stays a link, as with `>` in a
 * shell (renaming onto /dev/stdout would replace the link itself).
 */
export function replaceAtomically(path: string, content: string, existing: Stats | null): void {
  const target = existing ? real(path) : path;
  let temporary: string | null = null;
  try {
    const opened = openTemporary(target, existing);
    temporary = opened.temporary;
    try {
      writeAll(opened.fd, content);
      fsyncSync(opened.fd);
    } finally {
      closeSync(opened.fd);
    }
    putInPlace(temporary, target);
  } catch (error) {
    if (temporary) discardTemporary(temporary);
    throw cannotWrite(path, error);
  }
}

/** Print to stdout, or write to --out. */
export function emit(content: string, out: string | undefined, inputs: string[] = []): void {
  const text = content.endsWith('\n') || content === '' ? content : `${content}\n`;
  if (out) writeAtomic(out, text, inputs);
  else process.stdout.write(text);
}
