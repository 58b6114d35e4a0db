import { describe, expect, it } from 'vitest';
import { analyse } from '../../src/core/tokens/analyse.js';
import { resolveBehaviours } from '../../src/core/matches/behaviours.js';
import { builtinPack, rapport } from '../helpers.js';

const FIXTURE = 'fixtures/eval/coded.csv';

describe('rapport eval', () => {
  it('reports agreement per behaviour, the AUC and per-rule figures as JSON', () => {
    const result = rapport(['eval', FIXTURE, '--format', 'json', '--examples', '2']);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    const report = JSON.parse(result.stdout);
    expect(report.counts).toMatchObject({ transcripts: 2, utterances: 6, rows: 7, multiAnnotated: 1 });
    expect(report.combination).toMatch(/majority/);
    const byId = Object.fromEntries(report.measures.map((m: { id: string }) => [m.id, m]));
    expect(Object.keys(byId)).toEqual(['question', 'question.open', 'reflection', 'reflection.complex', 'advice', 'information']);
    // three questions in the file, all asked with a question mark
    expect(byId.question.confusion.tp + byId.question.confusion.fn).toBe(3);
    // the two annotators split simple/complex: the tie goes to simple
    expect(byId['reflection.complex'].confusion.tp + byId['reflection.complex'].confusion.fn).toBe(0);
    expect(byId.advice.confusion.tp).toBe(1);
    expect(report.transcripts).toMatchObject({ measured: true, high: 1, low: 1 });
    expect(report.transcripts.auc).toBeGreaterThanOrEqual(0);
    const rule = report.rules.find((r: { id: string }) => r.id === 'openness.open-question');
    expect(rule).toMatchObject({ against: 'open question' });
    expect(report.baseline.measures).toHaveLength(6);
    expect(byId.question.examples).toBeDefined();
  });

  it('prints a table and the README summary as text', () => {
    const result = rapport(['eval', FIXTURE]);
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/open vs closed question/);
    expect(result.stdout).toMatch(/\| measure \| rapport \| simple baseline \| published \|/);
    expect(result.stdout).toMatch(/majority/);
  });

  it('reads a single code column through --column and --map', () => {
    const csv = 'session,who,said,code\ns1,counsellor,What would you like to change?,OQ\ns1,client,Less arguing.,\ns1,counsellor,You want some peace at home.,summary\n';
    const result = rapport(['eval', '-', '--column', 'transcript=session', '--column', 'speaker=who', '--column', 'text=said', '--map', 'summary=reflection.simple', '--format', 'json'], { input: csv });
    expect(result.stderr).toBe('');
    const report = JSON.parse(result.stdout);
    expect(report.counts.utterances).toBe(2);
    expect(report.measures.find((m: { id: string }) => m.id === 'reflection').confusion.tp).toBe(1);
    expect(report.transcripts.measured).toBe(false);
  });

  it('names the file and exits 2 on a code it cannot map', () => {
    const csv = 'speaker,text,code\ntherapist,Hello there.,XYZ\n';
    const result = rapport(['eval', '-'], { input: csv });
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/^rapport: \(stdin\): unknown code "XYZ"/);
  });

  it('rejects a malformed --column', () => {
    const result = rapport(['eval', FIXTURE, '--column', 'colour=x']);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/--column/);
  });
});

describe('MITI decision: a statement voiced as a question keeps its reflection code', () => {
  const reflectionOver = async (text: string) => {
    const reply = analyse(text);
    const sentence = reply.sentences[0]!;
    return resolveBehaviours([{ code: 'reflection.simple', start: sentence.start, end: sentence.end }], reply, (await builtinPack()).lexicons).map((b) => b.code);
  };

  it('keeps a declarative reflection with a rising inflection', async () => {
    expect(await reflectionOver("So you're worried about the exams?")).toEqual(['reflection.simple']);
  });

  it('drops a reflection phrased as a question', async () => {
    expect(await reflectionOver('Are you worried about the exams?')).toEqual([]);
    expect(await reflectionOver('So what worries you about the exams?')).toEqual([]);
  });
});
