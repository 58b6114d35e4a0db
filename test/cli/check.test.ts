// rapport check end to end, through bin/rapport.
import { mkdtempSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { rapport, ROOT } from '../helpers.js';

const json = (args: string[], input?: string) => {
  const result = rapport(['check', '--format', 'json', ...args], { input });
  return { ...result, critique: result.status === 2 ? null : JSON.parse(result.stdout) };
};

describe('rapport check', () => {
  it('prints the contract critique object', () => {
    const { status, critique } = json(['You need to calm down.']);
    expect(status).toBe(0);
    expect(critique).toMatchObject({ schemaVersion: 1, text: 'You need to calm down.', client: null, band: expect.any(String) });
    expect(Object.keys(critique.dimensions).sort()).toEqual(['attunement', 'openness', 'pacing', 'validation']);
    const finding = critique.findings.find((f: { ruleId: string }) => f.ruleId === 'validation.invalidating-command');
    expect(finding).toMatchObject({ kind: 'issue', severity: 'error', match: 'calm down', start: 12, end: 21, line: 1, column: 13 });
    expect(critique.behaviours).toContainEqual({ code: 'directive', start: 0, end: 22 });
    expect(critique.rewrite.score).toBeGreaterThan(critique.score);
  });

  it('separates a poor reply from a good one', () => {
    const poor = json(['--file', 'fixtures/replies/poor.txt']).critique;
    const good = json(['--file', 'fixtures/replies/good.txt']).critique;
    expect(poor.score).toBeLessThanOrEqual(45);
    expect(good.score).toBeGreaterThanOrEqual(70);
    expect(good.rewrite).toBeNull();
    expect(poor.rewrite.score - poor.score).toBeGreaterThanOrEqual(20);
  });

  it('reads standard input and a client statement file', () => {
    const { critique } = json(['-', '--client-file', 'fixtures/replies/client.txt'], 'You feel ashamed that you keep going back.');
    expect(critique.client).toContain('ashamed');
    expect(critique.findings.map((f: { ruleId: string }) => f.ruleId)).toContain('attunement.echoes-feeling');
  });

  it('uses the client feeling word in the rewrite opener', () => {
    const { critique } = json(['--client', 'I am terrified of going back to school.', 'You should just go back.']);
    expect(critique.rewrite.text).toMatch(/terrified/);
  });

  it('says why the rewrite changed each thing, in json, text and markdown', () => {
    const args = ['--client', 'My flatmate keeps eating my food and I feel like a doormat.', 'At least you have a flat. You should just lock the cupboard.'];
    const { critique } = json(args);
    const { text, rewrite } = critique;
    expect(rewrite.changes.length).toBeGreaterThan(0);
    for (const change of rewrite.changes) {
      expect(change).toEqual({ start: expect.any(Number), end: expect.any(Number), replacement: expect.any(String), reason: expect.any(String) });
      expect(0 <= change.start && change.start <= change.end && change.end <= text.length).toBe(true);
      expect(change.reason).not.toBe('');
    }
    const reasons = rewrite.changes.map((change: { reason: string }) => change.reason);
    expect(reasons.some((reason: string) => /reflects the client/.test(reason))).toBe(true);
    const plain = rapport(['check', ...args]).stdout;
    for (const reason of reasons) expect(plain.replace(/\s+/g, ' ')).toContain(reason);
    expect(plain).toMatch(/\[-At least/);
    const markdown = rapport(['check', '--format', 'markdown', ...args]).stdout;
    for (const reason of reasons) expect(markdown).toContain(`- ${reason}`);
  });

  it('names harm before any praise, in text and markdown; a reply without harm opens with what works', () => {
    const harmful = ['--client', 'I relapsed again.', "It sounds like you're struggling. Honestly you brought this on yourself."];
    const text = rapport(['check', ...harmful]).stdout;
    expect(text.indexOf('What undermines rapport')).toBeGreaterThan(-1);
    expect(text.indexOf('What undermines rapport')).toBeLessThan(text.indexOf('What works'));
    const markdown = rapport(['check', '--format', 'markdown', ...harmful]).stdout;
    expect(markdown.indexOf('### What undermines rapport')).toBeLessThan(markdown.indexOf('### What works'));
    const mixed = rapport(['check', '--client', 'I relapsed again.', "That sounds really hard. Have you tried going to more meetings?"]).stdout;
    expect(mixed.indexOf('What works')).toBeGreaterThan(-1);
    expect(mixed.indexOf('What works')).toBeLessThan(mixed.indexOf('What undermines rapport'));
  });

  it('exits 1 under --fail-under and 0 above it', () => {
    expect(rapport(['check', '--fail-under', '60', 'Calm down.']).status).toBe(1);
    expect(rapport(['check', '--fail-under', '10', 'It sounds like that was frightening.']).status).toBe(0);
  });

  it('renders markdown and a plain text view without colour codes when piped', () => {
    const markdown = rapport(['check', '--format', 'markdown', 'Calm down.']);
    expect(markdown.stdout).toMatch(/^## Reply scored \d+\/100/);
    const text = rapport(['check', 'Why did you do that?']);
    expect(text.stdout).toMatch(/Score \d+\/100/);
    expect(text.stdout).toMatch(/What undermines rapport/);
    expect(text.stdout).not.toMatch(/\u001b\[/);
    for (const line of text.stdout.split('\n')) expect([...line].length).toBeLessThanOrEqual(80);
  });

  it('keeps the terminal view within 80 columns, even for a long reply with --explain', () => {
    const long = 'Why do you keep going back? You need to leave him, honestly it is not a big deal to be single, lots of people are and they are perfectly fine with it.';
    const { stdout } = rapport(['check', '--explain', '--client', 'I keep going back to him even though I know he is bad for me.', long]);
    for (const line of stdout.split('\n')) expect([...line].length, line).toBeLessThanOrEqual(80);
  });

  it('shows the arithmetic with --explain', () => {
    const { stdout } = rapport(['check', '--explain', 'Calm down.']);
    expect(stdout).toMatch(/How the score adds up/);
    expect(stdout).toMatch(/validation\s+−25 validation\.invalidating-command/);
    expect(stdout).toMatch(/overall\s+50 −\d+ = \d+/);
  });

  it('shows with --explain when harm caps the score, whatever the strengths', () => {
    const { stdout } = rapport(['check', '--explain', 'I hear you. It sounds like you brought this on yourself.']);
    expect(stdout).toMatch(/capped\s+at 12 while validation\.blame fires/);
    expect(stdout).toMatch(/^Score 12\/100/m);
  });

  it('writes --out atomically and refuses to overwrite its input', () => {
    const dir = mkdtempSync(join(tmpdir(), 'rapport-'));
    const out = join(dir, 'report.json');
    expect(rapport(['check', '--format', 'json', '--out', out, 'Calm down.']).status).toBe(0);
    expect(JSON.parse(readFileSync(out, 'utf8')).schemaVersion).toBe(1);
    const input = join(dir, 'draft.txt');
    writeFileSync(input, 'Calm down.');
    const clash = rapport(['check', '--file', input, '--out', input]);
    expect(clash.status).toBe(2);
    expect(readFileSync(input, 'utf8')).toBe('Calm down.');
    expect(existsSync(join(dir, '.draft.txt.tmp'))).toBe(false);
  });

  it('exits 2 with one line naming the problem, never a stack trace', () => {
    for (const args of [['--file', 'no/such/file.txt'], ['--format', 'yaml', 'hi'], ['--fail-under', 'lots', 'hi'], ['--no-such-option', 'hi'], ['   ']]) {
      const result = rapport(['check', ...args]);
      expect(result.status, args.join(' ')).toBe(2);
      expect(result.stderr.trim().split('\n'), args.join(' ')).toHaveLength(1);
      expect(result.stderr).toMatch(/^rapport: /);
      expect(result.stderr).not.toMatch(/\n\s+at /);
    }
    expect(rapport(['check', '--file', 'no/such/file.txt']).stderr).toMatch(/no\/such\/file\.txt/);
  });

  it('adds a rule pack with --rules', () => {
    const { critique } = json(['--rules', 'fixtures/packs/custom', "That's enough, young man."]);
    expect(critique.findings.map((f: { ruleId: string }) => f.ruleId)).toContain('custom.talking-down');
  });
});

describe('rapport check from its CommonJS bundle (bin/rapport runs it with a code cache)', () => {
  const viaEsModules = (args: string[]) =>
    spawnSync(process.execPath, [join(ROOT, 'dist/main.js'), ...args], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });

  it('gives what the ES module build gives: output, errors and exit codes', () => {
    for (const args of [
      ['check', '--format', 'json', '--client', 'My boss shouted at me again.', 'You need to calm down. Why did you let him?'],
      ['check', 'It sounds like that left you shaken.'],
      ['check', '--format', 'markdown', '--fail-under', '90', 'Calm down.'],
      ['check', '--file', 'no/such/file.txt'],
      ['check', '--format', 'yaml', 'hi'],
    ]) {
      const bundled = rapport(args);
      const modules = viaEsModules(args);
      expect({ status: bundled.status, stdout: bundled.stdout, stderr: bundled.stderr }).toEqual({ status: modules.status, stdout: modules.stdout, stderr: modules.stderr });
    }
  });

  it('the code cache the build made is accepted by this Node', () => {
    const probe = `
      import { runCommonJs } from ${JSON.stringify(join(ROOT, 'bin/commonjs.mjs'))};
      const bundle = ${JSON.stringify(join(ROOT, 'dist/check.cjs'))};
      process.argv = [process.argv[0], bundle, 'check', '--format', 'json', 'hello'];
      process.stderr.write(String(runCommonJs(bundle, bundle + '.cache').cachedDataRejected));`;
    const result = spawnSync(process.execPath, ['--input-type=module', '-e', probe], { cwd: ROOT, encoding: 'utf8' });
    expect(result.stderr).toBe('false');
    expect(JSON.parse(result.stdout).text).toBe('hello');
  });
});

