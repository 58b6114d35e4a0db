// ESConv's strategy layout (contract.md, "Coded inputs for `rapport eval`"):
// one line per dialogue prefix, turns joined by " EOS ", each turn
// `WEIGHT SPEAKER TURN TEXT`, speaker 0 the help-seeker and 1 the supporter,
// whose text opens with its strategy in brackets. Later lines repeat earlier
// turns, so supporter turns are kept once each.
//
// "Once each" is by dialogue and turn number, not by text and the seeker turn
// before it: a window that starts after a turn's seeker turn would make that
// turn look new (on ESConv's dev split, 4,672 "distinct" turns by text and
// seeker against 3,084 by position, whose texts never disagree).
import { replyTooLong } from '../core/limits.js';
import { TranscriptError } from './transcripts/types.js';
import { stripBom } from './transcripts/util.js';

/** The eight strategies ESConv's supporters label their turns with, in the dataset's order. */
export const ESCONV_STRATEGIES = [
  'Questions',
  'Restatement or Paraphrasing',
  'Reflection of feelings',
  'Self-disclosure',
  'Affirmation and Reassurance',
  'Providing Suggestions',
  'Information',
  'Other',
] as const;
export type Strategy = (typeof ESCONV_STRATEGIES)[number];

export interface SupporterTurn {
  /** 1-based dialogue number, counted as the turn numbers start over. */
  dialogue: number;
  /** The turn's number within its dialogue, as written. */
  turn: number;
  /** 1-based line where the turn was first read. */
  line: number;
  strategy: Strategy;
  /** The words, without the strategy tag. */
  text: string;
  /** The seeker turn(s) just before it, joined with a space, or null. */
  client: string | null;
}

export interface EsconvRead {
  turns: SupporterTurn[];
  /** Non-blank lines read. */
  lines: number;
  dialogues: number;
  /** Supporter turns read, repeats included. */
  supporterTurns: number;
}

const TURN = /^(\d+(?:\.\d+)?) (\S+) (\d+)(?: ([\s\S]*))?$/;
const TAG = /^\[([^\]]*)\]\s*/;
const FIRST_TURN = /^\uFEFF?\s*\d+(?:\.\d+)? [01] \d+(?: |$)/;

/** Whether content is in ESConv's layout: its first non-blank line opens with `WEIGHT SPEAKER TURN`. */
export function looksLikeEsconv(content: string): boolean {
  const first = content.slice(0, 4096).split(/\r\n|\r|\n/).find((line) => line.trim() !== '');
  return first !== undefined && FIRST_TURN.test(first);
}

function strategyOf(tag: string): Strategy | null {
  const folded = tag.trim().toLowerCase();
  return ESCONV_STRATEGIES.find((strategy) => strategy.toLowerCase() === folded) ?? null;
}

interface Seen {
  speaker: '0' | '1';
  text: string;
  line: number;
  strategy: Strategy | null;
}

/**
 * Every distinct supporter turn, dialogue by dialogue in turn order, with the
 * seeker turns just before it in its dialogue. Bad input throws TranscriptError.
 */
export function readEsconv(content: string): EsconvRead {
  const dialogues: Map<number, Seen>[] = [];
  let lines = 0;
  let previousEnd = Infinity;
  let supporterTurns = 0;
  stripBom(content)
    .split(/\r\n|\r|\n/)
    .forEach((raw, index) => {
      const line = index + 1;
      if (raw.trim() === '') return;
      lines += 1;
      const parts = raw.trim().split(' EOS ').map((part) => {
        const match = TURN.exec(part.trim());
        if (!match) throw new TranscriptError(`not an ESConv turn (WEIGHT SPEAKER TURN TEXT): "${part.trim().slice(0, 60)}"`, line);
        const [, , speaker, number, words = ''] = match;
        if (speaker !== '0' && speaker !== '1') throw new TranscriptError(`speaker "${speaker}" is neither 0 (help-seeker) nor 1 (supporter)`, line);
        return { speaker, turn: Number(number), text: words.trim() } as const;
      });
      // Each line of a dialogue ends a turn further into it; a line that does not is the next dialogue.
      const end = parts[parts.length - 1]!.turn;
      if (end <= previousEnd) dialogues.push(new Map());
      previousEnd = end;
      const dialogue = dialogues[dialogues.length - 1]!;
      for (const { speaker, turn, text } of parts) {
        if (speaker === '0') {
          if (!dialogue.has(turn)) dialogue.set(turn, { speaker, text, line, strategy: null });
          continue;
        }
        const tag = TAG.exec(text);
        if (!tag) throw new TranscriptError(`supporter turn ${turn} has no [Strategy] at its start: "${text.slice(0, 60)}"`, line);
        const strategy = strategyOf(tag[1]!);
        if (strategy === null) throw new TranscriptError(`unknown strategy "[${tag[1]}]"; ESConv's are ${ESCONV_STRATEGIES.join(', ')}`, line);
        const said = text.slice(tag[0].length);
        const tooLong = replyTooLong(said, 'turn');
        if (tooLong) throw new TranscriptError(tooLong, line);
        supporterTurns += 1;
        if (!dialogue.has(turn)) dialogue.set(turn, { speaker, text: said, line, strategy });
      }
    });
  const turns: SupporterTurn[] = [];
  dialogues.forEach((dialogue, index) => {
    let run: string[] = [];
    let previous = -1;
    for (const [turn, seen] of [...dialogue].sort(([a], [b]) => a - b)) {
      // A gap means turns no line kept: what came just before is unknown.
      if (turn !== previous + 1) run = [];
      previous = turn;
      if (seen.strategy === null) {
        if (seen.text !== '') run.push(seen.text);
        continue;
      }
      turns.push({ dialogue: index + 1, turn, line: seen.line, strategy: seen.strategy, text: seen.text, client: run.length ? run.join(' ') : null });
      run = [];
    }
  });
  return { turns, lines, dialogues: dialogues.length, supporterTurns };
}
