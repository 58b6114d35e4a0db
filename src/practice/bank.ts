// Reading the scenario bank from disk: the built-in files in rules/scenarios/
// plus any the user adds with --scenarios (folders or single files). Every
// problem is a one-line UsageError naming file:line:col (exit 2).
import { readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { InputError, UsageError } from '../io/errors.js';
import { readBounded } from '../io/input.js';
import { BUILTIN_RULES } from '../io/packs.js';
import { DIFFICULTIES, mergeScenarios, parseScenarioFile, ScenarioError, SETTINGS, type Difficulty, type Scenario, type Setting } from './scenarios.js';

export const BUILTIN_SCENARIOS = join(BUILTIN_RULES, 'scenarios');

function displayName(file: string): string {
  const fromCwd = relative(process.cwd(), file);
  return fromCwd.startsWith('..') ? file : fromCwd;
}

function scenarioFiles(path: string): string[] {
  let stat;
  try {
    stat = statSync(path);
  } catch {
    throw new UsageError(`${path}: no such scenario file or folder`);
  }
  if (stat.isFile()) return [path];
  let entries: string[];
  try {
    entries = readdirSync(path);
  } catch {
    throw new UsageError(`${path}: cannot read this scenario folder`);
  }
  const files = entries
    .filter((name) => /\.ya?ml$/i.test(name))
    .sort()
    .map((name) => join(path, name))
    .filter((file) => statSync(file).isFile());
  if (files.length === 0) throw new UsageError(`${path}: no scenario files (*.yaml) in this folder`);
  return files;
}

function parseFile(file: string): Scenario[] {
  const name = displayName(file);
  let content: string;
  try {
    content = readBounded(file, 'rules', name).toString('utf8');
  } catch (error) {
    if (error instanceof InputError) throw error;
    throw new UsageError(`${name}: cannot read this scenario file`);
  }
  return parseScenarioFile(content.replace(/^\uFEFF/, ''), name);
}

/** The built-in bank, then each extra folder or file, in order; ids must be unique across all. */
export function loadScenarios(extra: string[] = []): Scenario[] {
  try {
    const files = [...scenarioFiles(BUILTIN_SCENARIOS), ...extra.flatMap(scenarioFiles)];
    return mergeScenarios(files.map(parseFile));
  } catch (error) {
    if (error instanceof ScenarioError) throw new UsageError(error.message);
    throw error;
  }
}

export interface ScenarioFilter {
  setting?: string;
  difficulty?: string;
}

export function checkFilter(filter: ScenarioFilter): { setting?: Setting; difficulty?: Difficulty } {
  if (filter.setting !== undefined && !(SETTINGS as readonly string[]).includes(filter.setting)) {
    throw new UsageError(`--setting takes one of ${SETTINGS.join(', ')}, not "${filter.setting}"`);
  }
  if (filter.difficulty !== undefined && !(DIFFICULTIES as readonly string[]).includes(filter.difficulty)) {
    throw new UsageError(`--difficulty takes one of ${DIFFICULTIES.join(', ')}, not "${filter.difficulty}"`);
  }
  return filter as { setting?: Setting; difficulty?: Difficulty };
}

export function filterScenarios(scenarios: Scenario[], filter: ScenarioFilter): Scenario[] {
  return scenarios.filter(
    (s) => (filter.setting === undefined || s.setting === filter.setting) && (filter.difficulty === undefined || s.difficulty === filter.difficulty),
  );
}

/** The scenario with this id, or a UsageError listing near matches. */
export function findScenario(scenarios: Scenario[], id: string): Scenario {
  const found = scenarios.find((s) => s.id === id);
  if (found) return found;
  const words = id.toLowerCase().split(/[^a-z0-9]+/).filter(Boolean);
  const near = scenarios.filter((s) => words.some((w) => s.id.includes(w))).slice(0, 5);
  const hint = near.length ? `; did you mean ${near.map((s) => s.id).join(', ')}?` : '';
  throw new UsageError(`no scenario "${id}" (rapport practice --list shows them all)${hint}`);
}
