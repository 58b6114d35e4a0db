// The bad-input corpus (fixtures/bad-input) through every command: exit 0, 1 or 2, a clear
// one-line message, never a stack trace and never a hang. Big inputs are generated in a temp dir.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { corpus, expectClean, run } from './helpers.js';

const tmp = mkdtempSync(join(tmpdir(), 'rapport-bad-input-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const REPLIES = ['empty.txt', 'whitespace.txt', 'invalid-utf8.txt', 'binary.png', 'bom-crlf.txt', 'unicode.txt', 'punctuation.txt', 'spanish.txt', 'german.txt', 'chinese.txt'];
/** Each transcript rapport cannot read, with the one line that must name it. */
const UNREADABLE_TRANSCRIPTS: Record<string, RegExp> = {
  'empty.txt': /empty\.txt: no turns found/,
  'whitespace.txt': /whitespace\.txt: no turns found/,
  'invalid-utf8.txt': /invalid-utf8\.txt:3: .*not valid UTF-8/,
  'binary.txt': /binary\.txt:1: .*not valid UTF-8/,
  'punctuation.txt': /punctuation\.txt:1: expected a "Speaker: words" line/,
  'unclosed-quote.csv': /unclosed-quote\.csv:3: .*never closed/,
  'ragged.csv': /ragged\.csv:3: .*fields/,
  'bad-timing.vtt': /bad-timing\.vtt:6: /,
  'bad-array.json': /bad-array\.json:3: invalid JSON/,
  'bad-line.jsonl': /bad-line\.jsonl:3: invalid JSON/,
};
const READABLE_TRANSCRIPTS = ['bom-crlf.txt', 'unicode.txt', 'spanish.txt', 'proto.json'];
const TRANSCRIPTS = [...Object.keys(UNREADABLE_TRANSCRIPTS), ...READABLE_TRANSCRIPTS];
/** Each training file (replies included) lint cannot read, with the one line that must name it. */
const UNREADABLE_TRAINING: Record<string, RegExp> = {
  'invalid-utf8.md': /invalid-utf8\.md:3: .*not valid UTF-8/,
  'bad.yaml': /bad\.yaml:4: YAML syntax error/,
  'alias-bomb.yaml': /alias-bomb\.yaml:2: YAML aliases could not be expanded safely/,
  '../replies/invalid-utf8.txt': /replies\/invalid-utf8\.txt:1: .*not valid UTF-8/,
  '../replies/binary.png': /binary\.png: .*binary/,
};
const TRAINING = ['empty.md', 'bom-crlf.md', 'invalid-utf8.md', 'bad.yaml', 'alias-bomb.yaml', ...REPLIES.map((name) => `../replies/${name}`)];

/** A run made once, on first use, for every test that asserts something about it. */
function once<T>(make: () => T): () => T {
  let made: { value: T } | undefined;
  return () => (made ??= { value: make() }).value;
}

const checkFile = Object.fromEntries(REPLIES.map((name) => [name, once(() => run(['check', '--file', corpus(`replies/${name}`), '--format', 'json']))]));
const batchAll = Object.fromEntries(
  (['0', 'auto'] as const).map((jobs) => [jobs, once(() => run(['batch', ...TRANSCRIPTS.map((name) => corpus(`transcripts/${name}`)), '--format', 'jsonl', '--jobs', jobs]))]),
);
const lintAll = Object.fromEntries(
  (['text', 'json', 'sarif'] as const).map((format) => [format, once(() => run(['lint', ...TRAINING.map((name) => corpus(`training/${name}`)), '--format', format]))]),
);
const linesMatching = (text: string, pattern: RegExp): string[] => text.split('\n').filter((line) => pattern.test(line));
const recordsOf = (output: string, name: string): { text: string; client: string | null; source: string }[] =>
  output.trim().split('\n').map((line) => JSON.parse(line)).filter((record) => record.source.endsWith(`/${name}`));

describe('every command on every kind of bad input', () => {
  it.each(REPLIES)('check --file replies/%s --format json', (name) => {
    expectClean(checkFile[name]!());
  });
  it.each(REPLIES)('check reads replies/%s on standard input (text report)', (name) => {
    // Raw bytes, as a pipe delivers them.
    expectClean(run(['check', '-'], { input: readFileSync(corpus(`replies/${name}`)) as unknown as string }));
  });
  it.each(['0', 'auto'])('batch of every transcript at once (--jobs %s): each unreadable one named on its own line, the others scored', (jobs) => {
    const result = batchAll[jobs]!();
    expectClean(result, [2]);
    for (const [name, message] of Object.entries(UNREADABLE_TRANSCRIPTS)) expect(linesMatching(result.stderr, message), name).toHaveLength(1);
    for (const name of READABLE_TRANSCRIPTS) expect(recordsOf(result.stdout, name).length, name).toBeGreaterThan(0);
  });
  it.each(TRANSCRIPTS)('eval transcripts/%s', (name) => {
    expectClean(run(['eval', corpus(`transcripts/${name}`)]));
  });
  it('lint --format sarif of every training file at once: each unreadable one named on its own line, the others linted', () => {
    const result = lintAll.sarif!();
    expectClean(result, [2]);
    for (const [name, message] of Object.entries(UNREADABLE_TRAINING)) expect(linesMatching(result.stderr, message), name).toHaveLength(1);
    const linted: string[] = JSON.parse(result.stdout).runs[0].artifacts.map((artifact: { location: { uri: string } }) => artifact.location.uri);
    for (const name of TRAINING.filter((name) => !(name in UNREADABLE_TRAINING))) {
      expect(linted.filter((uri) => uri.endsWith(`/${name.replace('../', '')}`)), name).toHaveLength(1);
    }
  });
  it.each(REPLIES)('rules trace on replies/%s', (name) => {
    const text = require_(name);
    if (text.includes('\u0000') || text.trim() === '') return;
    expectClean(run(['rules', 'trace', text]));
  });
});

function require_(name: string): string {
  return new TextDecoder().decode(readFileSync(corpus(`replies/${name}`)));
}

describe('what each kind of bad input gives', () => {
  it('empty and whitespace-only replies: exit 2, nothing to score', () => {
    for (const name of ['empty.txt', 'whitespace.txt']) {
      const result = checkFile[name]!();
      expect(result.status).toBe(2);
      expect(result.stderr).toMatch(/empty/);
    }
  });

  it('invalid UTF-8 and binary files: exit 2 naming the file and the line', () => {
    expect(checkFile['invalid-utf8.txt']!().stderr).toMatch(/invalid-utf8\.txt:1: .*not valid UTF-8/);
    expect(checkFile['binary.png']!().stderr).toMatch(/binary\.png: .*binary/);
    const batch = batchAll.auto!();
    expect(batch.status).toBe(2);
    expect(batch.stderr).toMatch(/invalid-utf8\.txt:3: .*not valid UTF-8/);
    expect(batch.stdout).not.toContain('\uFFFD');
    expect(lintAll.text!().stdout).toMatch(/invalid-utf8\.md:3: .*not valid UTF-8/);
  });

  it('BOM and CRLF: the BOM is dropped and spans still index the text exactly', () => {
    const result = checkFile['bom-crlf.txt']!();
    expectClean(result);
    const critique = JSON.parse(result.stdout);
    expect(critique.text.startsWith('You need')).toBe(true);
    expect(critique.findings.length).toBeGreaterThan(0);
    for (const f of critique.findings) expect(critique.text.slice(f.start, f.end)).toBe(f.match);
    const records = recordsOf(batchAll.auto!().stdout, 'bom-crlf.txt');
    expect(records.map((r) => r.text)).toEqual(['How have you been?', 'You need to sleep more.']);
    expect(records[1]?.client).toBe('Not great, I feel so tired.');
  });

  it('emoji, right-to-left, zero-width and combining characters: spans exact in UTF-16 indices', () => {
    const result = checkFile['unicode.txt']!();
    expectClean(result, [0]);
    const critique = JSON.parse(result.stdout);
    expect(critique.findings.length).toBeGreaterThan(0);
    for (const f of critique.findings) expect(critique.text.slice(f.start, f.end)).toBe(f.match);
    for (const b of critique.behaviours) expect(b.end).toBeLessThanOrEqual(critique.text.length);
    const file = JSON.parse(lintAll.json!().stdout).files.find((linted: { file: string }) => linted.file.endsWith('/bom-crlf.md'));
    expect(file.examples.map((e: { line: number }) => e.line)).toEqual([3, 6]);
  });

  it('punctuation only: scored (nothing found) or refused, never a crash', () => {
    const result = checkFile['punctuation.txt']!();
    expectClean(result, [0]);
    expect(JSON.parse(result.stdout).findings).toEqual([]);
  });

  it('non-English text: one note on standard error that the rules are English; JSON on stdout stays pure', () => {
    for (const name of ['spanish.txt', 'german.txt', 'chinese.txt']) {
      const result = checkFile[name]!();
      expectClean(result, [0]);
      expect(JSON.parse(result.stdout).schemaVersion).toBe(1);
      expect(result.stderr.match(/rules are written for English/g)).toHaveLength(1);
    }
    const english = run(['check', 'It sounds like the week has worn you down. What would help most right now?']);
    expect(english.stderr).toBe('');
  });

  it('non-English transcripts in a batch are named once on standard error; English ones are not', () => {
    const result = run(['batch', corpus('transcripts/spanish.txt'), 'fixtures/transcripts/session.txt', '--format', 'jsonl']);
    expectClean(result, [0]);
    expect(result.stderr.match(/rules are written for English/g)).toHaveLength(1);
    expect(result.stderr).toMatch(/spanish\.txt/);
    expect(result.stderr).not.toMatch(/session\.txt/);
    for (const line of result.stdout.trim().split('\n')) expect(JSON.parse(line).schemaVersion).toBe(1);
  });

  it('malformed CSV, VTT, JSON and YAML: exit 2 and the error names the line, in text output too', () => {
    // The transcripts' lines are checked on the batch of them all, above.
    const result = lintAll.text!();
    expectClean(result, [2]);
    for (const [name, message] of Object.entries(UNREADABLE_TRAINING)) expect(linesMatching(result.stdout, message), name).toHaveLength(1);
    expect(result.stdout).toMatch(/\(5 files could not be read\)/);
  });

  it('an extremely long word is scored', () => {
    const file = join(tmp, 'long-word.txt');
    writeFileSync(file, `You need to ${'a'.repeat(15_000)} now.`);
    const result = run(['check', '--file', file, '--format', 'json']);
    expectClean(result, [0]);
    expect(JSON.parse(result.stdout).findings.some((f: { match: string }) => /you need to/i.test(f.match))).toBe(true);
  });

  it('one 5 MB line: refused with a clear message by check, batch, eval and lint', () => {
    const line = `You need to calm down. ${'It is fine. '.repeat(440_000)}`;
    const reply = join(tmp, 'huge-reply.txt');
    writeFileSync(reply, line);
    const transcript = join(tmp, 'huge.txt');
    writeFileSync(transcript, `Client: hello\nTherapist: ${line}\nClient: bye\n`);
    const handbook = join(tmp, 'huge.md');
    writeFileSync(handbook, `# Handbook\n\nCounsellor: ${line}\n`);
    const csv = join(tmp, 'huge.csv');
    writeFileSync(csv, `speaker,text\nclient,hello\ntherapist,${line}\n`);
    const checked = run(['check', '--file', reply]);
    expectClean(checked, [2]);
    // A reply file is refused while it is read, at 1 MiB: long before it could be scored.
    expect(checked.stderr).toMatch(/larger than 1 MiB, the most rapport reads as a reply/);
    const batch = run(['batch', transcript, '--format', 'jsonl']);
    expectClean(batch, [2]);
    expect(batch.stderr).toMatch(/huge\.txt:2: .*too long to score/);
    const evaluated = run(['eval', csv]);
    expectClean(evaluated, [2]);
    expect(evaluated.stderr).toMatch(/huge\.csv:3: .*too long/);
    const linted = run(['lint', handbook]);
    expectClean(linted, [2]);
    expect(linted.stdout).toMatch(/huge\.md:3: .*too long/);
  });

  it('deeply nested Markdown: read when moderately deep, refused with its line when absurdly deep', () => {
    const moderate = join(tmp, 'moderate.md');
    writeFileSync(moderate, `${'> '.repeat(40)}${'- '.repeat(40)}Counsellor: You need to calm down.\n`);
    const result = run(['lint', moderate, '--format', 'json']);
    expectClean(result, [1]);
    expect(JSON.parse(result.stdout).summary.examples).toBe(1);
    for (const [name, content] of [
      ['lists.md', `${Array.from({ length: 3000 }, (_, i) => `${'  '.repeat(i)}- item`).join('\n')}\nCounsellor: hi`],
      ['markers.md', `intro\n\n${'- '.repeat(5000)}Counsellor: You need to calm down.\n`],
      ['quotes.md', `${'> '.repeat(20000)}Counsellor: You need to calm down.\n`],
    ] as const) {
      writeFileSync(join(tmp, name), content);
    }
    const deep = run(['lint', ...['lists.md', 'markers.md', 'quotes.md'].map((name) => join(tmp, name))]);
    expectClean(deep, [2]);
    for (const name of ['lists', 'markers', 'quotes']) expect(linesMatching(deep.stdout, new RegExp(`${name}\\.md:\\d+: Markdown nested too deeply`)), name).toHaveLength(1);
  });
});
