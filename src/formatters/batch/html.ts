// The batch report as one self-contained HTML file: no network loads (a Content-Security-Policy
// forbids them), charts as inline SVG, a little inline script to sort the cohort table, and a
// print stylesheet so it reads well on paper.
import { displayName } from '../../batch/cohort.js';
import { formatError } from '../../batch/run.js';
import type { Rating } from '../../batch/miti.js';
import type { TranscriptResult } from '../../batch/types.js';
import { DIMENSIONS } from '../../core/types.js';
import { fmt, headline, measureRows, ratingWord, SORT_WORDS, turnLabel, view, type BatchReport } from './report.js';
import { plural } from '../plural.js';

const escape = (text: string): string =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

const scoreClass = (score: number | null): string => (score === null ? 'none' : score >= 70 ? 'high' : score >= 45 ? 'mid' : 'low');
const ratingClass = (rating: Rating | null): string => (rating === 'good' ? 'good' : rating === 'fair' ? 'fair' : rating === 'below fair' ? 'below' : 'none');

const CSS = `
:root { --ink: #1d2330; --muted: #5b6475; --line: #d9dee7; --bg: #f7f8fb; --high: #1f7a4d; --mid: #a86b00; --low: #b3261e; --accent: #2f5aa8; }
* { box-sizing: border-box; }
body { margin: 0; font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--ink); background: var(--bg); }
main { max-width: 980px; margin: 0 auto; padding: 24px 20px 48px; }
h1 { font-size: 1.6rem; margin: 0 0 4px; }
h2 { font-size: 1.25rem; margin: 0 0 8px; }
h3 { font-size: 1rem; margin: 18px 0 6px; color: var(--muted); text-transform: uppercase; letter-spacing: .04em; }
.lede { color: var(--muted); margin: 0 0 20px; }
section.card { background: #fff; border: 1px solid var(--line); border-radius: 8px; padding: 18px 20px; margin: 0 0 20px; }
table { border-collapse: collapse; width: 100%; font-size: .92rem; }
th, td { padding: 6px 8px; border-bottom: 1px solid var(--line); text-align: left; vertical-align: top; }
th { color: var(--muted); font-weight: 600; white-space: nowrap; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
table.cohort th[data-key] { cursor: pointer; }
table.cohort th[aria-sort="ascending"]::after { content: " ▲"; }
table.cohort th[aria-sort="descending"]::after { content: " ▼"; }
tr.group th { background: var(--bg); color: var(--ink); }
.high { color: var(--high); } .mid { color: var(--mid); } .low { color: var(--low); }
.badge { display: inline-block; padding: 0 7px; border-radius: 10px; font-size: .8rem; font-weight: 600; border: 1px solid currentColor; }
.badge.good { color: var(--high); } .badge.fair { color: var(--mid); } .badge.below { color: var(--low); } .badge.none { color: var(--muted); }
.note { background: #fff6e0; border-left: 4px solid var(--mid); padding: 6px 10px; margin: 6px 0; }
.facts { color: var(--muted); margin: 0 0 8px; }
.charts { display: grid; grid-template-columns: 2fr 1fr; gap: 16px; align-items: start; }
figure { margin: 0; }
figcaption { font-size: .85rem; color: var(--muted); }
svg { display: block; width: 100%; height: auto; }
svg text { font: 11px system-ui, sans-serif; fill: var(--muted); }
.codes { display: flex; flex-wrap: wrap; gap: 6px; padding: 0; list-style: none; }
.codes li { background: var(--bg); border: 1px solid var(--line); border-radius: 4px; padding: 1px 8px; font-size: .85rem; }
.turn { border-top: 1px solid var(--line); padding: 10px 0; }
.turn blockquote { margin: 6px 0; padding: 6px 12px; border-left: 4px solid var(--line); background: var(--bg); white-space: pre-wrap; }
.turn blockquote.client { color: var(--muted); font-style: italic; }
.turn blockquote.rewrite { border-left-color: var(--high); background: #eef8f2; }
.turn ul { margin: 4px 0; padding-left: 20px; }
.errors li { font-family: ui-monospace, monospace; }
.hint { font-size: .85rem; color: var(--muted); }
@media (max-width: 720px) { .charts { grid-template-columns: 1fr; } }
@media print {
  body { background: #fff; font-size: 10.5pt; }
  main { max-width: none; padding: 0; }
  section.card { border: none; border-top: 2px solid #000; border-radius: 0; padding: 10px 0; break-inside: auto; }
  section.transcript { break-before: page; }
  .turn, figure, table.cohort tr { break-inside: avoid; }
  .hint, table.cohort th[data-key]::after { display: none; }
  .charts { grid-template-columns: 2fr 1fr; }
  a { color: inherit; text-decoration: none; }
}
`;

