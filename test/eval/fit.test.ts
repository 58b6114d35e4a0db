// `rapport rules fit`: weights fitted to a supervisor's scores, written back
// into the rule file without touching anything else in it.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { firedIn, fitWeights } from '../../src/eval/fit.js';
import { setWeights } from '../../src/io/rule-weights.js';
import { loadPack } from '../../src/io/packs.js';
import { rapport } from '../helpers.js';

const PACK = `# A frame anyone can say, and an insult.
rules:
  - id: test.frame
    type: pattern
    dimension: attunement
    kind: strength
    severity: info
    weight: 30 # as guessed
    message: A frame.
    rationale: Frames are said by good and bad replies alike.
    patterns: ["in a manner of speaking"]
    examples:
      flag: ["In a manner of speaking, yes.", "It is, in a manner of speaking."]
      pass: ["A lot.", "Work, then."]
  - id: test.warm
    type: pattern
    dimension: validation
    kind: strength
    severity: info
    weight: 10
    message: Warmth.
    rationale: Warm words are what good replies share.
    patterns: ["so sorry"]
    examples:
      flag: ["I'm so sorry.", "So sorry to hear it."]
      pass: ["Sorry, what?", "I'm sorry I'm late."]
lexicons:
  fillers: [so, well]
  feelings: [sad, tired]
  negations: [not, never]
`;

const cases = [
  ...['I lost my job.', 'My dog died.', 'I failed the exam.'].map((client) => ({ client, reply: "I'm so sorry, that's awful.", score: 90, band: 'good' })),
  ...['I lost my job.', 'My dog died.', 'I failed the exam.'].map((client) => ({ client, reply: "In a manner of speaking, okay.", score: 10, band: 'harmful' })),
  { client: 'I am tired.', reply: 'Okay.', score: 40, band: 'poor' },
  { client: 'I am sad.', reply: 'Right.', score: 40, band: 'poor' },
];
const yamlCases = `cases:\n${cases.map((c) => `  - { client: "${c.client}", reply: "${c.reply}", score: ${c.score}, band: ${c.band} }`).join('\n')}\n`;

function packDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'rapport-fit-'));
  writeFileSync(join(dir, 'test.yaml'), PACK);
  return dir;
}

describe('fitting weights', () => {
  it('moves weight away from a rule that fires on good and harmful replies alike, and never makes the fit worse', async () => {
    const pack = await loadPack({ builtin: false, packs: [packDir()] });
    const set = { name: 'set', cases: firedIn(pack, cases as never) };
    const result = fitWeights(pack, [set]);
    const frame = result.changes.find((change) => change.ruleId === 'test.frame');
    expect(frame?.to).toBeLessThan(30);
    expect(result.after.fitted[0]!.spearman!).toBeGreaterThanOrEqual(result.before.fitted[0]!.spearman!);
  });

  it('writes only the weight, keeping comments and layout', () => {
    const written = setWeights(PACK, new Map([['test.frame', 8]]), 'test.yaml');
    expect(written).toBe(PACK.replace('weight: 30 # as guessed', 'weight: 8 # as guessed'));
  });

  it('rapport rules fit --rules DIR --write changes that pack only, and reports the held-out set apart', () => {
    const dir = packDir();
    const set = join(dir, '..', `${dir.split('/').pop()}-set.yaml`);
    writeFileSync(set, yamlCases);
    const result = rapport(['rules', 'fit', set, '--hold-out', set, '--rules', dir, '--write']);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('Held out');
    expect(result.stdout).toMatch(/test\.frame\s+30 → \d+/);
    expect(readFileSync(join(dir, 'test.yaml'), 'utf8')).not.toContain('weight: 30 # as guessed');
    expect(result.stdout).not.toMatch(/^\s+(validation|openness|pacing|attunement)\./m);
  });

  it('names the file and line of a case without a score', () => {
    const dir = packDir();
    const set = join(dir, 'bad-set.yml');
    writeFileSync(set, 'cases:\n  - { reply: "Okay.", score: 40, band: poor }\n  - { reply: "Fine.", band: good }\n');
    const result = rapport(['rules', 'fit', set]);
    expect(result.status).toBe(2);
    expect(result.stderr.trim()).toBe(`rapport: ${set}:3: case 2: \`score\` must be the supervisor's score, a number from 0 to 100`);
  });
});
