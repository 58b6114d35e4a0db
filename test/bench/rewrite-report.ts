// How the suggested rewrites fare on a set of client statements and poor replies. Not part of `npm test`.
//
//   tsx test/bench/rewrite-report.ts CASES.yaml [--bands poor,harmful] [--quiet]
//
// CASES.yaml holds `cases:` or `replies:` (or a bare list) of { client, reply, band? or label?, score? }. A case is poor when its
// band is one of --bands (default poor, harmful), or, without a band, when its score is below 45.
// Prints: the share of poor replies that get a rewrite, the share of rewrites that reuse a content word
// of the client's statement, the most common opening sentence and its share, how many rewrites scoring
// 70 or more still carry a directive or a minimiser, and then every rewrite with its reasons.
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { parse } from 'yaml';
import { critiqueReply } from '../../src/core/critique.js';
import { analyse } from '../../src/core/tokens/analyse.js';
import { loadPack } from '../../src/io/packs.js';

interface Case {
  id?: string;
  client?: string;
  reply: string;
  band?: string;
  /** fixtures/calibration's name for the band */
  label?: string;
  score?: number;
}

const { values, positionals } = parseArgs({ allowPositionals: true, options: { bands: { type: 'string', default: 'poor,harmful' }, quiet: { type: 'boolean', default: false } } });
const file = positionals[0];
if (!file) {
  console.error('usage: tsx test/bench/rewrite-report.ts CASES.yaml [--bands poor,harmful] [--quiet]');
  process.exit(2);
}
const data = parse(readFileSync(file, 'utf8')) as { cases?: Case[]; replies?: Case[] } | Case[];
const cases = (Array.isArray(data) ? data : (data.cases ?? data.replies ?? []))
  .filter((c) => typeof c.reply === 'string')
  .map((c) => ({ ...c, band: c.band ?? c.label }));
const bands = new Set(values.bands.split(','));
const poor = cases.filter((c) => (c.band ? bands.has(c.band) : (c.score ?? 100) < 45));

const pack = await loadPack();
const stopwords = pack.lexicons.get('stopwords')?.words ?? new Set<string>();
const contentStems = (text: string): Set<string> =>
  new Set(analyse(text).words.filter((w) => !stopwords.has(w.norm) && !/^\d+$/.test(w.norm) && w.norm.length > 2).map((w) => w.stem));
const firstSentence = (text: string): string => {
  const [first] = analyse(text).sentences;
  return first ? text.slice(first.start, first.end) : text;
};
// A directive or minimiser left in a rewrite, by its words: independent of which rules fire.
const HARM = /\b(you (really |just )?(should|must|need to|have to|ought to|'ve got to|gotta)|you'd better|just|at least|simply)\b/i;

const rows = poor.map((c) => {
  const { critique: result, mends } = critiqueReply(pack, c.reply, c.client ?? null);
  const rewrite = result.rewrite;
  const clientStems = c.client ? contentStems(c.client) : new Set<string>();
  const reused = rewrite ? [...contentStems(rewrite.text)].filter((stem) => clientStems.has(stem)) : [];
  return { c, result, rewrite, reused, mends };
});
const rewritten = rows.filter((row) => row.rewrite);
const withClient = rewritten.filter((row) => row.c.client);
const openings = new Map<string, number>();
for (const row of rewritten) {
  const opening = firstSentence(row.rewrite!.text).toLowerCase();
  openings.set(opening, (openings.get(opening) ?? 0) + 1);
}
const [topOpening, topCount] = [...openings].sort((a, b) => b[1] - a[1])[0] ?? ['', 0];
const harmful = rewritten.filter((row) => row.rewrite!.score >= 70 && HARM.test(row.rewrite!.text));
const pct = (n: number, d: number): string => (d === 0 ? '–' : `${((100 * n) / d).toFixed(0)}% (${n}/${d})`);

if (!values.quiet) {
  for (const { c, result, rewrite, mends } of rows) {
    console.log(`\n[${c.id ?? '?'}] ${c.band ?? ''} draft ${result.score}`);
    if (c.client) console.log(`  client:  ${c.client}`);
    console.log(`  draft:   ${c.reply}`);
    if (rewrite) {
      console.log(`  rewrite: ${rewrite.text}  (${rewrite.score})`);
      for (const change of rewrite.changes) console.log(`           · ${change.reason}`);
    } else {
      console.log(`  rewrite: (none)${mends.length ? '; mends that did not score higher:' : ''}`);
      for (const change of mends) console.log(`           · ${change.reason}${change.replacement ? `: “${change.replacement}”` : ''}`);
    }
  }
  console.log('');
}
console.log(`cases ${cases.length}, poor (${[...bands].join('/')}) ${poor.length}`);
console.log(`poor replies with a rewrite              ${pct(rewritten.length, poor.length)}`);
console.log(`poor replies with mends but no rewrite    ${pct(rows.filter((row) => !row.rewrite && row.mends.length).length, poor.length)}`);
console.log(`rewrites reusing a client content word   ${pct(withClient.filter((row) => row.reused.length > 0).length, withClient.length)}`);
console.log(`most common opening sentence             ${pct(topCount, rewritten.length)}: “${topOpening}”`);
console.log(`rewrites ≥ 70 with a directive/minimiser ${pct(harmful.length, rewritten.length)}`);
const gains = rewritten.map((row) => row.rewrite!.score - row.result.score);
console.log(`mean gain of offered rewrites            ${gains.length ? (gains.reduce((a, b) => a + b, 0) / gains.length).toFixed(1) : '–'}`);
