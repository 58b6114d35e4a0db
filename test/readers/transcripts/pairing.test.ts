import { describe, expect, it } from 'vitest';
import {
  counsellorTurns,
  counsellorTurnsAsync,
  isCounsellor,
  type TranscriptTurn,
} from '../../../src/readers/transcripts/index.js';

function turn(transcript: string, speaker: string, text: string): TranscriptTurn {
  return { transcript, speaker, text, id: null, line: 1 };
}

const byDefault = (s: string): boolean => isCounsellor(s, undefined);

describe('isCounsellor', () => {
  it('matches the default labels case-insensitively, ignoring * and whitespace', () => {
    for (const label of ['counsellor', 'Counselor', 'THERAPIST', 'practitioner', 'Helper', 'worker', 'Interviewer', 'T', 't', ' **Therapist** ']) {
      expect(isCounsellor(label, undefined)).toBe(true);
    }
    for (const label of ['client', 'C', 'Therapist 2', 'Dr Lee', '', '**']) {
      expect(isCounsellor(label, undefined)).toBe(false);
    }
  });

  it('adds the given names to the default labels (--counsellor), or uses them alone (--only-counsellor)', () => {
    expect(isCounsellor('Dr Lee', ['dr lee', 'Ana'])).toBe(true);
    expect(isCounsellor('ana', ['dr lee', 'Ana'])).toBe(true);
    expect(isCounsellor('Therapist', ['Ana'])).toBe(true);
    expect(isCounsellor('Supporter', [])).toBe(true);
    expect(isCounsellor('Client', ['Ana'])).toBe(false);
    expect(isCounsellor('Therapist', ['Ana'], true)).toBe(false);
    expect(isCounsellor('Ana', ['Ana'], true)).toBe(true);
  });
});

describe('counsellorTurns', () => {
  const turns = [
    turn('a', 'Client', 'I feel stuck.'),
    turn('a', 'Client', 'Nothing works.'),
    turn('a', 'Therapist', 'Stuck and tired of trying.'),
    turn('a', 'Therapist', 'What have you tried?'),
    turn('a', 'Client', 'Lists.'),
    turn('a', 'Therapist', 'Lists helped a bit?'),
    turn('b', 'Client', 'Other session.'),
    turn('b', 'Partner', 'Me too.'),
    turn('b', 'T', 'You both came.'),
    turn('c', 'T', 'Welcome.'),
  ];

  it('gives each counsellor turn its index among all turns and the client turns just before it', () => {
    const jobs = [...counsellorTurns(turns, byDefault)];
    expect(jobs.map((j) => [j.turn.transcript, j.index, j.client, j.turn.text])).toEqual([
      ['a', 2, 'I feel stuck. Nothing works.', 'Stuck and tired of trying.'],
      ['a', 3, null, 'What have you tried?'],
      ['a', 5, 'Lists.', 'Lists helped a bit?'],
      ['b', 2, 'Other session. Me too.', 'You both came.'],
      ['c', 0, null, 'Welcome.'],
    ]);
  });

  it('resets the client context when the transcript changes', () => {
    const jobs = [...counsellorTurns([turn('a', 'C', 'left over'), turn('b', 'T', 'Hello.')], byDefault)];
    expect(jobs).toEqual([{ turn: turn('b', 'T', 'Hello.'), index: 0, client: null }]);
  });

  it('keeps per-transcript indexes when transcripts interleave', () => {
    const mixed = [turn('a', 'C', 'x'), turn('b', 'C', 'y'), turn('a', 'T', 'p'), turn('b', 'T', 'q')];
    expect([...counsellorTurns(mixed, byDefault)].map((j) => [j.turn.transcript, j.index])).toEqual([
      ['a', 1],
      ['b', 1],
    ]);
  });

  it('uses the predicate it is given', () => {
    const jobs = [...counsellorTurns(turns, (s) => isCounsellor(s, ['Partner'], true))];
    expect(jobs).toHaveLength(1);
    expect(jobs[0]).toMatchObject({ index: 1, client: 'Other session.' });
  });

  it('has an async version that agrees with the sync one', async () => {
    async function* source(): AsyncGenerator<TranscriptTurn> {
      yield* turns;
    }
    const jobs = [];
    for await (const job of counsellorTurnsAsync(source(), byDefault)) jobs.push(job);
    expect(jobs).toEqual([...counsellorTurns(turns, byDefault)]);
  });
});

describe('a long run of client turns', () => {
  it('pairs the reply with what the client said last, kept within what one statement may hold', () => {
    const turns = [
      ...Array.from({ length: 5_000 }, (_, i) => turn('t', 'Client', `I keep going over it, day ${i}.`)),
      turn('t', 'Counsellor', 'That sounds exhausting.'),
    ];
    const [paired] = counsellorTurns(turns, byDefault);
    expect(paired!.client!.length).toBeLessThanOrEqual(20_000);
    expect(paired!.client!.endsWith('day 4999.')).toBe(true);
  });
});
