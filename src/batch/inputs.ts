// What `rapport batch` reads: files as given, folders (their transcript files), globs the shell
// left unexpanded (quoted), and `-` for standard input.
import { existsSync, readdirSync, realpathSync, statSync } from 'node:fs';
import { join, sep } from 'node:path';
import { formatFromName } from '../readers/transcripts/index.js';

const GLOB_CHARS = /[*?[{]/;

/** A glob as a regular expression over `/`-separated paths: `**`, `*`, `?`, `[...]`, `{a,b}`. */
export function globToRegExp(glob: string): RegExp {
  let out = '';
  let braces = 0;
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i]!;
    if (c === '*' && glob[i + 1] === '*') {
      const slash = glob[i + 2] === '/';
      out += slash ? '(?:.*/)?' : '.*';
      i += slash ? 2 : 1;
    } else if (c === '*') out += '[^/]*';
    else if (c === '?') out += '[^/]';
    else if (c === '[') {
      const end = glob.indexOf(']', i + 1);
      if (end < 0) out += '\\[';
      else {
        out += `[${glob.slice(i + 1, end).replace(/^!/, '^').replace(/\\/g, '\\\\')}]`;
        i = end;
      }
    } else if (c === '{') {
      braces++;
      out += '(?:';
    } else if (c === '}' && braces > 0) {
      braces--;
      out += ')';
    } else if (c === ',' && braces > 0) out += '|';
    else out += c.replace(/[.+^${}()|\\]/g, '\\$&');
  }
  return new RegExp(`^${out}$`);
}

/** A folder's identity on disk, so a link back up (`d/up -> ..`) or to itself (`d/self -> .`) is walked once. */
function identity(path: string): string | null {
  try {
    const stats = statSync(path);
    return `${stats.dev}:${stats.ino}`;
  } catch {
    return null;
  }
}

function walk(dir: string, files: string[], visited = new Set<string>()): void {
  const id = identity(dir);
  if (id === null || visited.has(id)) return;
  visited.add(id);
  let entries: string[];
  try {
    entries = readdirSync(dir).sort();
  } catch {
    return;
  }
  for (const name of entries) {
    if (name.startsWith('.') || name === 'node_modules') continue;
    const path = dir === '.' ? name : join(dir, name);
    let isDir = false;
    try {
      isDir = statSync(path).isDirectory();
    } catch {
      continue;
    }
    if (isDir) walk(path, files, visited);
    else files.push(path);
  }
}

/**
 * The files to read, in order, without duplicates. A folder gives its transcript files (by
 * extension, recursively); a glob gives its matches; anything else is kept as given so reading
 * it reports the problem (e.g. no such file).
 */
export function expandInputs(args: readonly string[]): string[] {
  const out: string[] = [];
  const seen = new Set<string>();
  // The same file reached twice (by a link, or named and inside a named folder) is scored once, under the first name.
  const add = (path: string): void => {
    let key = path;
    try {
      key = path === '-' ? path : realpathSync(path);
    } catch {
      // reported when read
    }
    if (!seen.has(key)) {
      seen.add(key);
      out.push(path);
    }
  };
  for (const arg of args) {
    if (arg === '-') {
      add(arg);
      continue;
    }
    if (existsSync(arg) && statSync(arg).isDirectory()) {
      const files: string[] = [];
      walk(arg, files);
      const transcripts = files.filter((file) => formatFromName(file) !== null);
      // An empty folder is kept as given: reading it reports that it holds no transcripts.
      if (transcripts.length === 0) add(arg);
      else transcripts.forEach(add);
      continue;
    }
    if (!existsSync(arg) && GLOB_CHARS.test(arg)) {
      const pattern = arg.split(sep).join('/');
      const parts = pattern.split('/');
      const firstGlob = parts.findIndex((part) => GLOB_CHARS.test(part));
      const base = parts.slice(0, firstGlob).join('/') || (pattern.startsWith('/') ? '/' : '.');
      const regex = globToRegExp(pattern.replace(/^\.\//, ''));
      const files: string[] = [];
      walk(base, files);
      const matches = files.filter((file) => regex.test(file.split(sep).join('/')));
      if (matches.length > 0) {
        matches.forEach(add);
        continue;
      }
    }
    add(arg);
  }
  return out;
}
