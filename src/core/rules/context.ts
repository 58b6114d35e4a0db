// What a rule sees when it runs, and what it gives back.
import type { Analysis, Sentence } from '../tokens/analyse.js';
import type { Behaviour } from '../types.js';
import type { Lexicons } from './lexicons.js';
import type { WordRange } from './patterns/match.js';
import type { CompiledPattern } from './patterns/parse.js';
import type { RuleDefinition } from './schema.js';

export interface RuleContext {
  reply: Analysis;
  client: Analysis | null;
  /** the client's first feeling word, as they wrote it */
  clientFeeling: string | null;
  lexicons: Lexicons;
  /** behaviours found by the first-phase rules; order and absence rules read them */
  behaviours: Behaviour[];
  /** a pattern's matches in one sentence of the reply (scanned once per sentence for all patterns) */
  matches(pattern: CompiledPattern, sentence: Sentence): WordRange[];
  /** the patterns that match anywhere in the reply: most rules can stop at one look */
  matched: ReadonlySet<CompiledPattern>;
  /** the patterns that match anywhere in the client statement (empty without one); scanned on first use */
  clientMatched(): ReadonlySet<CompiledPattern>;
}

export interface RuleMatch {
  start: number;
  end: number;
  /** values a message or suggestion template may use beyond {match} */
  vars?: Record<string, string>;
}

export interface CompiledRule {
  definition: RuleDefinition;
  /** 1: reads the text; 2: also reads the behaviours phase 1 found */
  phase: 1 | 2;
  /**
   * When set, the rule can fire only in a reply where one of these patterns matched: the engine
   * skips it otherwise without calling `run` (most replies match few of a pack's patterns).
   */
  triggers?: readonly CompiledPattern[];
  /** `clientSays`, compiled: what in the client statement the rule answers (the rewrite finds the disclosure by it) */
  clientSays?: readonly CompiledPattern[];
  run(context: RuleContext): RuleMatch[];
}
