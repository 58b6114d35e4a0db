// `rapport batch` end to end through bin/rapport: records, formats, errors, --out.
import { parse } from 'csv-parse/sync';
import { existsSync, readdirSync, readFileSync, writeFileSync, mkdirSync, chmodSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CSV_COLUMNS } from '../../src/formatters/batch/csv.js';
import { ANNOMI, FIXTURES, jsonl, rapport, tempDir } from './helpers.js';

const FORMATS = ['txt', 'vtt', 'csv', 'json', 'jsonl'] as const;
const fixture = (ext: string): string => `fixtures/transcripts/session.${ext}`;

const CLIENTS = [
  null,
  "Work has been really stressful. I can't sleep, and I keep snapping at my kids.",
  "I tried one. It didn't help.",
  "Yeah. I just feel like I'm failing everyone.",
  "I don't know. I guess I'm scared of losing the job.",
];
const IDS: Record<(typeof FORMATS)[number], (string | number)[]> = {
  txt: [1, 3, 5, 7, 9],
  vtt: [1, 3, 5, 7, 9],
  csv: ['0', '2', '4', '6', '8'],
  json: ['t0', 't2', 't4', 't6', 't8'],
  jsonl: ['0', '2', '4', '6', '8'],
};
const squash = (text: unknown): unknown => (typeof text === 'string' ? text.replace(/\s+/g, ' ') : text);

describe('records: one per counsellor turn, with client context, ids and index', () => {
  for (const ext of FORMATS) {
    it(`reads ${ext}`, () => {
      const run = rapport(['batch', '--format', 'jsonl', fixture(ext)]);
      expect(run.stderr).toBe('');
      expect(run.status).toBe(0);
      const records = jsonl(run.stdout);
      expect(records).toHaveLength(5);
      expect(records.map((r) => r.index)).toEqual([0, 2, 4, 6, 8]);
      expect(records.map((r) => r.id)).toEqual(IDS[ext]);
      expect(records.map((r) => squash(r.client))).toEqual(CLIENTS);
      for (const r of records) {
        expect(r.source).toBe(fixture(ext));
        expect(r.transcript).toBe(ext === 'csv' || ext === 'jsonl' ? 's1' : fixture(ext));
        expect(String(r.speaker).toLowerCase()).toMatch(/^(counsellor|therapist)$/);
        expect(r.schemaVersion).toBe(1);
        expect(r.score).toEqual(expect.any(Number));
        expect(Object.keys(r.dimensions as object).sort()).toEqual(['attunement', 'openness', 'pacing', 'validation']);
        expect(Array.isArray(r.findings) && Array.isArray(r.behaviours)).toBe(true);
        expect(r).toHaveProperty('rewrite');
      }
      expect(squash(records[2]!.text)).toBe("It sounds like you've already been working hard to cope, and it's frustrating when nothing seems to shift.");
    });
  }

  it('scores each turn exactly as `check` does with the same client text', () => {
    const [record] = jsonl(rapport(['batch', '--format', 'jsonl', fixture('csv')]).stdout).slice(1, 2);
    const check = JSON.parse(rapport(['check', '--format', 'json', '--client', String(record!.client), String(record!.text)]).stdout);
    const { source: _s, transcript: _t, id: _i, index: _x, speaker: _p, ...critique } = record!;
    expect(critique).toEqual(check);
  });

  it('reads standard input with -', () => {
    const run = rapport(['batch', '--format', 'jsonl', '-'], { input: readFileSync(join(FIXTURES, 'session.txt'), 'utf8') });
    expect(run.status).toBe(0);
    const records = jsonl(run.stdout);
    expect(records).toHaveLength(5);
    expect(records[0]!.source).toBe('-');
  });

  it('uses --counsellor for named speakers, and says so when no counsellor turn is found', () => {
    const dir = tempDir();
    const file = join(dir, 'named.txt');
    writeFileSync(file, 'Ada: How have things been?\nBen: Rough. I barely slept.\nAda: That sounds exhausting.\n');
    const none = rapport(['batch', '--format', 'jsonl', file]);
    expect(none.stdout).toBe('');
    expect(none.stderr).toMatch(/no counsellor turns found \(speakers: Ada, Ben\)/);
    const named = jsonl(rapport(['batch', '--format', 'jsonl', '--counsellor', 'ada', file]).stdout);
    expect(named.map((r) => [r.speaker, r.index, r.client])).toEqual([
      ['Ada', 0, null],
      ['Ada', 2, 'Rough. I barely slept.'],
    ]);
  });

  it('takes CSV column overrides', () => {
    const dir = tempDir();
    const file = join(dir, 'odd.csv');
    writeFileSync(file, 'who,said,conv,n\ncounsellor,"Hi, what brings you in?",c9,a1\nclient,"I\'m tired.",c9,a2\ncounsellor,"Tired, and maybe worn down?",c9,a3\n');
    const missing = rapport(['batch', '--format', 'jsonl', file]);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toMatch(/odd\.csv:1: no speaker column/);
    const run = rapport(['batch', '--format', 'jsonl', '--speaker-column', 'who', '--text-column', 'said', '--transcript-column', 'conv', '--id-column', 'n', file]);
    expect(run.status).toBe(0);
    expect(jsonl(run.stdout).map((r) => [r.transcript, r.id, r.index, r.client])).toEqual([
      ['c9', 'a1', 0, null],
      ['c9', 'a3', 2, "I'm tired."],
    ]);
  });
});

