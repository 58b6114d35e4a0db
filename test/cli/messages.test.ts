// Messages a user reads: failed thresholds say which and by how much, counts take the right plural.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { rapport } from '../helpers.js';

describe('failed thresholds', () => {
  it('check --fail-under names the score, the threshold and the gap', () => {
    const json = JSON.parse(rapport(['check', '-f', 'json', 'You need to calm down.']).stdout);
    const run = rapport(['check', '--fail-under', '60', 'You need to calm down.']);
    expect(run.status).toBe(1);
    expect(run.stderr).toBe(`rapport: the score ${json.score} is below --fail-under 60 (${60 - json.score} short)\n`);
    expect(rapport(['check', '--fail-under', '0', 'You need to calm down.']).stderr).toBe('');
  });

  it('batch --fail-under names how many transcripts fell short and the lowest', () => {
    const run = rapport(['batch', 'fixtures/transcripts/session.txt', '--fail-under', '100']);
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/^rapport: 1 transcript has a mean score below --fail-under 100; the lowest is fixtures\/transcripts\/session\.txt at [\d.]+ \([\d.]+ short\)$/m);
  });
});

describe('counts', () => {
  it('say "1 error" and "1 file", not "1 errors" and "1 files"', () => {
    const dir = mkdtempSync(join(tmpdir(), 'rapport-plural-'));
    writeFileSync(join(dir, 'a.md'), 'Counsellor: Calm down.\n');
    const github = rapport(['lint', 'a.md', '-f', 'github'], { cwd: dir }).stdout;
    expect(github).toMatch(/rapport lint: 1 error, \d+ warnings?, \d+ info in 1 example across 1 file/);
    const text = rapport(['lint', 'a.md'], { cwd: dir }).stdout;
    expect(text).toMatch(/\(1 error, \d+ warnings?(, \d+ info)?\) in 1 example in 1 file/);
    expect(rapport(['batch', 'fixtures/transcripts/session.txt']).stdout).not.toMatch(/\b1 (transcripts|counsellor turns|files)\b/);
  });
});
