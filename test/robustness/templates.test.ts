// Templates accept only the variables a finding supplies: {constructor} renders nothing of JavaScript's, and
// `rules validate` refuses {nosuch} with its file and line.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { fillTemplate } from '../../src/core/rules/template.js';
import { expectClean, run } from './helpers.js';

const tmp = mkdtempSync(join(tmpdir(), 'rapport-templates-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

function pack(name: string, message: string): string {
  const dir = join(tmp, name);
  mkdirSync(dir);
  writeFileSync(
    join(dir, 'rules.yaml'),
    `rules:\n  - id: custom.templated\n    type: pattern\n    dimension: openness\n    kind: issue\n    severity: warning\n    weight: 5\n    message: "${message}"\n    rationale: r\n    patterns: ["calm down"]\n    examples:\n      flag: [Calm down., Just calm down now.]\n      pass: [Take your time., What happened?]\n`,
  );
  return dir;
}

describe('templates', () => {
  it('render only what the finding supplies', () => {
    expect(fillTemplate('{constructor} and {toString}', { match: 'x' })).toBe('{constructor} and {toString}');
    expect(fillTemplate('“{match}” then {feeling|a lot}', { match: 'calm down', feeling: null })).toBe('“calm down” then a lot');
  });

  it.each(['{nosuch} is wrong', '{constructor} is wrong'])('refuse %s at load, naming the file, line and rule', (message) => {
    const dir = pack(message.slice(1, 6), message);
    const result = run(['rules', 'validate', dir]);
    expectClean(result, [2]);
    expect(result.stderr).toMatch(/rules\.yaml:2:\d+: .*custom\.templated.*no finding supplies/);
  });

  it('accept the documented ones', () => {
    expectClean(run(['rules', 'validate', pack('good', '“{match}” after {after}: {feeling|this}')]), [0]);
  });
});
