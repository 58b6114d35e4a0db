// Proposals straight from the rewrite module, before the re-score decides whether to offer them.
import { runRules } from '../../../src/core/matches/run.js';
import { proposeRewrite, type Proposal } from '../../../src/core/rewrite/rewrite.js';
import { rewriteWords } from '../../../src/core/rewrite/words.js';
import { analyse } from '../../../src/core/tokens/analyse.js';
import { builtinPack } from '../../helpers.js';

export const pack = await builtinPack();
export const words = rewriteWords(pack.lexicons);

export function propose(reply: string, client: string | null = null): Proposal | null {
  const analysis = analyse(reply);
  const clientAnalysis = client === null ? null : analyse(client);
  const { hits } = runRules(pack, analysis, clientAnalysis);
  return proposeRewrite({ text: reply, reply: analysis, client: clientAnalysis, hits, lexicons: pack.lexicons });
}

/** The proposal's text, failing the test when there is none. */
export function rewriteOf(reply: string, client: string | null = null): string {
  const proposal = propose(reply, client);
  if (!proposal) throw new Error(`no rewrite proposed for “${reply}”`);
  return proposal.text;
}

export const sentencesOf = (text: string): string[] => {
  const analysis = analyse(text);
  return analysis.sentences.map((s) => text.slice(s.start, s.end));
};
