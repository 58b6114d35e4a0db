// A rule's own examples are its tests: every `flag` example must make the rule
// fire, every `pass` example must not. Run by `rapport rules test` and npm test.
import { critiqueReply } from '../critique.js';
import type { CompiledPack } from './pack.js';
import type { Example } from './schema.js';

export interface ExampleResult {
  ruleId: string;
  expect: 'flag' | 'pass';
  reply: string;
  client: string | null;
  ok: boolean;
  /** what the rule matched, when it fired */
  matched: string[];
}

function unpack(example: Example): { reply: string; client: string | null } {
  return typeof example === 'string' ? { reply: example, client: null } : { reply: example.reply, client: example.client ?? null };
}

export function runExamples(pack: CompiledPack, ruleIds?: ReadonlySet<string>): ExampleResult[] {
  const results: ExampleResult[] = [];
  for (const rule of pack.rules) {
    const { id, examples } = rule.definition;
    if (ruleIds && !ruleIds.has(id)) continue;
    for (const expect of ['flag', 'pass'] as const) {
      for (const example of examples[expect]) {
        const { reply, client } = unpack(example);
        const { hits } = critiqueReply(pack, reply, client);
        const matched = hits.filter((hit) => hit.rule.definition.id === id).map(({ match }) => reply.slice(match.start, match.end));
        results.push({ ruleId: id, expect, reply, client, ok: (matched.length > 0) === (expect === 'flag'), matched });
      }
    }
  }
  return results;
}
