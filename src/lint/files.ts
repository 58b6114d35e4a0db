// Which files `rapport lint` reads: files as named, folders walked for training
// material, and globs (quoted, so the shell did not expand them). Ignore globs
// from the config drop files wherever they came from.
import { readdirSync, statSync } from 'node:fs';
import { isAbsolute, join, normalize, relative, resolve, sep } from 'node:path';
import ignore from 'ignore';
import picomatch from 'picomatch';

/** Extensions a folder or glob walk picks up. A file named explicitly is read whatever its extension. */
export const TRAINING_EXTENSIONS = ['.md', '.markdown', '.mdx', '.txt', '.yaml', '.yml'] as const;

const SKIPPED_FOLDERS = new Set(['node_modules']);

export interface FoundFile {
  /** Absolute path. */
  path: string;
  /** As shown to the user: as given (a folder's or glob's part as given, then the rest), forward slashes. */
  file: string;
}

export interface Discovery {
  files: FoundFile[];
  /** Paths given that matched nothing, with why. */
  missing: { path: string; message: string }[];
  /** Files dropped by ignore globs. */
  ignored: number;
}

export interface DiscoverOptions {
  cwd: string;
  /** Globs of files to skip, relative to `ignoreBase` (the config file's folder). */
  ignore?: string[];
  ignoreBase?: string;
}

export const toPosix = (path: string): string => (sep === '\\' ? path.split(sep).join('/') : path);

export function displayName(path: string, cwd: string): string {
  const fromCwd = relative(cwd, path);
  return toPosix(fromCwd === '' || fromCwd.startsWith('..') || isAbsolute(fromCwd) ? path : fromCwd);
}

/**
 * How a file found from the path the user gave is shown: a relative path as given (normalised, so
 * `./a.md` is `a.md`), never made absolute; an absolute one relative to the working folder when
 * inside it. `rest` is the file's path below what was given (a folder's or a glob's base).
 */
function shownAs(given: string, rest: string, path: string, cwd: string): string {
  return isAbsolute(given) ? displayName(path, cwd) : toPosix(normalize(join(given, rest)));
}

const isTraining = (name: string): boolean => TRAINING_EXTENSIONS.some((ext) => name.toLowerCase().endsWith(ext));

/** Every training file under a folder, skipping node_modules, dot-folders and dot files, in a stable order. */
export function walk(dir: string, out: string[] = []): string[] {
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return out;
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (!entry.name.startsWith('.') && !SKIPPED_FOLDERS.has(entry.name)) walk(path, out);
    } else if ((entry.isFile() || entry.isSymbolicLink()) && isTraining(entry.name) && !entry.name.startsWith('.')) {
      // Dot files are tool settings (.rapportrc.yaml itself), not training material; named, they are read.
      if (entry.isSymbolicLink()) {
        try {
          if (!statSync(path).isFile()) continue;
        } catch {
          continue;
        }
      }
      out.push(path);
    }
  }
  return out;
}

export const isGlob = (path: string): boolean => picomatch.scan(path).isGlob;

function expandGlob(pattern: string, cwd: string): { base: string; root: string; paths: string[] } {
  const posix = toPosix(pattern);
  const { base, glob } = picomatch.scan(posix);
  const root = resolve(cwd, base || '.');
  const matches = picomatch(glob, { dot: false });
  return { base: base || '.', root, paths: walk(root).filter((path) => matches(toPosix(relative(root, path)))) };
}

/**
 * A matcher for ignore globs, read as .gitignore lines relative to `base` (the config's folder):
 * `drafts/` ignores every folder named drafts, `/notes.md` only the one beside the config, and
 * `!keep.md` brings a file back. The `ignore` package is what ESLint and Prettier use for this.
 */
export function ignoreMatcher(globs: string[], base: string): (path: string) => boolean {
  if (globs.length === 0) return () => false;
  const matcher = ignore().add(globs);
  return (path) => {
    const rel = toPosix(relative(base, path));
    // Files outside the config's folder are not its to ignore.
    if (rel === '' || rel.startsWith('../') || rel === '..' || isAbsolute(rel)) return false;
    return matcher.ignores(rel);
  };
}

/** Resolve the paths given on the command line to the files to lint. */
export function discover(paths: string[], options: DiscoverOptions): Discovery {
  const { cwd } = options;
  const ignored = ignoreMatcher(options.ignore ?? [], options.ignoreBase ?? cwd);
  const seen = new Set<string>();
  const files: FoundFile[] = [];
  const missing: Discovery['missing'] = [];
  let ignoredCount = 0;
  /** Adds a path; false when an ignore glob drops it. */
  const add = (path: string, file: string): boolean => {
    if (ignored(path)) {
      if (!seen.has(path)) ignoredCount++;
      seen.add(path);
      return false;
    }
    if (!seen.has(path)) files.push({ path, file });
    seen.add(path);
    return true;
  };
  const extensions = TRAINING_EXTENSIONS.join(' ');
  for (const given of paths) {
    const path = resolve(cwd, given);
    let stat;
    try {
      stat = statSync(path);
    } catch {
      stat = null;
    }
    let matched: string[];
    let none: string;
    let shown: (file: string) => string;
    if (stat?.isDirectory()) {
      matched = walk(path);
      none = `the folder holds no ${extensions} files`;
      shown = (file) => shownAs(given, relative(path, file), file, cwd);
    } else if (stat?.isFile()) {
      matched = [path];
      none = '';
      shown = (file) => shownAs(given, '', file, cwd);
    } else if (isGlob(given)) {
      const glob = expandGlob(given, cwd);
      matched = glob.paths;
      none = 'nothing matches this glob';
      shown = (file) => shownAs(glob.base, relative(glob.root, file), file, cwd);
    } else {
      missing.push({ path: given, message: stat ? 'not a file or folder' : 'no such file or folder' });
      continue;
    }
    // A path that gives nothing to lint is a mistake (a typo, a wrong folder): passing on "0 files" would hide it.
    const kept = matched.filter((file) => add(file, shown(file))).length;
    if (matched.length === 0) missing.push({ path: given, message: `no files matching: ${none}` });
    else if (kept === 0) missing.push({ path: given, message: `no files matching: ${stat?.isFile() ? 'the file is' : 'every file it matches is'} ignored (lint.ignore)` });
  }
  return { files, missing, ignored: ignoredCount };
}