describe('formats', () => {
  const all = FORMATS.map(fixture);

  it('json: schemaVersion, transcripts with source, transcript, summary and turns, errors', () => {
    const run = rapport(['batch', '--format', 'json', ...all]);
    expect(run.status).toBe(0);
    const doc = JSON.parse(run.stdout);
    expect(doc.schemaVersion).toBe(1);
    expect(doc.errors).toEqual([]);
    expect(doc.transcripts).toHaveLength(5);
    for (const t of doc.transcripts) {
      expect(Object.keys(t)).toEqual(['source', 'transcript', 'summary', 'turns']);
      expect(t.turns).toHaveLength(5);
      expect(t.summary.turns).toBe(5);
      expect(t.summary.allTurns).toBe(9);
      expect(t.summary.miti.judged).toBe(false);
      expect(t.summary.miti.note).toMatch(/too few turns to judge/);
      expect(t.summary.weakest).toHaveLength(3);
      expect(t.summary.score.min).toBe(Math.min(...t.turns.map((r: { score: number }) => r.score)));
    }
  });

  it('csv: one row per turn with a header, parseable by a CSV reader', () => {
    const run = rapport(['batch', '--format', 'csv', ...all]);
    expect(run.status).toBe(0);
    const rows = parse(run.stdout, { columns: true }) as Record<string, string>[];
    expect(Object.keys(rows[0]!)).toEqual([...CSV_COLUMNS]);
    expect(rows).toHaveLength(25);
    const csvRows = rows.filter((r) => r.source === fixture('csv'));
    expect(csvRows.map((r) => r.id)).toEqual(['0', '2', '4', '6', '8']);
    expect(csvRows[1]!.client).toBe(CLIENTS[1]);
    expect(Number(csvRows[1]!.score)).toBeGreaterThanOrEqual(0);
    expect(run.stdout).toMatch(/\r\n$/);
  });

  it('text: a cohort table and summaries that fit 80 columns', () => {
    const run = rapport(['batch', ...all]);
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/Cohort/);
    expect(run.stdout).toMatch(/Weakest turns/);
    expect(run.stdout).toMatch(/too few turns to judge/i);
    for (const line of run.stdout.split('\n')) expect([...line].length).toBeLessThanOrEqual(80);
  });

  it('markdown: cohort table, summaries, weakest turns with rewrites', () => {
    const run = rapport(['batch', '--format', 'markdown', fixture('csv'), fixture('txt')]);
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/^# Batch report/);
    expect(run.stdout).toMatch(/\| transcript \| turns \| mean \|/);
    expect(run.stdout).toMatch(/### Weakest turns/);
    expect(run.stdout).toMatch(/Try instead \(\d+\)/);
  });

  it('html: one self-contained file with charts and no external references', () => {
    const run = rapport(['batch', '--format', 'html', ...all]);
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/^<!doctype html>/);
    expect(run.stdout).toMatch(/<svg class="chart timeline"/);
    expect(run.stdout).not.toMatch(/(?:src|href)="(?:https?:)?\/\//);
    expect(run.stdout).toMatch(/@media print/);
  });

  it('groups the cohort by a counsellor column, and by --group-by', () => {
    const dir = tempDir();
    const file = join(dir, 'cohort.csv');
    const rows = ['session,student,speaker,text'];
    for (const [session, student] of [['a', 'Sam'], ['b', 'Ada'], ['c', 'Sam']]) {
      rows.push(`${session},${student},client,I feel stuck.`, `${session},${student},counsellor,You feel stuck.`);
    }
    writeFileSync(file, `${rows.join('\n')}\n`);
    const doc = JSON.parse(rapport(['batch', '--format', 'json', file]).stdout);
    expect(doc.transcripts.map((t: { transcript: string; summary: { group: string } }) => [t.transcript, t.summary.group])).toEqual([
      ['a', 'Sam'],
      ['b', 'Ada'],
      ['c', 'Sam'],
    ]);
    const text = rapport(['batch', file]).stdout;
    expect(text.indexOf('Ada ·')).toBeLessThan(text.indexOf('Sam ·'));
    const bySession = JSON.parse(rapport(['batch', '--format', 'json', '--group-by', 'session', file]).stdout);
    expect(bySession.transcripts[0].summary.group).toBeNull(); // the transcript column is not an extra field
  });
});

