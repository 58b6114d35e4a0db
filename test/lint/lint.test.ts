// The pure linter: examples in, results at exact source spans out.
import { describe, expect, it } from 'vitest';
import { applyBaseline, toBaseline } from '../../src/lint/baseline.js';
import { exitCodeOf, lintContent, rulesOf, summarise } from '../../src/lint/lint.js';
import { MIN_SCORE_RULE, type FileResult } from '../../src/lint/types.js';
import { builtinPack } from '../helpers.js';
import { posOf } from '../readers/training/helpers.js';

const pack = await builtinPack();
const lint = (content: string, file = 'guide.md', options = {}) => lintContent(pack, content, file, `/course/${file}`, options);
const byRule = (result: FileResult, ruleId: string) => result.messages.filter((m) => m.ruleId === ruleId);

const HANDBOOK = [
  '# Module 1',
  '',
  'Counsellors sometimes say you need to calm down, which we discuss below.',
  '',
  '> **Client:** I failed my driving test again.',
  '>',
  '> **Counsellor:** You need to calm down about it.',
  '',
  '- Client: My flatmate never cleans.',
  '- *Therapist*: Honestly, just _calm_ down.',
  '',
  '```js',
  'const line = "Counsellor: You need to calm down.";',
  '```',
  '',
].join('\n');

