// Which turns are the counsellor's, and the counsellor-turn jobs `rapport batch` critiques.
import { MAX_REPLY_LENGTH } from '../../core/limits.js';
import type { TranscriptTurn } from './types.js';

/** Default counsellor labels (docs/contract.md, "Transcript inputs"). */
export const DEFAULT_COUNSELLOR_LABELS: readonly string[] = [
  'counsellor',
  'counselor',
  'therapist',
  'practitioner',
  'helper',
  'worker',
  'interviewer',
  'supporter',
  't',
];

function normaliseSpeaker(speaker: string): string {
  return speaker.replace(/^[\s*]+|[\s*]+$/g, '').toLowerCase();
}

/**
 * Whether `speaker` is the counsellor: one of the default labels or of `names` (`--counsellor
 * NAME`, which add to the labels), or with `only` (`--only-counsellor`) one of `names` alone.
 * Case-insensitive, ignoring surrounding `*` and whitespace.
 */
export function isCounsellor(speaker: string, names: readonly string[] | undefined, only = false): boolean {
  const label = normaliseSpeaker(speaker);
  if (label === '') return false;
  if (names?.some((name) => normaliseSpeaker(name) === label)) return true;
  return !only && DEFAULT_COUNSELLOR_LABELS.includes(label);
}

export interface CounsellorTurn {
  turn: TranscriptTurn;
  /** 0-based position of the turn among all turns of its transcript. */
  index: number;
  /** The client turn(s) just before it, joined with a space, or null. */
  client: string | null;
}

/** The pairing state machine shared by the sync and async generators. */
class Pairer {
  private transcript: string | null = null;
  private client: string[] = [];
  private clientLength = 0;
  private readonly positions = new Map<string, number>();

  constructor(private readonly counsellor: (speaker: string) => boolean) {}

  next(turn: TranscriptTurn): CounsellorTurn | null {
    if (turn.transcript !== this.transcript) {
      this.transcript = turn.transcript;
      this.client = [];
      this.clientLength = 0;
    }
    // Per-transcript counter, so interleaved transcripts (streamed CSV) still get the right index.
    const index = this.positions.get(turn.transcript) ?? 0;
    this.positions.set(turn.transcript, index + 1);
    if (this.counsellor(turn.speaker)) {
      const client = this.client.length > 0 ? this.client.join(' ') : null;
      this.client = [];
      this.clientLength = 0;
      return { turn, index, client };
    }
    const text = turn.text.trim();
    if (text !== '') {
      this.client.push(text);
      this.clientLength += text.length + 1;
      // What the client said last is what the reply answers: older turns go once the client text passes what one
      // statement may hold, so a long run of client turns (a file with no counsellor turn) cannot fill memory.
      while (this.client.length > 1 && this.clientLength - 1 > MAX_REPLY_LENGTH) this.clientLength -= this.client.shift()!.length + 1;
    }
    return null;
  }
}

/**
 * Yields each counsellor turn with its index in its transcript and the client text just before
 * it (consecutive non-counsellor turns joined with a space; reset after each counsellor turn and
 * when the transcript changes).
 */
export function* counsellorTurns(
  turns: Iterable<TranscriptTurn>,
  isCounsellorSpeaker: (speaker: string) => boolean,
): Generator<CounsellorTurn> {
  const pairer = new Pairer(isCounsellorSpeaker);
  for (const turn of turns) {
    const job = pairer.next(turn);
    if (job) yield job;
  }
}

/** `counsellorTurns` over an async source, e.g. `streamTranscript`. */
export async function* counsellorTurnsAsync(
  turns: AsyncIterable<TranscriptTurn> | Iterable<TranscriptTurn>,
  isCounsellorSpeaker: (speaker: string) => boolean,
): AsyncGenerator<CounsellorTurn> {
  const pairer = new Pairer(isCounsellorSpeaker);
  for await (const turn of turns) {
    const job = pairer.next(turn);
    if (job) yield job;
  }
}
