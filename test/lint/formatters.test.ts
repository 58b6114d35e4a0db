// The machine-read lint formats: SARIF against the SARIF 2.1.0 schema, JUnit as
// well-formed XML, GitHub workflow commands in the runner's syntax.
import AjvDraft04 from 'ajv-draft-04';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { escapeData, escapeProperty, formatGithub } from '../../src/formatters/lint/github.js';
import { formatJson } from '../../src/formatters/lint/json.js';
import { formatJunit } from '../../src/formatters/lint/junit.js';
import { formatSarif } from '../../src/formatters/lint/sarif.js';
import { formatText } from '../../src/formatters/lint/text.js';
import { lintContent, rulesOf, summarise } from '../../src/lint/lint.js';
import type { LintReport } from '../../src/lint/types.js';
import { builtinPack } from '../helpers.js';

const pack = await builtinPack();

// Vendored from the npm package @microsoft/jest-sarif (MIT): the OASIS SARIF 2.1.0 schema, rtm.5.
const schema = JSON.parse(readFileSync(new URL('../../fixtures/lint/sarif-schema-2.1.0.json', import.meta.url), 'utf8'));
// ajv-draft-04 is CommonJS: its class is the default export's default.
const Ajv04 = AjvDraft04.default;
const ajv = new Ajv04({ strict: false, allErrors: true, unicodeRegExp: false, logger: false });
ajv.addFormat('uri', (s: string) => URL.canParse(s));
ajv.addFormat('uri-reference', (s: string) => !/\s/.test(s) && URL.canParse(s, 'file:///'));
ajv.addFormat('date-time', (s: string) => !Number.isNaN(Date.parse(s)));
const validateSarif = ajv.compile(schema);

const SOURCE = [
  '# Week 2: <tricky> & "quoted" material',
  '',
  '> **Client:** Nobody at work listens, 100% of the time.',
  '>',
  '> **Counsellor:** You need to calm down, it\'s "fine" & <normal>.',
  '',
  'Counsellor: You must stop,',
  'and calm down.',
  '',
  'Counsellor: It sounds like that left you feeling unheard.',
  '',
].join('\n');

function report(withProblem = true, minScore?: number): LintReport {
  const files = [lintContent(pack, SOURCE, 'course/week 2,part:a.md', '/x/course/week 2,part:a.md', { minScore })];
  const problems = withProblem ? [{ file: 'course/broken.yaml', line: 3, column: 5, message: 'bad indentation & <stuff>' }] : [];
  return { files, problems, summary: summarise({ files, problems }) };
}

describe('SARIF', () => {
  it('is valid against the SARIF 2.1.0 schema', () => {
    const r = report(true, 80);
    const sarif = JSON.parse(formatSarif(r, rulesOf(pack, r, 80), { version: '0.1.0' }));
    expect(validateSarif(sarif), JSON.stringify(validateSarif.errors)).toBe(true);
    expect(sarif.version).toBe('2.1.0');
  });

  it('the validator does reject a broken log', () => {
    const r = report();
    const sarif = JSON.parse(formatSarif(r, rulesOf(pack, r), { version: '0.1.0' }));
    sarif.runs[0].results[0].level = 'severe';
    expect(validateSarif(sarif)).toBe(false);
  });

  it('gives each rule its rationale and message as help, and each result its exact region', () => {
    const r = report(false);
    const rules = rulesOf(pack, r);
    const sarif = JSON.parse(formatSarif(r, rules, { version: '0.1.0' }));
    const run = sarif.runs[0];
    const directive = run.tool.driver.rules.find((rule: { id: string }) => rule.id === 'openness.directive');
    const definition = pack.sourceOf.get('openness.directive')!.definition;
    expect(directive.help.text).toContain(definition.rationale);
    expect(directive.help.text).toContain(definition.message);
    const result = run.results.find((x: { ruleId: string }) => x.ruleId === 'openness.directive');
    expect(run.tool.driver.rules[result.ruleIndex].id).toBe('openness.directive');
    expect(result.level).toBe('warning');
    expect(result.locations[0].physicalLocation.region).toMatchObject({ startLine: 5, startColumn: 19, endLine: 5, endColumn: 30 });
    expect(result.locations[0].physicalLocation.artifactLocation.uri).toBe('course/week%202,part:a.md');
    expect(run.invocations[0].executionSuccessful).toBe(true);
  });

  it('reports unreadable files as tool notifications', () => {
    const r = report(true);
    const run = JSON.parse(formatSarif(r, rulesOf(pack, r), { version: '0.1.0' })).runs[0];
    expect(run.invocations[0].executionSuccessful).toBe(false);
    expect(run.invocations[0].toolExecutionNotifications[0].locations[0].physicalLocation.region.startLine).toBe(3);
  });
});

