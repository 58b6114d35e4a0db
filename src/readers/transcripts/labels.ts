// Speaker labels ("Name: words") and timestamps, shared by the text and WebVTT readers.
//
// A label is a short name (1-4 words, no sentence punctuation) before a colon that is followed by
// a space or the end of the line. Because "Note: ..." or "My plan: ..." inside a turn have the same
// shape, a candidate label is only accepted as a new speaker when it is plausible: a known role
// (client, therapist, ...), a label used at least twice in the file, or a Title-Case name; common
// words ("Note", "Plan", "So", "The ...") never start a turn once a turn is open.

const TIME = String.raw`\d{1,2}(?::\d{2}){1,2}(?:[.,]\d{1,3})?`;
const STAMP = String.raw`(?:\[\s*${TIME}(?:\s*(?:-|–|-->|to)\s*${TIME})?\s*\]|\(\s*${TIME}(?:\s*(?:-|–|-->|to)\s*${TIME})?\s*\))`;
const LEADING_STAMP = new RegExp(String.raw`^\s*${STAMP}\s*`);
const TRAILING_STAMP = new RegExp(String.raw`\s*${STAMP}\s*$`);

/** Removes `[00:01:02]` / `(00:01)` timestamps (and ranges) at the start of a line. */
export function stripLeadingTimestamps(line: string): string {
  let previous: string;
  let current = line;
  do {
    previous = current;
    current = current.replace(LEADING_STAMP, '');
  } while (current !== previous);
  return current;
}

const LABEL_SHAPE = /^[\p{L}\p{N}][\p{L}\p{M}\p{N}.'’_&#()/-]*(?:\s+[\p{L}\p{M}\p{N}.'’_&#()/-]+){0,3}$/u;
const MAX_LABEL = 40;

export interface LabelMatch {
  /** The label without markup, e.g. "Therapist" for "**Therapist:**". */
  name: string;
  /** The words after the colon, trimmed. */
  rest: string;
}

/** Splits "Name: words" (also "**Name:** words", "Name [00:01]: words"); null when not label-shaped. */
export function parseLabel(line: string): LabelMatch | null {
  const limit = Math.min(line.length, 100);
  for (let i = 0; i < limit; i++) {
    if (line[i] !== ':') continue;
    const after = line.slice(i + 1).replace(/^\*+/, '');
    // "10:30", "3:1", "http://", "[00:01" are not label colons.
    if (after !== '' && !/^\s/.test(after)) continue;
    let name = line.slice(0, i).trim().replace(/^\*+/, '').replace(/\*+$/, '').trim();
    name = name.replace(TRAILING_STAMP, '').replace(/\*+$/, '').trim();
    if (name.length === 0 || name.length > MAX_LABEL || !LABEL_SHAPE.test(name) || !/\p{L}/u.test(name)) {
      return null;
    }
    return { name, rest: after.trim() };
  }
  return null;
}

const KNOWN_ROLES = new Set([
  // counsellor side (also see isCounsellor)
  'counsellor', 'counselor', 'therapist', 'practitioner', 'helper', 'worker', 'interviewer', 't',
  'clinician', 'psychologist', 'psychiatrist', 'social worker', 'nurse', 'doctor', 'dr', 'coach',
  'mentor', 'advisor', 'adviser', 'facilitator', 'moderator', 'supervisor', 'trainee', 'host',
  'assistant', 'agent', 'bot', 'ai', 'interpreter', 'translator', 'observer',
  // client side
  'client', 'patient', 'student', 'participant', 'interviewee', 'respondent', 'caller', 'user',
  'customer', 'member', 'guest', 'parent', 'mother', 'father', 'mum', 'mom', 'dad', 'partner',
  'husband', 'wife', 'son', 'daughter', 'child', 'teen', 'youth', 'carer', 'caregiver', 'friend',
  'brother', 'sister', 'sibling', 'grandmother', 'grandfather', 'teacher', 'speaker', 'unknown',
  'other', 'group', 'c', 'p', 'i', 'r', 's', 'q', 'a',
]);
const NUMBERED_ROLE = /^(?:speaker|participant|client|person|voice|user|p|c|s|t|r)\s*[-_#]?\s*\d{1,3}$/;

/** Words that, alone before a colon, are notes or headings inside a turn rather than speakers. */
const STOP_SINGLE = new Set(
  (
    'note notes nb n.b ps p.s pps e.g eg i.e ie example examples update edit warning caution tip hint ' +
    'reminder remember important summary goal goals plan plans homework agenda topic task tasks step ' +
    'steps action actions outcome result results reason reasons answer question questions date time ' +
    'place location subject re fyi todo aside source quote definition context comment comments ' +
    'feedback response reply problem problems solution issue issues why how what who where when which ' +
    'yes no ok okay so well and but or also then like basically anyway honestly seriously literally ' +
    'actually first second third finally next last lastly pros cons benefits costs risks risk strengths ' +
    'mood score rating scale week day morning afternoon evening night today tomorrow yesterday tonight ' +
    'monday tuesday wednesday thursday friday saturday sunday http https www option options idea ideas ' +
    'thought thoughts feeling feelings meaning translation status progress conclusion observation ' +
    'observations assessment diagnosis medication total cost price address phone email rule rules ' +
    'sometimes usually because maybe anyway translation tl;dr'
  ).split(/\s+/),
);

/** First words that make a multi-word "label" a sentence fragment ("She said: ...", "The thing is: ..."). */
const STOP_FIRST = new Set(
  (
    "i i'm i've i'd me my mine we we're our us you you're your he he's his him she she's her they " +
    "they're their them it it's its this that that's these those there there's here the a an and but or " +
    "so if when what what's why how who because then like just well all one some let's maybe also only " +
    'as in on at for with to from of by about after before not never always every each any again still'
  ).split(/\s+/),
);

function key(name: string): string {
  return name.toLowerCase().replace(/\s+/g, ' ');
}

function isTitleCase(name: string): boolean {
  return name.split(/\s+/).every((word) => /^[\p{Lu}\p{Lt}\p{N}]/u.test(word));
}

/** Decides which label-shaped candidates start a turn, given how often each label occurs. */
export class LabelJudge {
  private readonly counts = new Map<string, number>();

  count(name: string): void {
    const k = key(name);
    this.counts.set(k, (this.counts.get(k) ?? 0) + 1);
  }

  /** `turnOpen`: whether a turn is open that an unaccepted line would continue. */
  accepts(name: string, turnOpen: boolean): boolean {
    if (!turnOpen) return true;
    const k = key(name);
    if (KNOWN_ROLES.has(k) || NUMBERED_ROLE.test(k)) return true;
    const words = k.split(' ');
    const bare = k.replace(/\.$/, '');
    if (words.length === 1 && STOP_SINGLE.has(bare)) return false;
    if (words.length > 1 && (STOP_FIRST.has(words[0]!) || STOP_SINGLE.has(words[0]!.replace(/\.$/, '')))) {
      return false;
    }
    if ((this.counts.get(k) ?? 0) >= 2) return true;
    return words.length <= 3 && isTitleCase(name);
  }
}