describe('lintContent', () => {
  it('places findings at the exact line and column inside a blockquote', () => {
    const result = lint(HANDBOOK);
    const [directive] = byRule(result, 'openness.directive').filter((m) => m.line === 7);
    expect(directive).toBeDefined();
    expect(directive).toMatchObject({ ...posOf(HANDBOOK, 'You need to calm'), severity: 'warning', match: 'You need to' });
    const end = posOf(HANDBOOK, ' calm down about');
    expect([directive!.endLine, directive!.endColumn]).toEqual([end.line, end.column]);
    const [calm] = byRule(result, 'validation.invalidating-command').filter((m) => m.line === 7);
    expect(calm).toMatchObject({ ...posOf(HANDBOOK, 'calm down about'), severity: 'error', match: 'calm down' });
  });

  it('places findings inside a list item and across emphasis markers', () => {
    const result = lint(HANDBOOK);
    const [calm] = byRule(result, 'validation.invalidating-command').filter((m) => m.line === 10);
    expect(calm).toMatchObject({ ...posOf(HANDBOOK, 'calm_ down'), match: 'calm down' });
    // The end is just after "down", past the closing underscore of _calm_.
    expect(HANDBOOK.split('\n')[calm!.endLine - 1]!.slice(calm!.column - 1, calm!.endColumn - 1)).toBe('calm_ down');
  });

  it('finds nothing in prose, headings or code blocks of other languages', () => {
    const result = lint(HANDBOOK);
    const counsellorLines = new Set([7, 10]);
    expect(result.messages.length).toBeGreaterThan(0);
    for (const m of result.messages) expect(counsellorLines.has(m.line)).toBe(true);
    expect(result.examples.map((e) => e.line)).toEqual([7, 10]);
  });

  it('uses the client line before an example as context', () => {
    const result = lint(HANDBOOK);
    expect(result.examples[0]!.client).toBe('I failed my driving test again.');
  });

  it('drops the rules a disable-next-line comment names, and only those', () => {
    const source = ['<!-- rapport-disable-next-line validation.invalidating-command -->', 'Counsellor: You need to calm down.', ''].join('\n');
    const result = lint(source);
    expect(byRule(result, 'validation.invalidating-command')).toEqual([]);
    expect(byRule(result, 'openness.directive')).toHaveLength(1);
    expect(result.suppressed).toBe(1);
  });

  it('skips an example suppressed entirely, in Markdown ranges, YAML and text', () => {
    const md = ['<!-- rapport-disable -->', 'Counsellor: You need to calm down.', '<!-- rapport-enable -->', 'Counsellor: You need to calm down.', ''].join('\n');
    expect(lint(md).messages.every((m) => m.line === 4)).toBe(true);
    expect(lint(md).examples).toHaveLength(1);
    const yaml = ['replies:', '  # rapport-disable-next-line', '  - counsellor: You need to calm down.', '  - counsellor: You must calm down.', ''].join('\n');
    expect(lint(yaml, 'bank.yaml').messages.every((m) => m.line === 4)).toBe(true);
    const text = ['# rapport-disable-next-line', 'Counsellor: You need to calm down.', 'Counsellor: You need to calm down.', ''].join('\n');
    expect(lint(text, 'notes.txt').messages.every((m) => m.line === 3)).toBe(true);
  });

  it('places YAML findings at the value in the file', () => {
    const yaml = ['scenarios:', '  - client: I keep failing.', '    reply: "Well, calm down."', ''].join('\n');
    const [calm] = byRule(lint(yaml, 'bank.yml'), 'validation.invalidating-command');
    expect(calm).toMatchObject(posOf(yaml, 'calm down'));
  });

  it('honours custom speaker labels and YAML keys', () => {
    const text = 'Coach: You need to calm down.\nCounsellor: You need to calm down.\n';
    const result = lint(text, 'notes.txt', { extract: { counsellorLabels: ['coach'] } });
    expect(result.examples.map((e) => e.line)).toEqual([1]);
    const yaml = 'tutor_line: You need to calm down.\nreply: You need to calm down.\n';
    expect(lint(yaml, 'x.yaml', { extract: { yamlKeys: ['tutor_line'] } }).examples.map((e) => e.line)).toEqual([1]);
  });

  it('gives an example below the minimum score a rapport/min-score error over the whole example', () => {
    const source = 'Intro.\n\nCounsellor: You need to calm down.\n';
    const result = lint(source, 'a.md', { minScore: 90 });
    const [low] = byRule(result, MIN_SCORE_RULE);
    expect(low).toMatchObject({ severity: 'error', line: 3, column: 13, endLine: 3, endColumn: 35 });
    expect(low!.message).toMatch(/below the minimum of 90/);
    expect(byRule(lint(source, 'a.md', { minScore: 0 }), MIN_SCORE_RULE)).toEqual([]);
    const suppressed = lint(`Intro.\n\n<!-- rapport-disable-next-line ${MIN_SCORE_RULE} -->\nCounsellor: You need to calm down.\n`, 'a.md', { minScore: 90 });
    expect(byRule(suppressed, MIN_SCORE_RULE)).toEqual([]);
  });

  it('lints only the examples on the lines given (changed-since)', () => {
    const source = 'Counsellor: You need to calm down.\n\nCounsellor: You must calm down.\n';
    const result = lint(source, 'a.md', { lines: new Set([3]) });
    expect(result.examples.map((e) => e.line)).toEqual([3]);
    expect(result.messages.every((m) => m.line === 3)).toBe(true);
  });
});

describe('baseline', () => {
  const key = (path: string) => path.replace('/course/', '');
  it('lets known findings through even after lines move, and blocks new ones', () => {
    const before = lint('Counsellor: You need to calm down.\n');
    const baseline = toBaseline([before], key);
    expect(baseline.findings.length).toBe(before.messages.length);
    const moved = lint('# New heading\n\nSome new prose.\n\nCounsellor: You need to calm down.\n\nCounsellor: Why did you do that?\n');
    const [after] = applyBaseline([moved], baseline, key);
    expect(after!.baselined).toBe(before.messages.length);
    expect(after!.messages.length).toBeGreaterThan(0);
    expect(after!.messages.every((m) => m.line === 7)).toBe(true);
  });

  it('counts each baseline entry once: a second copy of a known finding is new', () => {
    const one = lint('Counsellor: You need to calm down.\n');
    const two = lint('Counsellor: You need to calm down.\n\nCounsellor: You need to calm down.\n');
    const [after] = applyBaseline([two], toBaseline([one], key), key);
    expect(after!.messages.map((m) => m.line)).toEqual(one.messages.map(() => 3));
  });
});