const SCRIPT = `
(function () {
  var table = document.querySelector('table.cohort[data-sortable]');
  if (!table) return;
  var body = table.tBodies[0];
  table.querySelectorAll('th[data-key]').forEach(function (th) {
    th.addEventListener('click', function () {
      var key = th.getAttribute('data-key');
      var descending = th.getAttribute('aria-sort') === 'ascending';
      table.querySelectorAll('th[data-key]').forEach(function (other) { other.removeAttribute('aria-sort'); });
      th.setAttribute('aria-sort', descending ? 'descending' : 'ascending');
      var rows = Array.prototype.slice.call(body.rows);
      rows.sort(function (a, b) {
        var x = a.getAttribute('data-' + key), y = b.getAttribute('data-' + key);
        var nx = parseFloat(x), ny = parseFloat(y);
        var d = isNaN(nx) || isNaN(ny) ? String(x).localeCompare(String(y), undefined, { numeric: true }) : nx - ny;
        return descending ? -d : d;
      });
      rows.forEach(function (row) { body.appendChild(row); });
    });
  });
})();
`;

/** Score per counsellor turn, with the band lines; one point per turn. */
export function timelineSvg(scores: readonly number[], label: string): string {
  const width = 640;
  const height = 200;
  const left = 34;
  const right = 10;
  const top = 10;
  const bottom = 28;
  const plotW = width - left - right;
  const plotH = height - top - bottom;
  const n = scores.length;
  const x = (i: number): number => left + (n <= 1 ? plotW / 2 : (i / (n - 1)) * plotW);
  const y = (score: number): number => top + plotH - (score / 100) * plotH;
  const parts: string[] = [];
  for (const [value, name] of [[0, ''], [45, 'developing'], [70, 'good'], [85, 'strong'], [100, '']] as const) {
    parts.push(`<line x1="${left}" x2="${width - right}" y1="${y(value).toFixed(1)}" y2="${y(value).toFixed(1)}" stroke="#d9dee7" stroke-dasharray="${value === 0 || value === 100 ? '' : '3 3'}"/>`);
    parts.push(`<text x="${left - 4}" y="${(y(value) + 4).toFixed(1)}" text-anchor="end">${value}</text>`);
    if (name) parts.push(`<text x="${width - right - 2}" y="${(y(value) - 3).toFixed(1)}" text-anchor="end">${name}</text>`);
  }
  const ticks = n <= 1 ? [0] : [...new Set([0, Math.round((n - 1) / 4), Math.round((n - 1) / 2), Math.round((3 * (n - 1)) / 4), n - 1])];
  for (const i of ticks) parts.push(`<text x="${x(i).toFixed(1)}" y="${height - 10}" text-anchor="middle">${i + 1}</text>`);
  parts.push(`<text x="${left + plotW / 2}" y="${height}" text-anchor="middle">counsellor turn</text>`);
  if (n > 0) {
    const points = scores.map((s, i) => `${x(i).toFixed(1)},${y(s).toFixed(1)}`).join(' ');
    parts.push(`<polyline class="timeline" points="${points}" fill="none" stroke="#2f5aa8" stroke-width="2" stroke-linejoin="round"/>`);
    if (n <= 400) {
      scores.forEach((s, i) => {
        const colour = s >= 70 ? '#1f7a4d' : s >= 45 ? '#a86b00' : '#b3261e';
        parts.push(`<circle cx="${x(i).toFixed(1)}" cy="${y(s).toFixed(1)}" r="${n > 120 ? 2 : 3.5}" fill="${colour}"><title>turn ${i + 1}: ${s}</title></circle>`);
      });
    }
  }
  return `<svg class="chart timeline" viewBox="0 0 ${width} ${height}" role="img" aria-label="${escape(label)}" xmlns="http://www.w3.org/2000/svg">${parts.join('')}</svg>`;
}

