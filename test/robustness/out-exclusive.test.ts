// The temporary file behind --out is created exclusively and never through a link. Its name is
// random, so to plant something at it the test fixes the random bytes.
import { lstatSync, mkdtempSync, readFileSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';

vi.mock('node:crypto', async (original) => ({ ...(await original<typeof import('node:crypto')>()), randomBytes: (n: number) => Buffer.alloc(n) }));
const { writeAtomic } = await import('../../src/io/output.js');
const { InputError } = await import('../../src/io/errors.js');
const { fileSink } = await import('../../src/batch/sink.js');

const tmp = mkdtempSync(join(tmpdir(), 'rapport-excl-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('the temporary file of --out', () => {
  it('is not opened through a link planted at its name, nor over a file already there', () => {
    const victim = join(tmp, 'victim.txt');
    writeFileSync(victim, 'precious');
    const report = join(tmp, 'report.txt');
    const planted = join(tmp, '.report.txt.000000000000.tmp');
    symlinkSync(victim, planted);
    expect(() => writeAtomic(report, 'REPORT')).toThrow(InputError);
    expect(readFileSync(victim, 'utf8')).toBe('precious');
    expect(lstatSync(planted).isSymbolicLink()).toBe(true);
    expect(readdirSync(tmp).sort()).toEqual(['.report.txt.000000000000.tmp', 'victim.txt']);

    rmSync(planted);
    writeFileSync(planted, 'someone else’s');
    expect(() => writeAtomic(report, 'REPORT')).toThrow(/report\.txt: cannot write the report/);
    expect(readFileSync(planted, 'utf8')).toBe('someone else’s');

    rmSync(planted);
    writeAtomic(report, 'REPORT');
    expect(readFileSync(report, 'utf8')).toBe('REPORT');
    expect(readdirSync(tmp).sort()).toEqual(['report.txt', 'victim.txt']);
  });

  it('is the same for streamed reports (batch --format jsonl or csv)', () => {
    const victim = join(tmp, 'victim.jsonl');
    writeFileSync(victim, 'precious');
    const planted = join(tmp, '.streamed.jsonl.000000000000.tmp');
    symlinkSync(victim, planted);
    expect(() => fileSink(join(tmp, 'streamed.jsonl'))).toThrow(/streamed\.jsonl: cannot write the report/);
    expect(readFileSync(victim, 'utf8')).toBe('precious');
    rmSync(planted);
    const sink = fileSink(join(tmp, 'streamed.jsonl'));
    sink.write('{}\n');
    sink.commit();
    expect(readFileSync(join(tmp, 'streamed.jsonl'), 'utf8')).toBe('{}\n');
    expect(readdirSync(tmp).filter((name) => name.endsWith('.tmp'))).toEqual([]);
  });
});
