// Lone-CR line endings (old Mac files, some exports) count lines as "\n" and "\r\n" do: the same
// file saved with each gives the same line and column in every error and finding.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { lineColumn } from '../../src/core/tokens/analyse.js';
import { run } from './helpers.js';

const tmp = mkdtempSync(join(tmpdir(), 'rapport-eol-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const ENDINGS = { lf: '\n', crlf: '\r\n', cr: '\r' } as const;
type Ending = keyof typeof ENDINGS;

/** Writes each file under a folder per line ending, the lines joined by that ending. */
function saved(files: Record<string, (string | Buffer)[]>): Record<Ending, string> {
  const dirs = {} as Record<Ending, string>;
  for (const [ending, eol] of Object.entries(ENDINGS) as [Ending, string][]) {
    const dir = mkdtempSync(join(tmp, `${ending}-`));
    for (const [name, lines] of Object.entries(files)) {
      mkdirSync(join(dir, name, '..'), { recursive: true });
      writeFileSync(join(dir, name), Buffer.concat(lines.map((line, i) => Buffer.concat([Buffer.from(line), Buffer.from(i < lines.length - 1 ? eol : '')]))));
    }
    dirs[ending] = dir;
  }
  return dirs;
}

/** What a run says about places: stderr, every line/column in its JSON output, every file:line in its text. */
function places(args: string[], cwd: string): string {
  const result = run(args, { cwd });
  const positions = [...result.stdout.matchAll(/"(line|column|startLine|startColumn)":\s*(\d+)/g)].map((m) => `${m[1]}=${m[2]}`);
  const named = result.stdout.match(/[\w./-]+\.\w+:\d+(?::\d+)?: /g) ?? [];
  return `${result.status}\n${result.stderr}\n${positions.join(' ')}\n${named.join(' ')}`;
}

/** The run says the same about places whatever the line endings, and in the "\n" files says each of `expected`. */
function sameEverywhere(dirs: Record<Ending, string>, args: string[], ...expected: RegExp[]): void {
  const lf = places(args, dirs.lf);
  for (const place of expected) expect(lf, args.join(' ')).toMatch(place);
  expect(places(args, dirs.crlf), `CRLF: ${args.join(' ')}`).toBe(lf);
  expect(places(args, dirs.cr), `lone CR: ${args.join(' ')}`).toBe(lf);
}

describe('lone CR line endings', () => {
  it('lineColumn counts "\\n", "\\r\\n" and a lone "\\r" alike', () => {
    for (const eol of Object.values(ENDINGS)) {
      const text = ['Hello there.', 'I hear you.', 'You need to calm down.'].join(eol);
      expect(lineColumn(text, text.indexOf('calm'))).toEqual({ line: 3, column: 13 });
      expect(lineColumn(text, text.indexOf('I hear'))).toEqual({ line: 2, column: 1 });
    }
  });

  it('findings of check and lint', () => {
    const dirs = saved({
      'reply.txt': ['Hello there.', 'I hear you.', 'You need to calm down.'],
      'handbook.md': ['# Replies', '', 'Some text.', '', 'Counsellor: You need to calm down.'],
      'examples.yaml': ['examples:', '  - client: "I am stuck."', '    counsellor: "You need to calm down."'],
    });
    sameEverywhere(dirs, ['check', '--file', 'reply.txt', '--format', 'json'], /line=3 column=1/);
    // Lint takes many files: one run for both, each with its own line (their files in order).
    sameEverywhere(dirs, ['lint', 'handbook.md', 'examples.yaml', '--format', 'json'], /line=5.* line=3/);
  }, 30_000);

  it('errors in transcripts, in every format', () => {
    const dirs = saved({
      's.txt': ['Therapist: Hello.', 'Client: hi', 'continued', 'and no label at all'],
      'bad.txt': ['Therapist: Hello.', 'Client: hi', Buffer.from([0xff, 0xfe])],
      'bad.csv': ['id,speaker,text', '1,client,hi', '2,therapist,"You need', 'to calm down"', '3,,hi'],
      'bad.jsonl': ['{"speaker":"client","text":"hi"}', '{"speaker":"therapist","text":"You need to"}', '{"speaker":1}'],
      'bad.json': ['[', '{"speaker":"client","text":"hi"},', '{"speaker":1}', ']'],
      'bad.vtt': ['WEBVTT', '', '00:00:01.000 --> 00:00:02.000', 'Therapist: hi', '', 'no timing here'],
    });
    // Batch takes many files: one run for them all, each named with its own line.
    sameEverywhere(dirs, ['batch', 'bad.txt', 'bad.csv', 'bad.jsonl', 'bad.json', 'bad.vtt'], /bad\.txt:3: /, /bad\.csv:5: /, /bad\.jsonl:3: /, /bad\.json:3: /, /bad\.vtt:6: /);
    sameEverywhere(dirs, ['batch', 's.txt', '--format', 'json'], /^0\n/);
  }, 30_000);

  it('errors in replies, config, rule files and training material', () => {
    const dirs = saved({
      'reply.txt': ['Hello.', 'Still here.', Buffer.from([0xff, 0xfe])],
      'handbook.md': ['# Replies', 'Counsellor: hi', Buffer.from([0xc3])],
      'c.yaml': ['batch:', '  counsellor: [Sam]', '  nosuch: 1'],
      'pk/r.yaml': ['rules:', '  - id: x.y', '    bad: ['],
    });
    sameEverywhere(dirs, ['check', '--file', 'reply.txt'], /reply\.txt:3: /);
    sameEverywhere(dirs, ['lint', 'handbook.md'], /handbook\.md:3: /);
    sameEverywhere(dirs, ['check', '--config', 'c.yaml', 'hi'], /c\.yaml:3:3: /);
    sameEverywhere(dirs, ['rules', 'validate', 'pk'], /pk\/r\.yaml:[34]:\d+: /);
  }, 30_000);
});
