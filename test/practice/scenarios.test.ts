import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  DIFFICULTIES,
  mergeScenarios,
  parseScenarioFile,
  ScenarioError,
  scenarioOrigin,
  SETTINGS,
  type Scenario,
} from '../../src/practice/scenarios.js';

const BANK_DIR = fileURLToPath(new URL('../../rules/scenarios/', import.meta.url));

function loadBank(): { files: string[]; lists: Scenario[][] } {
  const files = readdirSync(BANK_DIR)
    .filter((f) => f.endsWith('.yaml'))
    .sort();
  const lists = files.map((f) => parseScenarioFile(readFileSync(BANK_DIR + f, 'utf8'), `rules/scenarios/${f}`));
  return { files, lists };
}

function sentences(text: string): string[] {
  return text
    .split(/(?<=[.!?])\s+/)
    .map((s) => s.trim())
    .filter((s) => s !== '');
}

/** Parse and return the thrown ScenarioError (fails the test if nothing is thrown). */
function errorOf(fn: () => unknown): ScenarioError {
  try {
    fn();
  } catch (err) {
    expect(err).toBeInstanceOf(ScenarioError);
    return err as ScenarioError;
  }
  throw new Error('expected a ScenarioError, but nothing was thrown');
}

// Line numbers below refer to this text (line 1 is "scenarios:").
const VALID = `scenarios:
  - id: test-one
    title: A test scenario
    setting: crisis
    difficulty: easy
    client: "I don't know what to do any more."
    emotions: [lost, tired]
    context: "A test context."
    bodyLanguage: "Head in hands."
    strongReplyWould: ["acknowledge the tiredness", "ask one open question"]
    modelReplies: ["It sounds like you're really tired. What's been happening?"]
`;

function withSecond(text: string, id = 'test-two'): string {
  return text + VALID.replace('scenarios:\n', '').replace('id: test-one', `id: ${id}`);
}

