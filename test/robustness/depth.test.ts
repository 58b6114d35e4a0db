// Input whose depth or length once reached the engine's stack: JSON nested thousands deep, lint
// reports of hundreds of thousands of examples. Each is refused with its file and line, or reported.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import type { TranscriptResult } from '../../src/batch/types.js';
import { formatMarkdown as formatBatchMarkdown } from '../../src/formatters/batch/markdown.js';
import { formatText as formatBatchText } from '../../src/formatters/batch/text.js';
import { formatGithub } from '../../src/formatters/lint/github.js';
import { formatJson } from '../../src/formatters/lint/json.js';
import { formatJunit } from '../../src/formatters/lint/junit.js';
import { formatText } from '../../src/formatters/lint/text.js';
import { lintContent, rulesOf, summarise } from '../../src/lint/lint.js';
import type { FileResult, LintReport } from '../../src/lint/types.js';
import { builtinPack } from '../helpers.js';
import { expectClean, run } from './helpers.js';

const tmp = mkdtempSync(join(tmpdir(), 'rapport-depth-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const nested = (depth: number): string => `${'['.repeat(depth)}"x"${']'.repeat(depth)}`;

describe('deeply nested JSON', () => {
  it('is refused with its file and line; the other files are still scored, and --format json prints them', () => {
    const good = join(tmp, 'good.jsonl');
    writeFileSync(good, `${JSON.stringify({ speaker: 'counsellor', text: 'How are you?' })}\n`);
    const deepLines = join(tmp, 'deep.jsonl');
    writeFileSync(deepLines, `${JSON.stringify({ speaker: 'counsellor', text: 'Hello.' })}\n{"speaker":"client","text":"hi","extra":${nested(5_000)}}\n`);
    const deepArray = join(tmp, 'deep.json');
    writeFileSync(deepArray, `[\n  {"speaker":"counsellor","text":"Hello."},\n  {"speaker":"client","text":"hi","extra":${nested(5_000)}}\n]\n`);
    const result = run(['batch', '--format', 'json', '--jobs', '0', deepLines, deepArray, good]);
    expectClean(result, [2]);
    expect(result.stderr).toMatch(/deep\.jsonl:2: JSON nested more than 256 levels deep/);
    expect(result.stderr).toMatch(/deep\.json:3: JSON nested more than 256 levels deep/);
    const report = JSON.parse(result.stdout) as { transcripts: { source: string; summary: { turns: number } }[] };
    expect(report.transcripts.find((t) => t.source.endsWith('good.jsonl'))?.summary.turns).toBe(1);
  });

  it('within the limit is read, the nested value kept as a field', () => {
    const file = join(tmp, 'nested.jsonl');
    writeFileSync(file, `{"speaker":"counsellor","text":"How are you?","extra":${nested(255)}}\n`);
    expectClean(run(['batch', '--format', 'json', '--jobs', '0', file]), [0, 1]);
  });
});

const pack = await builtinPack();

/** One file of `count` examples, each with one warning: a lint report as long as a 150,000-example YAML bank gives. */
function hugeReport(count: number): LintReport {
  const one = lintContent(pack, 'scenarios:\n  - model_reply: You need to calm down.\n', 'bank.yaml', '/x/bank.yaml');
  const warning = one.messages.find((message) => message.severity === 'warning')!;
  expect(warning).toBeDefined();
  const shift = <T extends { line: number; endLine: number }>(item: T, by: number): T => ({ ...item, line: item.line + by, endLine: item.endLine + by });
  const file: FileResult = { ...one, examples: [], messages: [] };
  for (let i = 0; i < count; i += 1) {
    for (const example of one.examples) file.examples.push({ ...shift(example, i), score: example.score - (i === count - 1 ? 1 : 0) });
    file.messages.push(shift(warning, i));
  }
  const files = [file];
  return { files, problems: [], summary: summarise({ files, problems: [] }) };
}

describe('lint reports of 150,000 examples (past where spreading them into a call overflows)', () => {
  it('are summed up and printed in every format, each example with its own message', () => {
    const count = 150_000;
    const report = hugeReport(count);
    // The last example scores one less than the others.
    expect(report.summary).toMatchObject({ examples: count, lowestScore: report.files[0]!.examples[0]!.score - 1 });
    expect(formatText(report).split('\n').filter((line) => line.includes(report.files[0]!.messages[0]!.ruleId))).toHaveLength(count);
    expect(JSON.parse(formatJson(report, rulesOf(pack, report))).summary.examples).toBe(count);
    const junit = formatJunit(report);
    expect(junit.match(/<testcase /g)).toHaveLength(count);
    expect(junit.match(/<failure /g)).toHaveLength(count);
    expect(formatGithub(report).split('\n').filter((line) => line.startsWith('::warning'))).toHaveLength(count);
  });
});

describe('batch reports of 130,000 transcripts', () => {
  it('are printed whole as text and Markdown, beside as many unreadable files', () => {
    const scored = run(['batch', '--format', 'json', '--jobs', '0', fileURLToPath(new URL('../../fixtures/transcripts/session.jsonl', import.meta.url))]);
    expectClean(scored, [0, 1]);
    const one = (JSON.parse(scored.stdout) as { transcripts: (TranscriptResult & { turns: { score: number }[] })[] }).transcripts[0]!;
    const count = 130_000;
    const results: TranscriptResult[] = Array.from({ length: count }, (_, i) => ({
      source: `t${i}.jsonl`,
      transcript: `t${i}`,
      // Short sections (no turns scored): the cohort table and the list of unreadable files are what grow.
      summary: { ...one.summary, turns: 0, weakest: [], issues: [] },
      scores: [],
    }));
    const errors = Array.from({ length: count }, (_, i) => ({ source: `bad${i}.csv`, line: 1, message: 'unreadable' }));
    const report = { results, errors, sort: 'name' as const };
    const last = `t${count - 1}`;
    for (const output of [formatBatchText(report), formatBatchMarkdown(report)]) {
      expect(output).toContain(last);
      expect(output).toContain(`bad${count - 1}.csv`);
    }
  });
});
