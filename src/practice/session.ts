// A practice session: the attempts made so far, the trend of their scores,
// and the record saved for supervisor review.
//
// The record is a JSON array of transcript turns (docs/contract.md, "Transcript
// inputs"), so `rapport batch session.json` re-scores it: every attempt is a
// counsellor turn, preceded by the scenario's client statement as the client
// turn. The transcript id is the scenario id, so batch summarises each
// scenario's attempts together. Extra properties (scenario, attempt, score,
// band, at, ...) are kept by the JSON reader as `fields`.
import type { Band } from '../core/types.js';
import { writeAtomic } from '../io/output.js';
import type { Scenario } from './scenarios.js';

export interface Attempt {
  scenario: Scenario;
  /** 1-based attempt number on this scenario within the session. */
  attempt: number;
  text: string;
  score: number;
  band: Band;
  /** ISO time the attempt was scored. */
  at: string;
}

export interface Session {
  startedAt: string;
  attempts: Attempt[];
}

export function newSession(now: Date = new Date()): Session {
  return { startedAt: now.toISOString(), attempts: [] };
}

export function addAttempt(session: Session, scenario: Scenario, text: string, score: number, band: Band, now: Date = new Date()): Attempt {
  const attempt: Attempt = {
    scenario,
    attempt: session.attempts.filter((a) => a.scenario.id === scenario.id).length + 1,
    text,
    score,
    band,
    at: now.toISOString(),
  };
  session.attempts.push(attempt);
  return attempt;
}

/** The score of the attempt before the latest on the same scenario, or null. */
export function previousScore(session: Session, scenario: Scenario): number | null {
  const mine = session.attempts.filter((a) => a.scenario.id === scenario.id);
  return mine.length >= 2 ? mine[mine.length - 2]!.score : null;
}

const BLOCKS = '▁▂▃▄▅▆▇█';

/** One block per score (0–100), lowest ▁ to highest █; the last `max` scores. */
export function sparkline(scores: number[], max = 24): string {
  return scores
    .slice(-max)
    .map((score) => BLOCKS[Math.min(BLOCKS.length - 1, Math.max(0, Math.floor((score / 100) * BLOCKS.length)))]!)
    .join('');
}

export interface RecordTurn {
  transcript: string;
  id: number;
  speaker: 'client' | 'counsellor';
  text: string;
  scenario: string;
  title?: string;
  setting?: string;
  difficulty?: string;
  attempt?: number;
  score?: number;
  band?: Band;
  at?: string;
}

/** The session as transcript turns: client statement, then the attempt, for every attempt. */
export function sessionRecord(session: Session): RecordTurn[] {
  const turns: RecordTurn[] = [];
  for (const a of session.attempts) {
    const s = a.scenario;
    turns.push({
      transcript: s.id,
      id: turns.length + 1,
      speaker: 'client',
      text: s.client,
      scenario: s.id,
      title: s.title,
      setting: s.setting,
      difficulty: s.difficulty,
    });
    turns.push({
      transcript: s.id,
      id: turns.length + 1,
      speaker: 'counsellor',
      text: a.text,
      scenario: s.id,
      attempt: a.attempt,
      score: a.score,
      band: a.band,
      at: a.at,
    });
  }
  return turns;
}

export function formatRecord(session: Session): string {
  return `${JSON.stringify(sessionRecord(session), null, 2)}\n`;
}

/** Write the record atomically (a temporary file, then a rename). */
export function saveSession(path: string, session: Session): void {
  writeAtomic(path, formatRecord(session));
}

/** A default file name for the save prompt: practice-2025-03-01-1430.json. */
export function defaultSaveName(session: Session): string {
  const d = new Date(session.startedAt);
  const pad = (n: number): string => String(n).padStart(2, '0');
  return `practice-${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}-${pad(d.getHours())}${pad(d.getMinutes())}.json`;
}
