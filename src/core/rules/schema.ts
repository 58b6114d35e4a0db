// The rule-file format, declared once: the TypeScript types, the validator and
// the published JSON Schema (rules/schema.json) all come from these zod schemas.
import { z } from 'zod';
import { BEHAVIOUR_CODES, DIMENSIONS, FINDING_KINDS, SEVERITIES } from '../types.js';

/** The heaviest weight a rule may carry: no one rule outweighs a whole dimension's range. */
export const MAX_WEIGHT = 50;

const ruleId = z
  .string()
  .regex(/^[a-z][a-z0-9-]*(\.[a-z0-9][a-z0-9-]*)+$/, 'ids look like "dimension.short-name" (lower case, dots and hyphens)');

const nonEmpty = z.string().trim().min(1);
const behaviourCode = z.enum(BEHAVIOUR_CODES);

export const exampleSchema = z.union([
  nonEmpty,
  z.strictObject({
    reply: nonEmpty.describe('the counsellor reply'),
    client: nonEmpty.optional().describe('the client statement it answers'),
  }),
]);

const examplesSchema = z
  .strictObject({
    flag: z.array(exampleSchema).min(2).describe('replies the rule must fire on'),
    pass: z.array(exampleSchema).min(2).describe('replies the rule must stay quiet on'),
  })
  .describe('run as tests by `rapport rules test` and `npm test`');

export const selectorSchema = z
  .strictObject({
    behaviours: z.array(behaviourCode).min(1).optional(),
    patterns: z.array(nonEmpty).min(1).optional(),
  })
  .refine((selector) => selector.behaviours || selector.patterns, 'give `behaviours`, `patterns` or both');

export const FIX_STRATEGIES = [
  'reflect-client',
  'drop',
  'drop-minimiser',
  'replace-words',
  'ask-permission-about',
  'evoke-about',
  'what-instead-of-why',
  'one-open-question',
  'safety-question',
] as const;

const fixSchema = z
  .strictObject({
    strategy: z
      .enum(FIX_STRATEGIES)
      .describe(
        'reflect-client: open with a reflection of the client (or of the reply\'s topic); drop: leave out the sentence; drop-minimiser: leave out the minimising words of the match; replace-words: put `with` in place of the first word of the match (the rest of the match is context); ask-permission-about: advice becomes asking leave to share an idea on the same topic (a prescription is dropped); evoke-about: ask for the client\'s own ideas; what-instead-of-why: a why-question becomes a what-question about the same event; one-open-question: the questions become one open question on their topic; safety-question: ask directly about safety',
      ),
    with: z.string().trim().min(1).optional().describe('replace-words only: the words to put in place of the first word of the match'),
    harm: z.string().trim().min(1).optional().describe('what the dropped words do, for the explanation: "reassurance" gives “drops the reassurance …”'),
  })
  .refine((fix) => (fix.strategy === 'replace-words') === (fix.with !== undefined), {
    message: '`with` is required for replace-words, and not allowed for other strategies',
  })
  .describe('how the suggested rewrite mends what this rule finds');

const common = {
  id: ruleId,
  dimension: z.enum(DIMENSIONS),
  kind: z
    .enum([...FINDING_KINDS, 'coding'])
    .describe('issue lowers the score, strength raises it; coding only records behaviours (weight 0, no finding)'),
  severity: z.enum(SEVERITIES),
  weight: z.number().int().min(0).max(MAX_WEIGHT).describe('points added to (strength) or taken from (issue) the dimension'),
  message: nonEmpty.describe('shown at the span; may use {match}, {feeling}, {count}'),
  rationale: nonEmpty.describe('why this matters for rapport'),
  behaviours: z.array(behaviourCode).optional().describe('MITI-style codes the match evidences'),
  suggestion: nonEmpty.optional().describe('a concrete alternative, shown at the span'),
  fix: fixSchema.optional(),
  acknowledges: z
    .boolean()
    .optional()
    .describe('strengths only: the match acknowledges the client ("that must be exhausting"), so the rewrite keeps its sentence where it drops others'),
  cap: z
    .number()
    .int()
    .min(0)
    .max(100)
    .optional()
    .describe('issues only: while this rule fires, the overall score is at most this (harm dominates whatever else the reply does)'),
  clientSays: z
    .array(z.union([nonEmpty, z.array(nonEmpty)]))
    .min(1)
    .transform((entries) => entries.flat())
    .optional()
    .describe('run only when the client statement matches one of these patterns (for example a disclosure of risk); a list inside the list is read as its patterns, so a YAML anchor can be shared and extended'),
  client: z
    .enum(['required', 'absent', 'any'])
    .optional()
    .describe('run only with a client statement (required), only without one (absent); default any'),
  examples: examplesSchema,
};

export const SCOPES = ['sentence', 'first-sentence', 'last-sentence', 'question', 'statement', 'reply'] as const;