describe('errors and exit codes', () => {
  it('reports an unreadable file with file and line, scores the rest, and exits 2', () => {
    const dir = tempDir();
    const bad = join(dir, 'bad.csv');
    writeFileSync(bad, 'speaker,text\ncounsellor,"How are you?"\nclient,"never closed\n');
    const run = rapport(['batch', '--format', 'jsonl', bad, fixture('txt'), join(dir, 'missing.txt')]);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(new RegExp(`${bad.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:3: .*never closed`));
    expect(run.stderr).toMatch(/missing\.txt: no such file/);
    const records = jsonl(run.stdout);
    expect(records.filter((r) => r.source === fixture('txt'))).toHaveLength(5);
    const json = rapport(['batch', '--format', 'json', bad, fixture('txt')]);
    expect(json.status).toBe(2);
    const doc = JSON.parse(json.stdout);
    expect(doc.errors).toEqual([{ source: bad, line: 3, message: expect.stringMatching(/never closed/) }]);
    expect(doc.transcripts.some((t: { source: string }) => t.source === fixture('txt'))).toBe(true);
  });

  it('rejects a binary file with exit 2 and keeps the good output', () => {
    const dir = tempDir();
    const bin = join(dir, 'audio.txt');
    writeFileSync(bin, Buffer.from([0, 1, 2, 3, 0, 255, 0]));
    const run = rapport(['batch', '--format', 'csv', bin, fixture('vtt')]);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/audio\.txt(:\d+)?: .*(binary|not valid UTF-8)/);
    expect(run.stdout.trim().split('\r\n')).toHaveLength(6);
  });

  it('exits 1 when a transcript mean is under --fail-under, 0 otherwise', () => {
    expect(rapport(['batch', '--format', 'jsonl', '--fail-under', '99', fixture('txt')]).status).toBe(1);
    expect(rapport(['batch', '--format', 'jsonl', '--fail-under', '1', fixture('txt')]).status).toBe(0);
  });

  it('exits 2 on a bad option, naming it', () => {
    const run = rapport(['batch', '--format', 'pdf', fixture('txt')]);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/pdf/);
  });
});

describe('--out', () => {
  for (const format of ['jsonl', 'csv', 'html', 'json']) {
    it(`writes ${format} whole, and leaves no temporary file`, () => {
      const dir = tempDir();
      const out = join(dir, `report.${format}`);
      const run = rapport(['batch', '--format', format, '--out', out, fixture('csv')]);
      expect(run.status).toBe(0);
      expect(run.stdout).toBe('');
      expect(readFileSync(out, 'utf8').length).toBeGreaterThan(100);
      expect(readdirSync(dir)).toEqual([`report.${format}`]);
    });
  }

  it('keeps an old report when the new one cannot be made, and never half-writes', () => {
    const dir = tempDir();
    const out = join(dir, 'report.jsonl');
    writeFileSync(out, 'old report\n');
    // A rule pack folder that does not exist: the run fails before anything is scored.
    const run = rapport(['batch', '--format', 'jsonl', '--out', out, '--rules', join(dir, 'nope'), fixture('csv')]);
    expect(run.status).toBe(2);
    expect(readFileSync(out, 'utf8')).toBe('old report\n');
    expect(readdirSync(dir)).toEqual(['report.jsonl']);
  });

  it('refuses to overwrite an input', () => {
    const dir = tempDir();
    const input = join(dir, 's.txt');
    writeFileSync(input, readFileSync(join(FIXTURES, 'session.txt')));
    const run = rapport(['batch', '--format', 'jsonl', '--out', input, input]);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/overwrite an input/);
    expect(readFileSync(input, 'utf8')).toMatch(/^\[00:00:02\] Counsellor/);
  });

  it('writes the report of the good files when another cannot be read (exit 2)', () => {
    const dir = tempDir();
    const out = join(dir, 'r.csv');
    const run = rapport(['batch', '--format', 'csv', '--out', out, join(dir, 'missing.csv'), fixture('json')]);
    expect(run.status).toBe(2);
    expect(readFileSync(out, 'utf8').trim().split('\r\n')).toHaveLength(6);
  });

  it('refuses a folder it cannot write into, leaving nothing behind', () => {
    if (process.getuid?.() === 0) {
      // root ignores permissions: use a path under a file instead.
      const dir = tempDir();
      writeFileSync(join(dir, 'file'), '');
      const run = rapport(['batch', '--format', 'jsonl', '--out', join(dir, 'file', 'r.jsonl'), fixture('txt')]);
      expect(run.status).toBe(2);
      expect(run.stderr).toMatch(/cannot write the report/);
      return;
    }
    const dir = tempDir();
    mkdirSync(join(dir, 'ro'));
    chmodSync(join(dir, 'ro'), 0o500);
    const run = rapport(['batch', '--format', 'jsonl', '--out', join(dir, 'ro', 'r.jsonl'), fixture('txt')]);
    expect(run.status).toBe(2);
    expect(existsSync(join(dir, 'ro', 'r.jsonl'))).toBe(false);
  });
});