describe('bundled scenario bank', () => {
  const { files, lists } = loadBank();
  const all = mergeScenarios(lists);

  it('has one file per setting', () => {
    expect(files).toEqual(SETTINGS.map((s) => `${s}.yaml`).sort());
  });

  it('parses into at least 24 scenarios with unique ids', () => {
    expect(all.length).toBeGreaterThanOrEqual(24);
    expect(new Set(all.map((s) => s.id)).size).toBe(all.length);
  });

  it('has at least 3 scenarios per setting and mixed difficulty', () => {
    for (const setting of SETTINGS) {
      expect(all.filter((s) => s.setting === setting).length, setting).toBeGreaterThanOrEqual(3);
    }
    for (const difficulty of DIFFICULTIES) {
      expect(all.filter((s) => s.difficulty === difficulty).length, difficulty).toBeGreaterThanOrEqual(3);
    }
  });

  it('includes an agitated, defensive person after a traumatic event in the crisis setting', () => {
    const crash = all.find((s) => s.id === 'crisis-after-crash');
    expect(crash?.setting).toBe('crisis');
    expect(crash?.difficulty).toBe('hard');
    expect(crash?.emotions).toContain('angry');
  });

  it('gives every scenario at least one model reply and 2-4 strong-reply points', () => {
    for (const s of all) {
      expect(s.modelReplies.length, s.id).toBeGreaterThanOrEqual(1);
      expect(s.strongReplyWould.length, s.id).toBeGreaterThanOrEqual(2);
      expect(s.strongReplyWould.length, s.id).toBeLessThanOrEqual(4);
    }
  });

  it('keeps client statements to 1-4 sentences and varies their openings', () => {
    for (const s of all) {
      const n = sentences(s.client).length;
      expect(n, s.id).toBeGreaterThanOrEqual(1);
      expect(n, s.id).toBeLessThanOrEqual(4);
    }
    const feelOpenings = all.filter((s) => /^I feel\b/i.test(s.client)).length;
    expect(feelOpenings).toBeLessThan(all.length / 4);
    const openings = new Set(all.map((s) => s.client.split(/\s+/).slice(0, 2).join(' ')));
    expect(openings.size).toBeGreaterThan(all.length / 2);
  });

  it('keeps model replies short, non-directive and to at most one question', () => {
    const directive = /\b(you should|you need to|you must|calm down|just relax|don't worry|try to)\b/i;
    for (const s of all) {
      for (const reply of s.modelReplies) {
        expect(sentences(reply).length, `${s.id}: ${reply}`).toBeLessThanOrEqual(3);
        expect((reply.match(/\?/g) ?? []).length, `${s.id}: ${reply}`).toBeLessThanOrEqual(1);
        expect(reply, s.id).not.toMatch(directive);
      }
    }
  });

  it('echoes at least one of the listed feelings in some model reply', () => {
    for (const s of all) {
      const stems = s.emotions.map((e) => (e.toLowerCase().split(/\s+/).pop() ?? e).slice(0, 5));
      const echoed = s.modelReplies.some((r) => stems.some((stem) => r.toLowerCase().includes(stem)));
      expect(echoed, `${s.id} ${s.emotions.join(',')}`).toBe(true);
    }
  });

  it('remembers where each scenario came from', () => {
    const origin = scenarioOrigin(all.find((s) => s.id === 'crisis-after-crash')!);
    expect(origin?.file).toBe('rules/scenarios/crisis.yaml');
    expect(origin?.line).toBeGreaterThan(0);
  });
});

describe('parseScenarioFile', () => {
  it('accepts a minimal valid file', () => {
    const [s] = parseScenarioFile(VALID, 'ok.yaml');
    expect(s?.id).toBe('test-one');
    expect(s?.emotions).toEqual(['lost', 'tired']);
  });

  it('reports an unknown key at the key, naming file and scenario', () => {
    const text = VALID.replace('    context:', '    clinet: "typo"\n    context:');
    const err = errorOf(() => parseScenarioFile(text, 'rules/scenarios/crisis.yaml'));
    expect(err.message).toBe('rules/scenarios/crisis.yaml:8:5: scenario "test-one": unknown key "clinet"');
    expect(err.file).toBe('rules/scenarios/crisis.yaml');
    expect(err.line).toBe(8);
    expect(err.column).toBe(5);
  });

  it('reports a value of the wrong type at the value', () => {
    const text = VALID.replace('emotions: [lost, tired]', 'emotions: 42');
    const err = errorOf(() => parseScenarioFile(text, 'x.yaml'));
    expect(err.line).toBe(7);
    expect(err.column).toBe(15);
    expect(err.message).toContain('scenario "test-one"');
    expect(err.message).toContain('"emotions" must be a list');
  });

  it('reports a wrong type inside a list with its index', () => {
    const text = VALID.replace('emotions: [lost, tired]', 'emotions:\n      - lost\n      - [tired]');
    const err = errorOf(() => parseScenarioFile(text, 'x.yaml'));
    expect(err.line).toBe(9);
    expect(err.message).toContain('"emotions[1]" must be a string');
  });

  it('reports a bad enum value', () => {
    const text = VALID.replace('difficulty: easy', 'difficulty: brutal');
    const err = errorOf(() => parseScenarioFile(text, 'x.yaml'));
    expect(err.line).toBe(5);
    expect(err.message).toMatch(/"difficulty" must be one of easy, medium, hard/);
  });

  it('reports a missing key at the scenario that lacks it', () => {
    const text = VALID.replace('    title: A test scenario\n', '');
    const err = errorOf(() => parseScenarioFile(text, 'x.yaml'));
    expect(err.line).toBe(2);
    expect(err.message).toContain('missing required key "title"');
  });

  it('reports list length limits', () => {
    const text = VALID.replace(/modelReplies: .*/, 'modelReplies: []');
    const err = errorOf(() => parseScenarioFile(text, 'x.yaml'));
    expect(err.line).toBe(11);
    expect(err.message).toContain('"modelReplies" must have at least 1 item');
  });

  it('rejects an id that is not kebab-case', () => {
    const err = errorOf(() => parseScenarioFile(VALID.replace('id: test-one', 'id: Test_One'), 'x.yaml'));
    expect(err.line).toBe(2);
    expect(err.message).toContain('kebab-case');
  });

  it('reports a YAML syntax error with its line', () => {
    const text = VALID.replace('title: A test scenario', 'title: A test: scenario');
    const err = errorOf(() => parseScenarioFile(text, 'bad.yaml'));
    expect(err.line).toBe(3);
    expect(err.message).toMatch(/^bad\.yaml:3:\d+: scenario "test-one": YAML syntax error: /);
  });

  it('reports tab indentation as a syntax error on that line', () => {
    const text = VALID.replace('    context:', '\tcontext:');
    const err = errorOf(() => parseScenarioFile(text, 'bad.yaml'));
    expect(err.line).toBe(8);
    expect(err.message).toContain('YAML syntax error');
  });

  it('reports a duplicate key as an error', () => {
    const text = VALID.replace('    context:', '    title: again\n    context:');
    const err = errorOf(() => parseScenarioFile(text, 'dup.yaml'));
    expect(err.line).toBe(8);
  });

  it('reports a duplicate id within one file at the second occurrence', () => {
    const err = errorOf(() => parseScenarioFile(withSecond(VALID, 'test-one'), 'dup.yaml'));
    expect(err.line).toBe(12);
    expect(err.column).toBe(9);
    expect(err.message).toBe('dup.yaml:12:9: scenario "test-one": duplicate id, already used at line 2');
  });

  it('requires the setting to match a setting-named file', () => {
    const err = errorOf(() => parseScenarioFile(VALID, 'rules/scenarios/school.yaml'));
    expect(err.line).toBe(4);
    expect(err.message).toContain('does not match');
  });

  it('rejects a file that is not a mapping, or is empty', () => {
    expect(errorOf(() => parseScenarioFile('- just a list\n', 'x.yaml')).line).toBe(1);
    expect(errorOf(() => parseScenarioFile('', 'x.yaml')).message).toMatch(/^x\.yaml: /);
  });

  it('stops alias expansion bombs', () => {
    const bomb = [
      'a: &a [x, x, x, x, x, x, x, x, x, x]',
      'b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]',
      'c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]',
      'd: [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]',
    ].join('\n');
    const err = errorOf(() => parseScenarioFile(bomb, 'bomb.yaml'));
    expect(err.message).toContain('bomb.yaml');
  });

  it('keeps every message to one line', () => {
    const text = VALID.replace('title: A test scenario', 'title: [unclosed\n  oops: ]');
    const err = errorOf(() => parseScenarioFile(text, 'x.yaml'));
    expect(err.message).not.toContain('\n');
  });
});

describe('mergeScenarios', () => {
  it('concatenates lists in order', () => {
    const a = parseScenarioFile(VALID, 'a.yaml');
    const b = parseScenarioFile(VALID.replace('id: test-one', 'id: test-two'), 'b.yaml');
    expect(mergeScenarios([a, b]).map((s) => s.id)).toEqual(['test-one', 'test-two']);
  });

  it('rejects a duplicate id across files, naming both files', () => {
    const a = parseScenarioFile(VALID, 'rules/scenarios/a.yaml');
    const b = parseScenarioFile(withSecond(VALID.replace('id: test-one', 'id: other'), 'test-one'), 'rules/scenarios/b.yaml');
    const err = errorOf(() => mergeScenarios([a, b]));
    expect(err.file).toBe('rules/scenarios/b.yaml');
    expect(err.line).toBe(12);
    expect(err.message).toBe(
      'rules/scenarios/b.yaml:12:9: scenario "test-one": duplicate id, already defined at rules/scenarios/a.yaml:2:9',
    );
  });

  it('still rejects duplicates in scenarios built by hand', () => {
    const [s] = parseScenarioFile(VALID, 'a.yaml');
    const copy = { ...s! };
    const err = errorOf(() => mergeScenarios([[s!], [copy]]));
    expect(err.message).toContain('duplicate id');
    expect(err.message).toContain('a.yaml:2:9');
  });
});
