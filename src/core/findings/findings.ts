// Rule matches -> findings: what the user reads at each span. Coding rules
// only record behaviours, so they give no finding.
import { byCodeUnit } from '../compare.js';
import type { RuleHit } from '../matches/run.js';
import { fillTemplate, matchVars } from '../rules/template.js';
import { lineColumn, type Analysis } from '../tokens/analyse.js';
import type { Finding } from '../types.js';

export function toFindings(hits: RuleHit[], reply: Analysis, clientFeeling: string | null): Finding[] {
  const { text } = reply;
  const findings = hits
    .filter(({ rule }) => rule.definition.kind !== 'coding')
    .map(({ rule, match }): Finding => {
      const definition = rule.definition as typeof rule.definition & { kind: Finding['kind'] };
      const sentence = reply.sentences.find((s) => s.start <= match.start && match.start < s.end);
      const vars = matchVars(text, match, sentence, clientFeeling);
      const { line, column } = lineColumn(text, match.start);
      return {
        ruleId: definition.id,
        dimension: definition.dimension,
        kind: definition.kind,
        severity: definition.severity,
        message: fillTemplate(definition.message, vars),
        start: match.start,
        end: match.end,
        line,
        column,
        match: vars.match!,
        suggestion: definition.suggestion ? fillTemplate(definition.suggestion, vars) : null,
      };
    });
  return findings.sort((a, b) => a.start - b.start || byCodeUnit(a.ruleId, b.ruleId));
}