/** Mean per dimension as horizontal bars. */
export function profileSvg(dimensions: Record<string, number | null>, label: string): string {
  const width = 300;
  const row = 34;
  const labelW = 84;
  const barW = width - labelW - 40;
  const parts: string[] = [];
  DIMENSIONS.forEach((d, i) => {
    const value = dimensions[d] ?? 0;
    const yy = 8 + i * row;
    const colour = value >= 70 ? '#1f7a4d' : value >= 45 ? '#a86b00' : '#b3261e';
    parts.push(`<text x="${labelW - 6}" y="${yy + 15}" text-anchor="end">${d}</text>`);
    parts.push(`<rect x="${labelW}" y="${yy + 3}" width="${barW}" height="16" fill="#eef1f6" rx="3"/>`);
    parts.push(`<rect class="bar" x="${labelW}" y="${yy + 3}" width="${((value / 100) * barW).toFixed(1)}" height="16" fill="${colour}" rx="3"><title>${d}: ${fmt(dimensions[d] ?? null)}</title></rect>`);
    parts.push(`<text x="${labelW + barW + 6}" y="${yy + 15}">${fmt(dimensions[d] ?? null)}</text>`);
  });
  const height = 8 + DIMENSIONS.length * row;
  return `<svg class="chart profile" viewBox="0 0 ${width} ${height}" role="img" aria-label="${escape(label)}" xmlns="http://www.w3.org/2000/svg">${parts.join('')}</svg>`;
}

const anchor = (index: number): string => `t${index + 1}`;

function cohortTable(v: ReturnType<typeof view>, ids: Map<TranscriptResult, number>): string {
  const grouped = v.groups !== null;
  const head = `<thead><tr><th data-key="name">transcript</th>${grouped ? '<th data-key="group">group</th>' : ''}<th class="num" data-key="turns">turns</th><th class="num" data-key="mean">mean</th><th class="num" data-key="median">median</th><th class="num" data-key="min">min</th><th class="num" data-key="rq">R:Q</th><th class="num" data-key="cr">% CR</th><th class="num" data-key="oq">% open Q</th></tr></thead>`;
  const row = (r: TranscriptResult): string => {
    const s = r.summary;
    const m = s.miti;
    const judged = (value: string, rating: Rating | null): string =>
      m.judged && rating ? `${value} <span class="badge ${ratingClass(rating)}">${rating}</span>` : value;
    const data = `data-name="${escape(displayName(r))}" data-group="${escape(s.group ?? '')}" data-turns="${s.turns}" data-mean="${s.score.mean ?? ''}" data-median="${s.score.median ?? ''}" data-min="${s.score.min ?? ''}" data-rq="${m.reflectionToQuestion.value ?? ''}" data-cr="${m.percentComplexReflections.value ?? ''}" data-oq="${m.percentOpenQuestions.value ?? ''}"`;
    return `<tr ${data}><td><a href="#${anchor(ids.get(r)!)}">${escape(displayName(r))}</a></td>${grouped ? `<td>${escape(s.group ?? '–')}</td>` : ''}<td class="num">${s.turns}</td><td class="num ${scoreClass(s.score.mean)}">${fmt(s.score.mean)}</td><td class="num">${fmt(s.score.median)}</td><td class="num">${fmt(s.score.min)}</td><td class="num">${judged(fmt(m.reflectionToQuestion.value), m.reflectionToQuestion.rating)}</td><td class="num">${judged(fmt(m.percentComplexReflections.value, '%'), m.percentComplexReflections.rating)}</td><td class="num">${judged(fmt(m.percentOpenQuestions.value, '%'), m.percentOpenQuestions.rating)}</td></tr>`;
  };
  if (v.groups) {
    const columns = 9;
    const bodies = v.groups
      .map(
        (g) =>
          `<tbody><tr class="group"><th colspan="${columns}">${escape(g.name ?? '(no group)')} · ${plural(g.transcripts.length, 'transcript')} · ${plural(g.turns, 'turn')} · mean ${fmt(g.mean)}</th></tr>${g.transcripts.map(row).join('')}</tbody>`,
      )
      .join('');
    return `<table class="cohort">${head}${bodies}</table>`;
  }
  return `<table class="cohort" data-sortable>${head}<tbody>${v.sorted.map(row).join('')}</tbody></table><p class="hint">Click a column heading to sort.</p>`;
}

