// Hostile rule packs and config files: alias bombs, huge documents, prototype keys, patterns that
// would backtrack, files from outside the pack. Each is refused (exit 2, file:line) or harmless.
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/io/config.js';
import { loadPack } from '../../src/io/packs.js';
import { readTranscript } from '../../src/readers/transcripts/index.js';
import { corpus, expectClean, run } from './helpers.js';

const tmp = mkdtempSync(join(tmpdir(), 'rapport-hostile-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const polluted = (): unknown => ({} as Record<string, unknown>).polluted;

describe('hostile rule packs', () => {
  it('a YAML alias bomb is refused by the yaml limits', () => {
    const result = run(['check', '--rules', corpus('packs/alias-bomb'), 'hello']);
    expectClean(result, [2]);
    expect(result.stderr).toMatch(/bomb\.yaml:1:1: cannot expand the YAML: Excessive alias count/);
  });

  it('a huge rule file is refused before parsing', () => {
    const pack = join(tmp, 'huge-pack');
    mkdirSync(pack);
    writeFileSync(join(pack, 'huge.yaml'), `lexicons:\n  big: [${'word, '.repeat(500_000)}word]\n`);
    const result = run(['rules', 'validate', pack]);
    expectClean(result, [2]);
    expect(result.stderr).toMatch(/huge\.yaml:1:1: larger than 2 MiB, the most rapport reads as a rule file/);
  });

  it('__proto__ and constructor keys pollute nothing', async () => {
    const result = run(['check', '--rules', corpus('packs/proto'), '--format', 'json', 'You need to calm down.']);
    expectClean(result, [2]);
    expect(result.stderr).toMatch(/proto\.yaml:1:1: unknown key "__proto__"/);
    // A lexicon named "constructor" is an ordinary lexicon.
    const pack = join(tmp, 'constructor-pack');
    mkdirSync(pack);
    writeFileSync(join(pack, 'lexicons.yaml'), 'lexicons:\n  constructor: [banana, mango]\n');
    expectClean(run(['check', '--rules', pack, 'You need to calm down.']), [0]);
    const loaded = await loadPack({ packs: [pack] });
    expect(loaded.lexicons.get('constructor')?.words.has('banana')).toBe(true);
    expect(polluted()).toBeUndefined();
  });

  it('a pattern with many gaps is refused at load time; the heaviest allowed pattern stays bounded', () => {
    const refused = run(['rules', 'validate', corpus('packs/pathological')]);
    expectClean(refused, [2]);
    expect(refused.stderr).toMatch(/gaps\.yaml:3:5: rule "custom\.many-gaps": .*more than 2 gaps/);
    const words = Array.from({ length: 300 }, () => 'so').join(' ');
    expectClean(run(['check', '--rules', corpus('packs/heavy'), '--format', 'json', `${words} zzzz`]), [0]);
  });

  it('a symlink in a pack folder to a rule file outside it is refused; one inside the pack is read', () => {
    const outside = join(tmp, 'outside.yaml');
    writeFileSync(outside, 'rules: [not, a, rule]\n');
    const pack = join(tmp, 'linked-pack');
    mkdirSync(pack);
    symlinkSync(outside, join(pack, 'linked.yaml'));
    const result = run(['check', '--rules', pack, 'You need to calm down.']);
    expectClean(result, [2]);
    expect(result.stderr).toMatch(/linked\.yaml: links to a file outside its rule pack folder/);
    const own = join(tmp, 'own-pack');
    mkdirSync(join(own, 'shared'), { recursive: true });
    writeFileSync(join(own, 'shared', 'lexicons.yaml'), 'lexicons:\n  fruit: [banana]\n');
    symlinkSync(join(own, 'shared', 'lexicons.yaml'), join(own, 'fruit.yaml'));
    expectClean(run(['check', '--rules', own, 'You need to calm down.']), [0]);
  });
});

describe('hostile config files', () => {
  it('an alias bomb, a huge file and __proto__ keys are refused with the file named', async () => {
    const bomb = run(['check', '--config', corpus('config/alias-bomb.yaml'), 'hello']);
    expectClean(bomb, [2]);
    expect(bomb.stderr).toMatch(/alias-bomb\.yaml: cannot expand the YAML/);
    const huge = join(tmp, 'huge-config.yaml');
    writeFileSync(huge, `packs:\n${'  - x\n'.repeat(500_000)}`);
    const big = run(['check', '--config', huge, 'hello']);
    expectClean(big, [2]);
    expect(big.stderr).toMatch(/huge-config\.yaml: larger than 2 MiB, the most rapport reads as a config file/);
    const proto = run(['check', '--config', corpus('config/proto.yaml'), 'hello']);
    expectClean(proto, [2]);
    expect(proto.stderr).toMatch(/proto\.yaml:1:1: unknown key "__proto__"/);
    // yaml makes "__proto__" an own key and zod's record drops it: the setting is inert.
    expectClean(run(['check', '--config', corpus('config/proto-rules.yaml'), 'hello']), [0]);
    expect(Object.keys((await parseConfig('rules:\n  __proto__: "off"\n', 'x.yaml')).rules ?? {})).toEqual([]);
    await expect(parseConfig('__proto__: { polluted: yes }\n', 'x.yaml')).rejects.toThrow(/unknown key/);
    expect(polluted()).toBeUndefined();
  });
});

describe('absurdly nested YAML', () => {
  it('is refused in words, with the file and line, in rule packs, config and training material', () => {
    const nested = `${'['.repeat(20_000)}${']'.repeat(20_000)}`;
    const pack = join(tmp, 'deep-pack');
    mkdirSync(pack, { recursive: true });
    writeFileSync(join(pack, 'deep.yaml'), `rules:\n  x: ${nested}\n`);
    writeFileSync(join(tmp, 'deep-config.yaml'), `packs: ${nested}\n`);
    writeFileSync(join(tmp, 'deep-training.yaml'), `reply: ${nested}\n`);
    for (const args of [
      ['rules', 'validate', pack],
      ['check', '--config', join(tmp, 'deep-config.yaml'), 'hello'],
      ['lint', join(tmp, 'deep-training.yaml')],
    ]) {
      const result = run(args);
      expectClean(result, [2]);
      expect(`${result.stdout}${result.stderr}`).toMatch(/deep(-[a-z]+)?\.yaml:\d+(:\d+)?: .*nested too deeply/);
    }
  });
});

describe('hostile transcripts', () => {
  it('__proto__ and constructor properties of a JSON transcript pollute nothing', () => {
    const turns = readTranscript(
      '[{"speaker":"Therapist","text":"hi","__proto__":{"polluted":"yes"},"constructor":{"prototype":{"polluted":"yes"}}}]',
      'x.json',
      { defaultTranscript: 'x' },
    );
    expect(turns).toHaveLength(1);
    expect(polluted()).toBeUndefined();
    const result = run(['batch', corpus('transcripts/proto.json'), '--format', 'jsonl']);
    expectClean(result, [0]);
    expect(JSON.parse(result.stdout.trim()).text).toBe('You need to stop.');
  });
});
