// Which files `rapport lint` reads: files as named, folders walked for training
// material, and globs (quoted, so the shell did not expand them). Ignore globs
// from the config drop files wherever they came from.
import { readdirSync, statSync } from 'node:fs';
import { isAbsolute, join, relative, resolve, sep } from 'node:path';
import picomatch from 'picomatch';

/** Extensions a folder or glob walk picks up. A file named explicitly is read whatever its extension. */
export const TRAINING_EXTENSIONS = ['.md', '.markdown', '.mdx', '.txt', '.yaml', '.yml'] as const;

const SKIPPED_FOLDERS = new Set(['node_modules']);

export interface FoundFile {
  /** Absolute path. */
  path: string;
  /** As shown to the user: relative to the working directory when inside it, forward slashes. */
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

const isTraining = (name: string): boolean => TRAINING_EXTENSIONS.some((ext) => name.toLowerCase().endsWith(ext));

/** Every training file under a folder, skipping node_modules and dot-folders, in a stable order. */
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
    } else if ((entry.isFile() || entry.isSymbolicLink()) && isTraining(entry.name)) {
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

function expandGlob(pattern: string, cwd: string): string[] {
  const posix = toPosix(pattern);
  const { base, glob } = picomatch.scan(posix);
  const root = resolve(cwd, base || '.');
  const matches = picomatch(glob, { dot: false });
  return walk(root).filter((path) => matches(toPosix(relative(root, path))));
}

/** A matcher for ignore globs: a glob matches a path relative to `base`, or, when it has no slash, any file or folder name. */
export function ignoreMatcher(globs: string[], base: string): (path: string) => boolean {
  if (globs.length === 0) return () => false;
  const full = picomatch(globs, { dot: true });
  const anyName = globs.filter((glob) => !glob.includes('/'));
  const name = anyName.length ? picomatch(anyName, { dot: true }) : null;
  return (path) => {
    const rel = toPosix(relative(base, path));
    if (full(rel) || full(`${rel}/`)) return true;
    // "drafts/" or "drafts/**" also ignores the files inside drafts.
    const parts = rel.split('/');
    for (let i = 1; i < parts.length; i++) {
      const prefix = parts.slice(0, i).join('/');
      if (full(prefix) || full(`${prefix}/`)) return true;
    }
    return name !== null && parts.some((part) => name(part));
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
  const add = (path: string): void => {
    if (seen.has(path)) return;
    seen.add(path);
    if (ignored(path)) {
      ignoredCount++;
      return;
    }
    files.push({ path, file: displayName(path, cwd) });
  };
  for (const given of paths) {
    const path = resolve(cwd, given);
    let stat;
    try {
      stat = statSync(path);
    } catch {
      stat = null;
    }
    if (stat?.isDirectory()) {
      walk(path).forEach(add);
    } else if (stat?.isFile()) {
      add(path);
    } else if (isGlob(given)) {
      const matches = expandGlob(given, cwd);
      if (matches.length === 0) missing.push({ path: given, message: 'no files match this glob' });
      matches.forEach(add);
    } else {
      missing.push({ path: given, message: stat ? 'not a file or folder' : 'no such file or folder' });
    }
  }
  return { files, missing, ignored: ignoredCount };
}
