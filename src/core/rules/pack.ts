// A rule pack: validated rule definitions and lexicons, compiled once into
// runnable rules. Pure: reading files is the shell's job.
import { getOrAdd } from '../maps.js';
import type { Severity } from '../types.js';
import type { CompiledRule } from './context.js';
import * as absence from './kinds/absence.js';
import * as count from './kinds/count.js';
import * as mirror from './kinds/mirror.js';
import * as order from './kinds/order.js';
import * as pattern from './kinds/pattern.js';
import { buildLexicons, missingReserved, type Lexicons, type Stems } from './lexicons.js';
import { PatternIndex } from './patterns/index.js';
import { TEMPLATE_VARIABLES, unknownVariables } from './template.js';
import { PatternError, type CompiledPattern } from './patterns/parse.js';
import type { SerialPatterns } from './patterns/serial.js';
import type { RuleDefinition } from './schema.js';
import { pushAll } from '../lists.js';

/** A rule definition and where it came from, so errors can point at it. */
export interface SourcedRule {
  definition: RuleDefinition;
  file: string;
  line: number;
  column: number;
}

export interface PackSource {
  rules: SourcedRule[];
  lexicons: Record<string, string[]>;
}

export interface CompiledPack {
  rules: CompiledRule[];
  /** The rules each pattern can trigger (see CompiledRule.triggers). */
  triggeredBy: ReadonlyMap<CompiledPattern, readonly CompiledRule[]>;
  lexicons: Lexicons;
  patterns: PatternIndex;
  sourceOf: ReadonlyMap<string, SourcedRule>;
}

export type RuleSetting = 'off' | Severity;

export class RuleCompileError extends Error {
  constructor(
    message: string,
    readonly file: string,
    readonly line: number,
    readonly column: number,
    readonly ruleId: string | null,
  ) {
    super(message);
  }
}

/** `clientSays`: the rule runs only when the client statement matches one of these patterns. */
function whenClientSays(rule: CompiledRule, index: PatternIndex): CompiledRule {
  const wanted = (rule.definition.clientSays ?? []).map((source) => index.compile(source));
  if (wanted.length === 0) return rule;
  return {
    ...rule,
    clientSays: wanted,
    run(context) {
      const said = context.clientMatched();
      return wanted.some((pattern) => said.has(pattern)) ? rule.run(context) : [];
    },
  };
}

function compileRule(definition: RuleDefinition, index: PatternIndex): CompiledRule {
  return whenClientSays(compileKind(definition, index), index);
}

function compileKind(definition: RuleDefinition, index: PatternIndex): CompiledRule {
  switch (definition.type) {
    case 'pattern':
      return pattern.compile(definition, index);
    case 'count':
      return count.compile(definition, index);
    case 'mirror':
      return mirror.compile(definition, index);
    case 'order':
      return order.compile(definition, index);
    case 'absence':
      return absence.compile(definition, index);
  }
}

/**
 * What the build worked out for the built-in pack, passed back in so a start does not repeat it.
 * Patterns are stored by their source and lexicons named, not copied, so a pack that extends a
 * lexicon still sees its own words.
 */
export interface Precompiled {
  patterns: SerialPatterns;
  stems: Stems;
}

/** Merge pack sources (later packs may extend lexicons, never redefine a rule) and compile. */
export function compilePack(sources: PackSource[], settings: Record<string, RuleSetting> = {}, precompiled?: Precompiled): CompiledPack {
  // No prototype: a lexicon may be called `constructor`.
  const lexiconSources: Record<string, string[]> = Object.create(null);
  for (const source of sources) {
    for (const [name, words] of Object.entries(source.lexicons)) pushAll((lexiconSources[name] ??= []), words);
  }
  const lexicons = buildLexicons(lexiconSources, precompiled?.stems);
  const missing = missingReserved(lexicons);
  if (missing.length > 0) {
    const first = sources.flatMap((source) => source.rules)[0];
    throw new RuleCompileError(`the rule packs define no lexicon "${missing[0]}", which the engine reads by name (define ${missing.map((name) => `"${name}"`).join(', ')} under lexicons:)`, first?.file ?? '(rules)', first?.line ?? 1, first?.column ?? 1, null);
  }
  const patterns = new PatternIndex(lexicons, precompiled?.patterns);
  const sourceOf = new Map<string, SourcedRule>();
  const rules: CompiledRule[] = [];
  for (const sourced of sources.flatMap((source) => source.rules)) {
    const { definition, file, line, column } = sourced;
    const previous = sourceOf.get(definition.id);
    if (previous) {
      throw new RuleCompileError(`rule "${definition.id}" is already defined in ${previous.file}:${previous.line}`, file, line, column, definition.id);
    }
    sourceOf.set(definition.id, sourced);
    for (const [field, template] of [['message', definition.message], ['suggestion', definition.suggestion ?? '']] as const) {
      const unknown = unknownVariables(template);
      if (unknown.length) {
        throw new RuleCompileError(`${field} names {${unknown[0]}}, which no finding supplies (use ${TEMPLATE_VARIABLES.map((name) => `{${name}}`).join(', ')})`, file, line, column, definition.id);
      }
    }
    const setting = settings[definition.id];
    if (setting === 'off') continue;
    try {
      const compiled = compileRule(setting ? { ...definition, severity: setting } : definition, patterns);
      rules.push(compiled);
    } catch (error) {
      if (error instanceof PatternError) throw new RuleCompileError(error.message, file, line, column, definition.id);
      throw error;
    }
  }
  for (const id of Object.keys(settings)) {
    if (!sourceOf.has(id)) throw new RuleCompileError(`the config names rule "${id}", which no rule pack defines`, '(config)', 1, 1, id);
  }
  const triggeredBy = new Map<CompiledPattern, CompiledRule[]>();
  for (const rule of rules) {
    for (const pattern of new Set(rule.triggers ?? [])) getOrAdd(triggeredBy, pattern, (): CompiledRule[] => []).push(rule);
  }
  return { rules, triggeredBy, lexicons, patterns, sourceOf };
}
