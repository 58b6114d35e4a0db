import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import type { CompiledPack } from '../../src/core/rules/pack.js';
import type { BehaviourCode } from '../../src/core/types.js';
import { baselineBehaviours } from '../../src/eval/baseline.js';
import { evaluateEsconv } from '../../src/eval/esconv.js';
import { predictedFacets } from '../../src/eval/codes.js';
import { looksLikeEsconv, readEsconv, type SupporterTurn } from '../../src/readers/esconv.js';
import { TranscriptError } from '../../src/readers/transcripts/types.js';
import { rapport } from '../helpers.js';

const FIXTURE = 'fixtures/eval/esconv-sample.tsv';
const sample = (): string => readFileSync(FIXTURE, 'utf8');

const tmp = mkdtempSync(join(tmpdir(), 'rapport-esconv-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

function lineError(content: string): TranscriptError {
  try {
    readEsconv(content);
  } catch (error) {
    if (error instanceof TranscriptError) return error;
    throw error;
  }
  throw new Error('read without an error');
}

describe('reading the ESConv layout', () => {
  it('keeps each supporter turn once, however many windows repeat it', () => {
    const read = readEsconv(sample());
    expect(read).toMatchObject({ lines: 11, dialogues: 2 });
    expect(read.turns).toHaveLength(11);
    // line 5's window starts at turn 1, after its seeker turn: still the same turn, not a new one
    expect(read.turns.filter((turn) => turn.dialogue === 1 && turn.turn === 1)).toHaveLength(1);
    expect(read.supporterTurns).toBeGreaterThan(read.turns.length);
  });

  it('takes the strategy off the text and gives the seeker turn(s) just before as the client', () => {
    const byTurn = new Map(readEsconv(sample()).turns.filter((turn) => turn.dialogue === 1).map((turn) => [turn.turn, turn]));
    expect(byTurn.get(6)).toMatchObject({ strategy: 'Reflection of feelings', text: 'You sound exhausted and ashamed, even though none of this is your fault.', client: 'Yes, and I feel like a failure.' });
    // straight after another supporter turn: no client statement
    expect(byTurn.get(7)).toMatchObject({ strategy: 'Self-disclosure', client: null });
    expect(byTurn.get(1)!.line).toBe(1);
  });

  it('is recognised by its first line, not by the extension', () => {
    expect(looksLikeEsconv(sample())).toBe(true);
    expect(looksLikeEsconv(readFileSync('fixtures/eval/coded.csv', 'utf8'))).toBe(false);
    expect(looksLikeEsconv('Therapist: 1 0 2 things\n')).toBe(false);
  });

  it('throws only TranscriptError, with a line, on arbitrary input', () => {
    const pieces = ['1.0 ', '0.0 ', '0 ', '1 ', '2 ', '7 ', ' EOS ', '[Questions] ', '[Other]', '[', ']', 'words', '\n', '\r\n', ' '];
    const content = fc.oneof(fc.string({ maxLength: 200 }), fc.array(fc.constantFrom(...pieces), { maxLength: 40 }).map((parts) => parts.join('')));
    fc.assert(
      fc.property(content, (text) => {
        try {
          for (const turn of readEsconv(text).turns) expect(turn.line).toBeGreaterThanOrEqual(1);
        } catch (error) {
          expect(error).toBeInstanceOf(TranscriptError);
          expect((error as TranscriptError).line).toBeGreaterThanOrEqual(1);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('names the line of a malformed turn', () => {
    const good = '1.0 0 0 I feel low. EOS 1.0 1 1 [Questions] What happened?';
    expect(lineError(`${good}\n${good} EOS half a turn`)).toMatchObject({ line: 2, message: expect.stringMatching(/not an ESConv turn/) });
    expect(lineError(`\n${good} EOS 1.0 1 2 No tag here.`)).toMatchObject({ line: 2, message: expect.stringMatching(/no \[Strategy\]/) });
    expect(lineError(`${good} EOS 1.0 1 2 [Empathy] I see.`)).toMatchObject({ line: 1, message: expect.stringMatching(/unknown strategy "\[Empathy\]"/) });
    expect(lineError(`${good} EOS 1.0 2 2 Who is this?`)).toMatchObject({ line: 1, message: expect.stringMatching(/speaker "2"/) });
  });
});

describe('scoring strategies against rapport codes', () => {
  const turn = (strategy: SupporterTurn['strategy'], turnNumber: number): SupporterTurn => ({ dialogue: 1, turn: turnNumber, line: turnNumber, strategy, text: 'words', client: null });
  const assessed = (utterance: SupporterTurn, codes: BehaviourCode[]) => ({ utterance, predicted: predictedFacets(codes), codes, rules: [], score: 50 });
  const pack = { rules: [] } as unknown as CompiledPack;

  it('counts a code on a turn labelled another strategy as a false positive', () => {
    const turns = [turn('Reflection of feelings', 1), turn('Questions', 2), turn('Other', 3)];
    const read = { turns, lines: 3, dialogues: 1, supporterTurns: 3 };
    // a reflection that also asks, a plain question, and a greeting rapport codes as nothing
    const report = evaluateEsconv(pack, read, [assessed(turns[0]!, ['reflection.complex', 'question.closed']), assessed(turns[1]!, ['question.open']), assessed(turns[2]!, [])], { file: 'x', layout: 'esconv' });
    const byId = Object.fromEntries(report.measures.map((m) => [m.id, m]));
    expect(byId.questions!.confusion).toEqual({ tp: 1, fp: 1, fn: 0, tn: 1 });
    expect(byId.questions!.precision).toBe(0.5);
    expect(byId['reflection-of-feelings']!.confusion).toEqual({ tp: 1, fp: 0, fn: 0, tn: 2 });
    expect(byId.other!.measured).toBe(false);
  });

  it('gives the baseline a phrase list for affirmation beside its AnnoMI facets', () => {
    expect(baselineBehaviours('Well done for telling her. Try to rest tonight.')).toEqual(['advice', 'affirmation']);
    expect(baselineBehaviours('How are you feeling about it?')).toEqual(['question.open']);
  });
});

describe('rapport eval on ESConv', () => {
  it('reports one measure per strategy, the mapping used and the baseline as JSON', () => {
    const result = rapport(['eval', FIXTURE, '--format', 'json']);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    const report = JSON.parse(result.stdout);
    expect(report).toMatchObject({ schemaVersion: 1, file: FIXTURE, layout: expect.stringMatching(/ESConv/) });
    expect(report.measures.map((m: { id: string }) => m.id)).toEqual([
      'questions',
      'restatement-or-paraphrasing',
      'reflection-of-feelings',
      'self-disclosure',
      'affirmation-and-reassurance',
      'providing-suggestions',
      'information',
      'other',
    ]);
    const strategies = Object.fromEntries(report.esconv.strategies.map((s: { strategy: string }) => [s.strategy, s]));
    expect(strategies['Affirmation and Reassurance']).toMatchObject({ turns: 2, codes: ['affirmation', 'validation', 'reassurance'], unused: [] });
    expect(strategies['Providing Suggestions'].codes).toEqual(['advice', 'directive']);
    expect(strategies.Other.codes).toEqual([]);
    for (const m of report.measures.filter((measure: { measured: boolean }) => measure.measured)) {
      expect(Object.keys(m)).toEqual(expect.arrayContaining(['id', 'n', 'precision', 'recall', 'f1', 'kappa', 'accuracy']));
      // every distinct turn counted once per strategy, the labelled ones as tp or fn
      expect(m.confusion.tp + m.confusion.fp + m.confusion.fn + m.confusion.tn).toBe(11);
      expect(m.confusion.tp + m.confusion.fn).toBe(strategies[m.title].turns);
    }
    expect(report.measures.find((m: { id: string }) => m.id === 'questions').confusion.tp).toBe(2);
    expect(report.baseline.measures).toHaveLength(8);
    expect(report.counts).toMatchObject({ transcripts: 2, utterances: 11, rows: 11 });
    expect(report.esconv.scoring).toMatch(/false positive/);
  });

  it('prints the mapping and a README table with the baseline beside rapport', () => {
    const result = rapport(['eval', FIXTURE, '--examples', '1']);
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/Affirmation and Reassurance\s+2\s+affirmation, validation, reassurance\n/);
    expect(result.stdout).toMatch(/\| strategy \| turns \| rapport codes \| rapport \| simple baseline \|/);
    expect(result.stdout).toMatch(/\| Self-disclosure \| 1 \| none \| – \| – \|/);
    expect(result.stdout).toMatch(/dialogue \d+:turn \d+ \(line \d+\)/);
  });

  it('reads standard input with --layout esconv', () => {
    const result = rapport(['eval', '-', '--layout', 'esconv', '--format', 'json'], { input: sample() });
    expect(result.status).toBe(0);
    expect(JSON.parse(result.stdout).counts.utterances).toBe(11);
  });

  it('names the file and line of a malformed line and exits 2', () => {
    const file = join(tmp, 'broken.tsv');
    writeFileSync(file, `${sample().split('\n')[0]}\n1.0 0 0 I feel low. EOS [Questions] What happened?\n`);
    const result = rapport(['eval', file]);
    expect(result.status).toBe(2);
    expect(result.stderr).toBe(`rapport: ${file}:2: not an ESConv turn (WEIGHT SPEAKER TURN TEXT): "[Questions] What happened?"\n`);
  });

  it('refuses a CSV forced into the ESConv layout, and CSV options on ESConv', () => {
    const forced = rapport(['eval', 'fixtures/eval/coded.csv', '--layout', 'esconv']);
    expect(forced.status).toBe(2);
    expect(forced.stderr).toMatch(/^rapport: fixtures\/eval\/coded\.csv:1: not an ESConv turn/);
    const mapped = rapport(['eval', FIXTURE, '--map', 'x=advice']);
    expect(mapped.status).toBe(2);
    expect(mapped.stderr).toMatch(/--map applies to coded CSV files/);
  });
});