describe('JUnit', () => {
  it('is well-formed XML with a test case per example and a failure per error or warning', () => {
    const xml = formatJunit(report(true));
    expect(XMLValidator.validate(xml)).toBe(true);
    const doc = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '' }).parse(xml);
    const suites = [doc.testsuites.testsuite].flat();
    const [course, broken] = suites;
    expect(course.name).toBe('course/week 2,part:a.md');
    const cases = [course.testcase].flat();
    expect(cases).toHaveLength(3);
    expect(cases[0].failure.length).toBeGreaterThan(0);
    expect(cases[2].failure).toBeUndefined();
    expect(Number(doc.testsuites.failures)).toBe(cases.filter((c) => c.failure).length);
    expect(broken.testcase.error.message).toBe('bad indentation & <stuff>');
  });

  it('stays well-formed with control characters and lone surrogates in the material', () => {
    const files = [lintContent(pack, 'Counsellor: You need to calm down \u0001 \uD800 now.\n', 'a.md', '/a.md')];
    const xml = formatJunit({ files, problems: [], summary: summarise({ files, problems: [] }) });
    expect(XMLValidator.validate(xml)).toBe(true);
  });
});

describe('GitHub workflow commands', () => {
  it('emits one command per finding with file, line, col, endLine, endColumn and title', () => {
    const lines = formatGithub(report(true)).split('\n');
    const directive = lines.find((line) => line.includes('title=rapport openness.directive') && line.includes('line=5'))!;
    expect(directive).toMatch(/^::warning file=course\/week 2%2Cpart%3Aa\.md,line=5,col=19,endLine=5,endColumn=29,title=rapport openness\.directive::/);
    const error = lines.find((line) => line.includes('validation.invalidating-command'))!;
    expect(error.startsWith('::error ')).toBe(true);
    for (const line of lines.filter((l) => l.startsWith('::'))) {
      expect(line).toMatch(/^::(error|warning|notice) [a-zA-Z]+=[^,:]*(,[a-zA-Z]+=[^,:]*)*::[^\n\r]*$/);
    }
    expect(lines).toContain('::error file=course/broken.yaml,line=3,col=5,title=rapport%3A cannot lint this file::bad indentation & <stuff>');
  });

  it('gives a span over several lines its lines only', () => {
    const lines = formatGithub(report(false, 99)).split('\n');
    const span = lines.find((line) => line.includes('rapport/min-score') && line.includes('line=7'))!;
    expect(span).toContain('line=7,endLine=8,title=');
    expect(span).not.toContain('col=');
  });

  it('escapes the runner\'s special characters', () => {
    expect(escapeData('50% done\r\nnext')).toBe('50%25 done%0D%0Anext');
    expect(escapeProperty('a,b:c')).toBe('a%2Cb%3Ac');
  });
});

describe('text and JSON', () => {
  it('groups problems by file, stylish', () => {
    const text = formatText(report(true));
    const lines = text.split('\n');
    expect(lines[0]).toBe('course/week 2,part:a.md');
    expect(lines[1]).toMatch(/^ {2}5:19 +warning {2}.*openness\.directive$/);
    expect(text).toContain('✖ course/broken.yaml:3:5: bad indentation');
    expect(lines.at(-1)).toMatch(/problems \(\d+ errors?, \d+ warnings?.*\) in 3 examples in 1 file/);
  });

  it('gives JSON with the summary, files, errors and rules', () => {
    const r = report(true);
    const json = JSON.parse(formatJson(r, rulesOf(pack, r)));
    expect(json.schemaVersion).toBe(1);
    expect(json.summary).toMatchObject({ files: 1, examples: 3, unreadable: 1 });
    expect(json.summary.errors).toBe(json.files[0].messages.filter((m: { severity: string }) => m.severity === 'error').length);
    expect(json.files[0].messages[0]).toMatchObject({ ruleId: expect.any(String), line: 5, column: 19 });
    expect(json.errors[0]).toEqual({ file: 'course/broken.yaml', line: 3, column: 5, message: 'bad indentation & <stuff>' });
  });
});
