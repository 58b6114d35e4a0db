// Config discovery stops at the project root, and config errors name the file, line and column.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findConfig } from '../../src/io/config.js';
import { rapport } from '../helpers.js';

const fresh = (): string => mkdtempSync(join(tmpdir(), 'rapport-config-'));

describe('config discovery', () => {
  it('searches upward only as far as the nearest folder with .git or package.json', () => {
    const outer = fresh();
    writeFileSync(join(outer, '.rapportrc.yaml'), 'rules: {}\n');
    const project = join(outer, 'project');
    mkdirSync(join(project, 'docs', 'deep'), { recursive: true });
    writeFileSync(join(project, 'package.json'), '{}');
    expect(findConfig(join(project, 'docs', 'deep'))).toBeNull();
    writeFileSync(join(project, 'rapport.config.yaml'), 'rules: {}\n');
    expect(findConfig(join(project, 'docs', 'deep'))).toBe(join(project, 'rapport.config.yaml'));
    mkdirSync(join(outer, 'repo', '.git'), { recursive: true });
    expect(findConfig(join(outer, 'repo'))).toBeNull();
  });

  it('outside any project reads only the working folder, so a stray parent config changes nothing', () => {
    const outer = fresh();
    writeFileSync(join(outer, '.rapportrc.yaml'), 'rules:\n  no.such-rule: "off"\n');
    const work = join(outer, 'w');
    mkdirSync(work);
    expect(findConfig(work)).toBeNull();
    expect(findConfig(outer)).toBe(join(outer, '.rapportrc.yaml'));
    expect(rapport(['check', 'It sounds hard.'], { cwd: work }).status).toBe(0);
  });
});

describe('config errors', () => {
  it('an unknown rule id is reported at its line and column in the config file', () => {
    const dir = fresh();
    writeFileSync(join(dir, '.rapportrc.yaml'), 'rules:\n  openness.directive: warn\n  no.such-rule: "off"\n');
    for (const command of [['check', 'hi'], ['batch', join(process.cwd(), 'fixtures/transcripts/session.txt')]]) {
      const run = rapport(command, { cwd: dir });
      expect(run.status).toBe(2);
      expect(run.stderr).toBe('rapport: .rapportrc.yaml:3:3: unknown rule "no.such-rule": no rule pack defines it (see rapport rules list)\n');
    }
    const named = rapport(['check', '-c', join(dir, '.rapportrc.yaml'), 'hi']);
    expect(named.stderr).toContain(`${join(dir, '.rapportrc.yaml')}:3:3: unknown rule`);
  });

  it('an unknown key is reported at the key itself', () => {
    const dir = fresh();
    writeFileSync(join(dir, 'c.yaml'), 'lint:\n  minScore: 5\n  ignores: [x]\n');
    expect(rapport(['check', '--config', 'c.yaml', 'hi'], { cwd: dir }).stderr).toBe('rapport: c.yaml:3:3: unknown key "ignores"\n');
  });
});