function transcriptSection(r: TranscriptResult, id: number): string {
  const s = r.summary;
  const name = displayName(r);
  const facts = [`${s.turns} counsellor turns of ${s.allTurns}`];
  if (s.score.mean !== null) facts.push(`mean <strong class="${scoreClass(s.score.mean)}">${fmt(s.score.mean)}</strong>`, `median ${fmt(s.score.median)}`, `minimum ${fmt(s.score.min)}`);
  if (s.group !== null) facts.push(`group ${escape(s.group)}`);
  const out = [`<section class="card transcript" id="${anchor(id)}"><h2>${escape(name)}</h2><p class="facts">${facts.join(' · ')}</p>`];
  if (s.turns === 0) return `${out.join('')}<p>No counsellor turns in this transcript.</p></section>`;
  out.push(
    `<div class="charts"><figure>${timelineSvg(r.scores, `Score per counsellor turn, ${name}`)}<figcaption>Score turn by turn</figcaption></figure><figure>${profileSvg(s.dimensions, `Mean score per dimension, ${name}`)}<figcaption>Dimension profile (means)</figcaption></figure></div>`,
  );
  const codes = Object.entries(s.behaviours).filter(([, n]) => n > 0);
  out.push(`<h3>Behaviours</h3>${codes.length ? `<ul class="codes">${codes.map(([code, n]) => `<li><code>${code}</code> ${n}</li>`).join('')}</ul>` : '<p>None coded.</p>'}`);
  out.push('<h3>MITI summary</h3>');
  if (s.miti.note) out.push(`<p class="note">${escape(s.miti.note[0]!.toUpperCase() + s.miti.note.slice(1))}.</p>`);
  out.push('<table class="miti"><thead><tr><th>measure</th><th>value</th><th>verdict</th><th>thresholds</th></tr></thead><tbody>');
  for (const row of measureRows(s.miti)) {
    const verdict = s.miti.judged ? `<span class="badge ${ratingClass(row.measure.rating)}">${ratingWord(row.measure.rating)}</span>` : '<span class="badge none">too few turns</span>';
    out.push(`<tr><td>${escape(row.label)}</td><td>${escape(row.value)}</td><td>${verdict}</td><td>${escape(row.thresholds)}</td></tr>`);
  }
  out.push('</tbody></table>');
  if (s.issues.length > 0) {
    out.push('<h3>Most frequent issues</h3><table class="issues"><thead><tr><th class="num">turns</th><th>issue</th><th>rule</th></tr></thead><tbody>');
    for (const issue of s.issues) out.push(`<tr><td class="num">${issue.turns}</td><td>${escape(issue.message)}</td><td><code>${escape(issue.ruleId)}</code></td></tr>`);
    out.push('</tbody></table>');
  }
  if (s.weakest.length > 0) {
    out.push('<h3>Weakest turns</h3>');
    for (const w of s.weakest) {
      out.push(`<div class="turn"><strong>${escape(turnLabel(w))}</strong> · ${escape(w.speaker)} · score <strong class="${scoreClass(w.score)}">${w.score}</strong>`);
      if (w.client) out.push(`<blockquote class="client">Client: ${escape(w.client)}</blockquote>`);
      out.push(`<blockquote class="said">${escape(w.text)}</blockquote>`);
      if (w.issues.length > 0) out.push(`<ul>${w.issues.map((i) => `<li>${escape(i.message)} <code>${escape(i.ruleId)}</code></li>`).join('')}</ul>`);
      out.push(w.rewrite ? `<p>Try instead (score ${w.rewrite.score}):</p><blockquote class="rewrite">${escape(w.rewrite.text)}</blockquote>` : '<p class="hint">No rewrite suggested.</p>');
      out.push('</div>');
    }
  }
  out.push('</section>');
  return out.join('');
}

export function formatHtml(report: BatchReport): string {
  const v = view(report);
  const ids = new Map(report.results.map((r, i) => [r, i] as const));
  const body: string[] = [`<h1>Batch report</h1><p class="lede">${escape(headline(v))}</p>`];
  if (v.sorted.length > 0) {
    body.push(`<section class="card"><h2>Cohort <span class="hint">(${SORT_WORDS[v.sort]})</span></h2>${cohortTable(v, ids)}<p class="hint">R:Q is reflections per question; CR complex reflections. Verdicts follow MITI thresholds; none is given when a transcript has too few turns to judge.</p></section>`);
  }
  if (v.errors.length > 0) {
    body.push(`<section class="card"><h2>Could not read</h2><ul class="errors">${v.errors.map((e) => `<li>${escape(formatError(e))}</li>`).join('')}</ul></section>`);
  }
  for (const r of v.sorted) body.push(transcriptSection(r, ids.get(r)!));
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:">
<title>rapport batch report</title>
<style>${CSS}</style>
</head>
<body>
<main>
${body.join('\n')}
</main>
<script>${SCRIPT}</script>
</body>
</html>
`;
}
