// The pipeline: text -> tokens -> rule matches -> findings, behaviours and
// scores -> rewrite. Pure and deterministic: no I/O, no clock, no randomness.
import { toFindings } from './findings/findings.js';
import { score, type Fired, type RuleWeighting, type Scores } from './findings/score.js';
import { runRules, type RuleHit } from './matches/run.js';
import { proposeRewrite } from './rewrite/rewrite.js';
import type { CompiledPack } from './rules/pack.js';
import { analyse, type Analysis } from './tokens/analyse.js';
import { SCHEMA_VERSION, type Critique, type RewriteChange } from './types.js';

export interface Assessment {
  critique: Critique;
  scores: Scores;
  hits: RuleHit[];
  reply: Analysis;
  clientFeeling: string | null;
  /** the changes of a rewrite that did not score higher than the draft: shown one by one instead */
  mends: RewriteChange[];
}

const NO_WEIGHT: RuleWeighting = { weight: 0 };
const weightIn =
  (pack: CompiledPack) =>
  (ruleId: string): RuleWeighting => {
    const definition = pack.sourceOf.get(ruleId)?.definition;
    return definition ? { weight: definition.weight, cap: definition.cap, severity: definition.severity } : NO_WEIGHT;
  };

function assess(pack: CompiledPack, text: string, client: string | null, clientAnalysis: Analysis | null): Omit<Assessment, 'critique' | 'mends'> & { critique: Omit<Critique, 'rewrite'> } {
  const reply = analyse(text);
  const { hits, behaviours, clientFeeling } = runRules(pack, reply, clientAnalysis);
  const findings = toFindings(hits, reply, clientFeeling);
  const scores = score(findings, weightIn(pack));
  return {
    reply,
    hits,
    scores,
    clientFeeling,
    critique: {
      schemaVersion: SCHEMA_VERSION,
      text,
      client,
      score: scores.score,
      band: scores.band,
      dimensions: scores.dimensions,
      findings,
      behaviours,
    },
  };
}

/** The score alone, for re-checking a rewrite: the same rules and arithmetic, without building findings. */
function scoreOf(pack: CompiledPack, text: string, clientAnalysis: Analysis | null): number {
  return score(firedRules(pack, text, clientAnalysis), weightIn(pack)).score;
}

/** The scoring rules that fire on a reply: what the score is made of, without findings or a rewrite. */
export function firedRules(pack: CompiledPack, text: string, client: Analysis | null): Fired[] {
  const fired: Fired[] = [];
  for (const { rule: { definition }, match } of runRules(pack, analyse(text), client).hits) {
    // Coding rules record behaviours and weigh nothing.
    if (definition.kind !== 'coding') fired.push({ ruleId: definition.id, dimension: definition.dimension, kind: definition.kind, start: match.start, end: match.end });
  }
  return fired;
}

/** Critique one reply, with the client statement it answers when there is one. */
export function critiqueReply(pack: CompiledPack, text: string, client: string | null = null): Assessment {
  const clientText = client !== null && client.trim() !== '' ? client : null;
  const clientAnalysis = clientText === null ? null : analyse(clientText);
  const draft = assess(pack, text, clientText, clientAnalysis);
  const proposal = proposeRewrite({ text, reply: draft.reply, client: clientAnalysis, hits: draft.hits, lexicons: pack.lexicons, draftScore: draft.scores.score });
  let rewrite: Critique['rewrite'] = null;
  let mends: RewriteChange[] = [];
  if (proposal !== null) {
    const rescored = scoreOf(pack, proposal.text, clientAnalysis);
    // A rewrite that does not re-score higher would teach the wrong lesson; its mends are still worth showing.
    if (rescored > draft.scores.score) rewrite = { text: proposal.text, score: rescored, changes: proposal.changes };
    else mends = proposal.changes;
  }
  return { ...draft, mends, critique: { ...draft.critique, rewrite } };
}

export function critique(pack: CompiledPack, text: string, client: string | null = null): Critique {
  return critiqueReply(pack, text, client).critique;
}