describe('exit codes and rule metadata', () => {
  const summary = (over: Partial<ReturnType<typeof summarise>>) => ({ ...summarise({ files: [], problems: [] }), ...over });
  it('follows the contract', () => {
    expect(exitCodeOf(summary({}))).toBe(0);
    expect(exitCodeOf(summary({ warnings: 3 }))).toBe(0);
    expect(exitCodeOf(summary({ warnings: 3 }), { maxWarnings: 3 })).toBe(0);
    expect(exitCodeOf(summary({ warnings: 4 }), { maxWarnings: 3 })).toBe(1);
    expect(exitCodeOf(summary({ errors: 1 }))).toBe(1);
    expect(exitCodeOf(summary({ errors: 1, unreadable: 1 }))).toBe(2);
  });

  it('describes each rule with its rationale', () => {
    const result = lint('Counsellor: You need to calm down.\n', 'a.md', { minScore: 99 });
    const rules = rulesOf(pack, { files: [result] }, 99);
    expect(rules.map((r) => r.id)).toContain(MIN_SCORE_RULE);
    const directive = rules.find((r) => r.id === 'openness.directive')!;
    expect(directive.rationale).toBe(pack.sourceOf.get('openness.directive')!.definition.rationale);
  });
});

describe('suppression comments naming unknown rules', () => {
  it('warn at the example, so a typo does not silently suppress nothing', () => {
    const source = '<!-- rapport-disable-next-line openness.no-such-rule validation.invalidating-command -->\nCounsellor: You need to calm down.\n';
    const result = lint(source);
    const unknown = result.messages.filter((m) => m.ruleId === 'rapport/unknown-rule');
    expect(unknown).toHaveLength(1);
    expect(unknown[0]).toMatchObject({ severity: 'warning', line: 2, column: 13 });
    expect(unknown[0]!.message).toContain('openness.no-such-rule');
    expect(byRule(result, 'validation.invalidating-command')).toEqual([]);
  });
});

describe('suppression comments that do nothing', () => {
  const warnings = (result: ReturnType<typeof lint>, ruleId: string) => result.messages.filter((m) => m.ruleId === ruleId).map((m) => [m.line, m.column]);

  it('reports a misspelt directive where it is, in Markdown, YAML and text', () => {
    const md = ['<!-- rapport-disable-nextline validation.invalidating-command -->', 'Counsellor: You need to calm down.', ''].join('\n');
    expect(warnings(lint(md), 'rapport/unknown-directive')).toEqual([[1, 6]]);
    expect(byRule(lint(md), 'validation.invalidating-command')).toHaveLength(1);
    const yaml = ['replies:', '  # rapport-disabel', '  - counsellor: You need to calm down.', ''].join('\n');
    expect(warnings(lint(yaml, 'bank.yaml'), 'rapport/unknown-directive')).toEqual([[2, 5]]);
    expect(warnings(lint('// rapport-enable-all\nCounsellor: Hello.\n', 'notes.txt'), 'rapport/unknown-directive')).toEqual([[1, 4]]);
  });

  it('reports a suppression that drops no finding, at its comment, and not one that does', () => {
    const unused = ['Intro.', '', '<!-- rapport-disable-next-line validation.invalidating-command -->', 'Counsellor: It sounds like a hard week.', ''].join('\n');
    expect(warnings(lint(unused), 'rapport/unused-disable')).toEqual([[3, 6]]);
    const bare = ['# rapport-disable-next-line', 'Counsellor: It sounds like a hard week.', ''].join('\n');
    expect(warnings(lint(bare, 'notes.txt'), 'rapport/unused-disable')).toEqual([[1, 3]]);
    const used = ['<!-- rapport-disable-next-line validation.invalidating-command -->', 'Counsellor: You need to calm down.', ''].join('\n');
    expect(warnings(lint(used), 'rapport/unused-disable')).toEqual([]);
    // A region is used when any example inside it needed it.
    const region = ['<!-- rapport-disable -->', 'Counsellor: It sounds hard.', '', 'Counsellor: You need to calm down.', '<!-- rapport-enable -->', ''].join('\n');
    expect(warnings(lint(region), 'rapport/unused-disable')).toEqual([]);
  });
});
