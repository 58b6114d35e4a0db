// MITI summary measures and their thresholds (see docs/miti.md). Pure.
//
// MITI 4.2.1 gives thresholds for reflection-to-question ratio and % complex reflections;
// it does not split open and closed questions and has no MI-adherence threshold, so those two
// are judged against the MITI 3.1.1 figures and say so. All thresholds are expert opinion.

export type Rating = 'good' | 'fair' | 'below fair';

export interface Threshold {
  fair: number;
  good: number;
  standard: string;
}

export const THRESHOLDS = {
  reflectionToQuestion: { fair: 1, good: 2, standard: 'MITI 4.2.1' },
  percentComplexReflections: { fair: 40, good: 50, standard: 'MITI 4.2.1' },
  percentOpenQuestions: { fair: 50, good: 70, standard: 'MITI 3.1.1' },
  percentAdherent: { fair: 90, good: 100, standard: 'MITI 3.1.1' },
} as const satisfies Record<string, Threshold>;

/** Below these a transcript is too small to judge against the thresholds. */
export const MIN_COUNSELLOR_TURNS = 10;
export const MIN_QUESTIONS_AND_REFLECTIONS = 5;

export function rate(value: number | null, threshold: Threshold): Rating | null {
  if (value === null || !Number.isFinite(value)) return null;
  if (value >= threshold.good) return 'good';
  if (value >= threshold.fair) return 'fair';
  return 'below fair';
}

/** Why a transcript cannot be judged, in plain words, or null when it can. */
export function tooFewReason(counsellorTurns: number, questionsAndReflections: number): string | null {
  if (counsellorTurns < MIN_COUNSELLOR_TURNS) {
    return `too few turns to judge: ${counsellorTurns} counsellor turn${counsellorTurns === 1 ? '' : 's'} (MITI verdicts need at least ${MIN_COUNSELLOR_TURNS})`;
  }
  if (questionsAndReflections < MIN_QUESTIONS_AND_REFLECTIONS) {
    return `too few turns to judge: ${questionsAndReflections} question${questionsAndReflections === 1 ? '' : 's'} and reflections together (MITI verdicts need at least ${MIN_QUESTIONS_AND_REFLECTIONS})`;
  }
  return null;
}

/** One decimal place. */
export const round1 = (value: number): number => Math.round(value * 10) / 10;

export const ratio = (numerator: number, denominator: number): number | null => (denominator === 0 ? null : round1(numerator / denominator));
export const percent = (part: number, whole: number): number | null => (whole === 0 ? null : round1((100 * part) / whole));