describe('inputs', () => {
  it('expands folders and quoted globs', () => {
    const folder = jsonl(rapport(['batch', '--format', 'jsonl', 'fixtures/transcripts']).stdout);
    expect(new Set(folder.map((r) => r.source)).size).toBe(5);
    const glob = jsonl(rapport(['batch', '--format', 'jsonl', 'fixtures/transcripts/*.{txt,vtt}']).stdout);
    expect([...new Set(glob.map((r) => r.source))].sort()).toEqual([fixture('txt'), fixture('vtt')]);
  });

  it("scores AnnoMI's CSV as it is (the layout of dev-simple.csv)", () => {
    const source = parse(readFileSync(ANNOMI, 'utf8'), { columns: true }) as Record<string, string>[];
    const therapist = source.filter((r) => r.interlocutor === 'therapist');
    const run = rapport(['batch', '--format', 'jsonl', ANNOMI]);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const records = jsonl(run.stdout);
    expect(records).toHaveLength(therapist.length);
    expect(records.map((r) => r.id)).toEqual(therapist.map((r) => r.utterance_id));
    expect(records.map((r) => r.transcript)).toEqual(therapist.map((r) => r.transcript_id));
    // Client context: the client rows right before each therapist row.
    const byId = new Map(source.map((r, i) => [`${r.transcript_id}/${r.utterance_id}`, i]));
    for (const record of records) {
      const at = byId.get(`${record.transcript}/${record.id}`)!;
      const before = source[at - 1];
      if (before && before.transcript_id === record.transcript && before.interlocutor === 'client') {
        expect(String(record.client)).toContain(before.utterance_text!.trim());
      } else {
        expect(record.client).toBeNull();
      }
      expect(record.index).toBe(source.slice(0, at).filter((r) => r.transcript_id === record.transcript).length);
    }
    const doc = JSON.parse(rapport(['batch', '--format', 'json', ANNOMI]).stdout);
    expect(doc.transcripts.length).toBe(new Set(source.map((r) => r.transcript_id)).size);
  });
});

describe('worker threads', () => {
  it('give the same records, in the same order, as the main thread alone', () => {
    const dir = tempDir();
    const file = join(dir, 'many.csv');
    const replies = ['You need to stop that.', 'It sounds like you feel torn.', 'Why would you do that?', 'What matters most to you here?', 'So part of you wants to change.'];
    const rows = ['conversation_id,speaker,text'];
    for (let i = 0; i < 160; i++) rows.push(`c${i % 4},client,"I am worried about thing ${i}, honestly.",`, `c${i % 4},counsellor,"${replies[i % replies.length]}"`);
    writeFileSync(file, `${rows.join('\n')}\n`);
    const inline = rapport(['batch', '--format', 'jsonl', '--jobs', '0', file]);
    // Workers only (the main thread would otherwise take chunks while workers start up).
    const pooled = rapport(['batch', '--format', 'jsonl', '--jobs', '2', file], { env: { RAPPORT_MAIN_THREAD_SCORES: '0', RAPPORT_DEBUG: '1' } });
    expect(inline.status).toBe(0);
    expect(pooled.stderr).toMatch(/scored 160 turns on 2 worker threads, 0 on the main thread/);
    expect(pooled.status).toBe(0);
    expect(jsonl(inline.stdout)).toHaveLength(160);
    expect(pooled.stdout).toBe(inline.stdout);
    const summaries = (run: string) => JSON.parse(run).transcripts.map((t: { summary: unknown }) => t.summary);
    expect(summaries(rapport(['batch', '--format', 'json', '--jobs', '2', file]).stdout)).toEqual(summaries(rapport(['batch', '--format', 'json', '--jobs', '0', file]).stdout));
  });

  it('report a bad rule pack as exit 2 with the file', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'bad.yaml'), 'rules:\n  - id: x\n    nonsense: 1\n');
    const run = rapport(['batch', '--format', 'jsonl', '--jobs', '2', '--rules', dir, fixture('txt')]);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/bad\.yaml:\d+/);
    expect(run.stdout).toBe('');
  });
});

describe('help', () => {
  it('shows real examples', () => {
    const run = rapport(['batch', '--help']);
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/Examples:\n\s+rapport batch /);
    expect(run.stdout).toMatch(/--counsellor/);
    expect(run.stdout).toMatch(/--format/);
  });
});
