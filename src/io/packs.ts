// Reading rule packs from disk. The built-in pack is validated and compiled to
// JSON at build time (dist/builtin-pack.json); it is used while the YAML files
// in rules/ are unchanged, so a normal start parses no YAML at all.
import { createHash } from 'node:crypto';
import { existsSync, lstatSync, readdirSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { dirname, isAbsolute, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { lexiconStems } from '../core/rules/lexicons.js';
import { compilePack, RuleCompileError, type CompiledPack, type PackSource, type Precompiled, type RuleSetting } from '../core/rules/pack.js';
import { InputError } from './errors.js';
import { readBounded } from './input.js';
import { noteInput } from './output.js';
import { pushAll } from '../core/lists.js';

/** The folder holding package.json, whether running from dist/ (bundled) or src/io/ (tests). */
function packageRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'package.json')) && dirname(dir) !== dir) dir = dirname(dir);
  return dir;
}

export const PACKAGE_ROOT = packageRoot();
export const BUILTIN_RULES = join(PACKAGE_ROOT, 'rules');
const CACHE_FILE = join(PACKAGE_ROOT, 'dist', 'builtin-pack.json');

// Stamped by content, not modification time: installing the package sets every
// file's mtime to the time of the install, which would void the cache for good.
interface FileStamp {
  name: string;
  sha1: string;
}

/**
 * The built-in pack as the build stored it. Using it instead of the rule files is safe while:
 *
 * - the rule files are the ones it was built from: each is stamped by name and content hash
 *   (checked on every read; a mismatch reads the files instead);
 * - the code that reads it is the code that wrote it, in everything it stores. Bump CACHE_FORMAT
 *   when a change alters what the cache holds for the same rule files: the shape of PackCache or
 *   of SerialPatterns (patterns/serial.ts), what parseRuleFile gives for a file (schema defaults
 *   and transforms), what compilePattern gives for a source (the grammar, its expansion,
 *   normalise), or how words are stemmed (stemOf, natural's stemmer). The build rewrites the cache
 *   every time, so only a dist/ older than the source (tests run without a build) can break this.
 *
 * Stored patterns name their lexicons rather than copy them, and a pattern whose lexicon a pack no
 * longer defines is compiled afresh, so added packs may extend lexicons freely.
 */
const CACHE_FORMAT = 4;

interface PackCache extends Precompiled {
  format: typeof CACHE_FORMAT;
  stamps: FileStamp[];
  source: PackSource;
}

/** The YAML files of a pack folder (not its sub-folders: scenarios live there). */
export function packFiles(dir: string): string[] {
  let entries: string[];
  try {
    entries = readdirSync(dir);
  } catch {
    throw new InputError(dir, 'cannot read this rule pack folder');
  }
  const inside = realpathSync(dir);
  return entries
    .filter((name) => /\.ya?ml$/i.test(name))
    .sort()
    .map((name) => join(dir, name))
    .filter((file) => {
      // A rule file reads nothing but itself, and a pack only its own files: a link out of the folder is refused.
      if (lstatSync(file).isSymbolicLink()) {
        let target: string;
        try {
          target = realpathSync(file);
        } catch {
          throw new InputError(file, 'is a broken link');
        }
        if (relative(inside, target).startsWith('..') || isAbsolute(relative(inside, target))) {
          throw new InputError(file, 'links to a file outside its rule pack folder; copy the file into the pack instead');
        }
      }
      return statSync(file).isFile();
    });
}

function stampsOf(files: string[]): FileStamp[] {
  return files.map((file) => ({ name: relative(PACKAGE_ROOT, file), sha1: createHash('sha1').update(readFileSync(file)).digest('hex') }));
}

function displayName(file: string): string {
  const fromCwd = relative(process.cwd(), file);
  return fromCwd.startsWith('..') ? file : fromCwd;
}

async function parsePackDir(dir: string): Promise<PackSource> {
  const { parseRuleFile } = await import('../core/rules/parse.js');
  const sources = packFiles(dir).map((file) => {
    let content: string;
    noteInput(file);
    try {
      content = readBounded(file, 'rules', displayName(file)).toString('utf8');
    } catch (error) {
      if (error instanceof InputError) throw error;
      throw new InputError(displayName(file), 'cannot read this rule file');
    }
    return parseRuleFile(content, displayName(file));
  });
  // No prototype: a lexicon may be called `constructor` (names are checked, but only as lower-case words).
  const lexicons: Record<string, string[]> = Object.create(null);
  for (const source of sources) {
    for (const [name, words] of Object.entries(source.lexicons)) pushAll((lexicons[name] ??= []), words);
  }
  return { rules: sources.flatMap((source) => source.rules), lexicons };
}

function readCache(files: string[]): PackCache | null {
  if (!existsSync(CACHE_FILE)) return null;
  try {
    const cache = JSON.parse(readFileSync(CACHE_FILE, 'utf8')) as PackCache;
    return cache.format === CACHE_FORMAT && JSON.stringify(cache.stamps) === JSON.stringify(stampsOf(files)) ? cache : null;
  } catch {
    return null;
  }
}

/** The built-in pack's rules and lexicons, from the build's cache when it is current. */
export async function builtinSource(): Promise<PackSource> {
  return readCache(packFiles(BUILTIN_RULES))?.source ?? (await parsePackDir(BUILTIN_RULES));
}

/** Build-time: validate the built-in pack and store it compiled-ready. */
export async function builtinCache(): Promise<string> {
  const files = packFiles(BUILTIN_RULES);
  const source = await parsePackDir(BUILTIN_RULES);
  const stems = lexiconStems(source.lexicons);
  const pack = compilePack([source]);
  return JSON.stringify({ format: CACHE_FORMAT, stamps: stampsOf(files), source, stems, patterns: pack.patterns.serialise() } satisfies PackCache);
}

export interface LoadPacksOptions {
  /** extra pack folders, in order */
  packs?: string[];
  settings?: Record<string, RuleSetting>;
  /** The config file the settings come from, and where each rule id is written in it. */
  settingsFile?: { file: string; positions: Record<string, [number, number]> };
  /** leave the built-in pack out (rule authors testing a pack alone) */
  builtin?: boolean;
}

export async function loadPack(options: LoadPacksOptions = {}): Promise<CompiledPack> {
  try {
    const sources: PackSource[] = [];
    const cache = options.builtin !== false ? readCache(packFiles(BUILTIN_RULES)) : null;
    if (options.builtin !== false) sources.push(cache?.source ?? (await parsePackDir(BUILTIN_RULES)));
    for (const dir of options.packs ?? []) {
      if (!existsSync(dir) || !statSync(dir).isDirectory()) throw new InputError(dir, 'no such rule pack folder');
      sources.push(await parsePackDir(dir));
    }
    return compilePack(sources, options.settings, cache ?? undefined);
  } catch (error) {
    if (error instanceof RuleCompileError && error.file === CONFIG_PLACEHOLDER && options.settingsFile && error.ruleId) {
      const { file, positions } = options.settingsFile;
      throw new InputError(file, `unknown rule "${error.ruleId}": no rule pack defines it (see rapport rules list)`, ...(positions[error.ruleId] ?? [null, null]));
    }
    if (error instanceof RuleCompileError) throw ruleError(error);
    throw error;
  }
}

/** What the compiler calls the config, which it never sees. */
const CONFIG_PLACEHOLDER = '(config)';

export function ruleError(error: RuleCompileError): InputError {
  const rule = error.ruleId ? `rule "${error.ruleId}": ` : '';
  return new InputError(error.file, rule + error.message, error.line, error.column);
}