const patternRule = z.strictObject({
  ...common,
  type: z.literal('pattern'),
  scope: z.enum(SCOPES).optional().describe('where to look; `reply` reports at most one match per reply; default sentence'),
  patterns: z.array(nonEmpty).min(1),
  unless: z.array(nonEmpty).min(1).optional().describe('a match is dropped when one of these matches in the same sentence'),
  unlessEchoed: z
    .boolean()
    .optional()
    .describe('a match that says back to the client, as "you" and "your", only words of one sentence of their own is a reflection, and is dropped'),
  carries: z
    .array(nonEmpty)
    .min(1)
    .optional()
    .describe('a match counts only when one of these matches in its sentence from the match on: a frame earns credit only for what it carries'),
});

export const METRICS = ['questions', 'sentences', 'words', 'length-ratio', 'matches', 'repeats'] as const;

const rangeFields = {
  min: z.number().min(0).optional(),
  max: z.number().min(0).optional(),
};

const countRule = z.strictObject({
  ...common,
  type: z.literal('count'),
  metric: z.enum(METRICS),
  minClientWords: z.number().int().min(0).optional().describe('length-ratio: skip when the client said fewer words'),
  patterns: z
    .array(nonEmpty)
    .min(1)
    .optional()
    .describe('matches: the patterns whose matches are counted, across the whole reply; repeats: the most matches of any one of them (the same phrase said again)'),
  unless: z.array(nonEmpty).min(1).optional().describe('stay quiet when one of these patterns occurs anywhere in the reply'),
  ...rangeFields,
});

export const MEASURES = ['feeling-echo', 'content-overlap', 'verbatim', 'contradiction', 'feeling-mismatch'] as const;

const mirrorRule = z.strictObject({
  ...common,
  unless: z.array(nonEmpty).min(1).optional().describe('stay quiet when one of these patterns occurs anywhere in the reply'),
  type: z.literal('mirror'),
  measure: z.enum(MEASURES),
  lexicon: z
    .string()
    .optional()
    .describe('feeling-echo: the lexicon of feeling words (default feelings); contradiction: the words the reply names that the client did not'),
  unlessClient: z
    .string()
    .optional()
    .describe('contradiction: stay quiet when the client also said a word of this lexicon (their mood was mixed)'),
  families: z
    .array(z.string())
    .min(1)
    .optional()
    .describe('feeling-mismatch: lexicons of feelings that answer one another ("terrified" answers "scared")'),
  against: z
    .string()
    .optional()
    .describe('contradiction: the lexicon of the client\'s words that the reply contradicts (the client said some of these and none of `lexicon`)'),
  minClientWords: z.number().int().min(0).optional().describe('skip when the client said fewer content words'),
  maxWords: z.number().int().min(1).optional().describe('skip replies longer than this many words'),
  requires: z.array(nonEmpty).min(1).optional().describe('stay quiet unless one of these patterns occurs somewhere in the reply'),
  statementsOnly: z.boolean().optional().describe('skip replies that ask a question'),
  ...rangeFields,
});

const orderRule = z
  .strictObject({
    ...common,
    type: z.literal('order'),
    target: selectorSchema.describe('what gets flagged'),
    after: selectorSchema.optional().describe('fire when the target comes after one of these'),
    notAfter: selectorSchema.optional().describe('fire when the target comes with none of these before it'),
  })
  .refine((rule) => (rule.after === undefined) !== (rule.notAfter === undefined), 'give exactly one of `after` and `notAfter`');

const absenceRule = z.strictObject({
  ...common,
  type: z.literal('absence'),
  of: selectorSchema,
  minWords: z.number().int().min(0).optional().describe('only judge replies at least this long'),
});

export const ruleSchema = z
  .discriminatedUnion('type', [patternRule, countRule, mirrorRule, orderRule, absenceRule])
  .refine((rule) => (rule.kind === 'coding') === (rule.weight === 0), {
    message: 'coding rules have weight 0, and only coding rules do',
    path: ['weight'],
  })
  .refine((rule) => rule.cap === undefined || rule.kind === 'issue', { message: 'only issues carry a cap', path: ['cap'] });

export const lexiconsSchema = z.record(
  z.string().regex(/^[a-z][a-z0-9-]*$/, 'lexicon names are lower case words'),
  z.array(nonEmpty).min(1),
);

export const ruleFileSchema = z.strictObject({
  $schema: z.string().optional(),
  rules: z.array(ruleSchema).optional(),
  lexicons: lexiconsSchema.optional(),
});

export type RuleDefinition = z.infer<typeof ruleSchema>;
export type RuleFile = z.infer<typeof ruleFileSchema>;
export type Selector = z.infer<typeof selectorSchema>;
export type Example = z.infer<typeof exampleSchema>;
export type Fix = z.infer<typeof fixSchema>;
export type RuleType = RuleDefinition['type'];
