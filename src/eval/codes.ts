// Human codes: how a coded row's columns become gold labels, and how several
// annotators of one utterance are combined. Pure.
import type { BehaviourCode } from '../core/types.js';

/** What a human coder can say about one counsellor utterance. A subtype implies its parent. */
export const GOLD_LABELS = [
  'question',
  'question.open',
  'question.closed',
  'reflection',
  'reflection.simple',
  'reflection.complex',
  'advice',
  'information',
  'input',
] as const;
export type GoldLabel = (typeof GOLD_LABELS)[number];

const PARENT: Partial<Record<GoldLabel, GoldLabel>> = {
  'question.open': 'question',
  'question.closed': 'question',
  'reflection.simple': 'reflection',
  'reflection.complex': 'reflection',
  advice: 'input',
  information: 'input',
};

/** The column names that hold the codes, after case folding ("Question Exists" = question_exists). */
export interface CodeColumns {
  /** One code per row (AnnoMI's simple layout, or MITI-style "SR", "OQ" ...). */
  code: string;
  quality: string;
  annotator: string;
}

export const DEFAULT_CODE_COLUMNS: CodeColumns = {
  code: 'main_therapist_behaviour',
  quality: 'mi_quality',
  annotator: 'annotator_id',
};

/** Other names a one-code-per-row column goes by. */
const CODE_ALIASES = ['code', 'behaviour', 'behavior', 'miti_code', 'behaviour_code', 'behavior_code'];

/** AnnoMI's per-annotator columns (dev-full.csv): read when all the *_exists columns are there. */
const ANNOMI_FULL = ['question_exists', 'reflection_exists', 'therapist_input_exists'] as const;

/** Values of a code column, folded (lower case, spaces and hyphens as "_"), and the labels they mean. */
export const DEFAULT_VALUE_MAP: Readonly<Record<string, readonly GoldLabel[]>> = {
  reflection: ['reflection'],
  question: ['question'],
  therapist_input: ['input'],
  other: [],
  none: [],
  'n/a': [],
  na: [],
  // MITI-style codes and rapport's own behaviour codes.
  sr: ['reflection.simple'],
  simple_reflection: ['reflection.simple'],
  'reflection.simple': ['reflection.simple'],
  cr: ['reflection.complex'],
  complex_reflection: ['reflection.complex'],
  'reflection.complex': ['reflection.complex'],
  oq: ['question.open'],
  open_question: ['question.open'],
  'question.open': ['question.open'],
  cq: ['question.closed'],
  closed_question: ['question.closed'],
  'question.closed': ['question.closed'],
  q: ['question'],
  gi: ['information'],
  giving_information: ['information'],
  information: ['information'],
  adv: ['advice'],
  adw: ['advice'],
  advice: ['advice'],
  persuade: ['advice'],
  directive: ['advice'],
  direct: ['advice'],
};

export const foldName = (name: string): string => name.replace(/^\uFEFF/, '').trim().toLowerCase().replace(/[\s-]+/g, '_');

export class CodingError extends Error {}

/** `VALUE=LABEL` options: LABEL is a gold label or `none`. */
export function parseValueMap(entries: readonly string[]): Record<string, GoldLabel[]> {
  const map: Record<string, GoldLabel[]> = {};
  for (const entry of entries) {
    const at = entry.lastIndexOf('=');
    if (at <= 0) throw new CodingError(`--map takes VALUE=CODE, not "${entry}"`);
    const value = foldName(entry.slice(0, at));
    const labels = entry
      .slice(at + 1)
      .split(/[+;|]/)
      .map((label) => label.trim())
      .filter((label) => label !== '');
    const known = labels.filter((label) => label !== 'none');
    const bad = known.find((label) => !(GOLD_LABELS as readonly string[]).includes(label));
    if (bad !== undefined || labels.length === 0) {
      throw new CodingError(`--map "${entry}": the code must be one of ${GOLD_LABELS.join(', ')}, none`);
    }
    map[value] = known as GoldLabel[];
  }
  return map;
}

/**
 * `+` joins codes ("SR+OQ"), but it is also part of some codes' names (MITI's "Q+"): reading left
 * to right, a known code with a `+` in its name is taken whole, else a part runs to the next `+`.
 */
function splitJoined(piece: string, withPlus: readonly string[]): string[] {
  const parts: string[] = [];
  let rest = piece;
  while (rest !== '') {
    const folded = foldName(rest);
    const whole = withPlus.filter((code) => folded.startsWith(code) && (folded.length === code.length || folded[code.length] === '+')).sort((a, b) => b.length - a.length)[0];
    // foldName trims the start; the code's own length from the first non-space character is what it spans.
    const skip = rest.length - rest.trimStart().length;
    const end = whole !== undefined ? skip + whole.length : rest.indexOf('+') === -1 ? rest.length : rest.indexOf('+');
    parts.push(rest.slice(0, end));
    rest = rest.slice(end + 1);
  }
  return parts;
}

export type Layout = 'annomi-full' | 'code-column';

export interface Coder {
  layout: Layout;
  /** The column names used, as written in the file. */
  columns: { code: string | null; quality: string | null; annotator: string | null };
  /** One annotator's labels from a row's other columns; unknown code values are reported, not guessed. */
  labels(fields: Record<string, string>): Set<GoldLabel>;
  quality(fields: Record<string, string>): string | null;
  annotator(fields: Record<string, string>): string | null;
}

const truthy = (value: string | undefined): boolean => /^(true|yes|y|1)$/i.test((value ?? '').trim());

/**
 * How to read the codes from a file with these (non-text) columns. AnnoMI's
 * per-annotator layout is used when its `*_exists` columns are all there and
 * no code column was asked for; else the code column (default
 * `main_therapist_behaviour`) with the value map.
 */
export function makeCoder(fieldNames: readonly string[], wanted: Partial<CodeColumns> = {}, valueMap: Record<string, GoldLabel[]> = {}): Coder {
  const byFolded = new Map(fieldNames.map((name) => [foldName(name), name]));
  const find = (role: keyof CodeColumns): string | null => {
    const asked = wanted[role];
    if (asked !== undefined) {
      const name = byFolded.get(foldName(asked));
      if (name === undefined) throw new CodingError(`no column named "${asked}" (given for the ${role}); columns found: ${fieldNames.join(', ')}`);
      return name;
    }
    const aliases = role === 'code' ? [DEFAULT_CODE_COLUMNS.code, ...CODE_ALIASES] : [DEFAULT_CODE_COLUMNS[role]];
    for (const alias of aliases) {
      const name = byFolded.get(alias);
      if (name !== undefined) return name;
    }
    return null;
  };
  const quality = find('quality');
  const annotator = find('annotator');
  const get = (fields: Record<string, string>, folded: string): string | undefined => {
    const name = byFolded.get(folded);
    return name === undefined ? undefined : fields[name];
  };
  const common = {
    quality: (fields: Record<string, string>) => (quality === null ? null : (fields[quality] ?? '').trim().toLowerCase() || null),
    annotator: (fields: Record<string, string>) => (annotator === null ? null : (fields[annotator] ?? '').trim() || null),
  };

  if (wanted.code === undefined && ANNOMI_FULL.every((name) => byFolded.has(name))) {
    return {
      layout: 'annomi-full',
      columns: { code: null, quality, annotator },
      ...common,
      labels(fields) {
        const labels = new Set<GoldLabel>();
        if (truthy(get(fields, 'question_exists'))) {
          labels.add('question');
          const subtype = (get(fields, 'question_subtype') ?? '').trim().toLowerCase();
          if (subtype === 'open') labels.add('question.open');
          if (subtype === 'closed') labels.add('question.closed');
        }
        if (truthy(get(fields, 'reflection_exists'))) {
          labels.add('reflection');
          const subtype = (get(fields, 'reflection_subtype') ?? '').trim().toLowerCase();
          if (subtype === 'simple') labels.add('reflection.simple');
          if (subtype === 'complex') labels.add('reflection.complex');
        }
        if (truthy(get(fields, 'therapist_input_exists'))) {
          labels.add('input');
          const subtype = (get(fields, 'therapist_input_subtype') ?? '').trim().toLowerCase();
          if (subtype === 'advice') labels.add('advice');
          if (subtype === 'information') labels.add('information');
        }
        return labels;
      },
    };
  }

  const code = find('code');
  if (code === null) {
    throw new CodingError(
      `no behaviour code columns: expected AnnoMI's ${ANNOMI_FULL.join(', ')} or a "${DEFAULT_CODE_COLUMNS.code}" column (or name one with --column code=NAME); columns found: ${fieldNames.join(', ')}`,
    );
  }
  const map: Record<string, readonly GoldLabel[]> = { ...DEFAULT_VALUE_MAP, ...valueMap };
  const withPlus = Object.keys(map).filter((value) => value.includes('+'));
  return {
    layout: 'code-column',
    columns: { code, quality, annotator },
    ...common,
    labels(fields) {
      const labels = new Set<GoldLabel>();
      const raw = (fields[code] ?? '').trim();
      if (raw === '') return labels;
      for (const part of raw.split(/[;|]/).flatMap((piece) => splitJoined(piece, withPlus))) {
        const value = foldName(part);
        if (value === '') continue;
        const mapped = map[value];
        if (mapped === undefined) throw new CodingError(`unknown code "${part.trim()}" in column "${code}"; map it with --map "${part.trim()}=CODE"`);
        for (const label of mapped) {
          labels.add(label);
          const parent = PARENT[label];
          if (parent) labels.add(parent);
        }
      }
      return labels;
    },
  };
}

/** Several annotators' labels for one utterance, combined. */
export interface Combined {
  annotators: number;
  /** How many annotators gave each label. */
  votes: Partial<Record<GoldLabel, number>>;
  question: 'open' | 'closed' | 'unspecified' | null;
  reflection: 'simple' | 'complex' | 'unspecified' | null;
  advice: boolean;
  information: boolean;
}

export const COMBINATION_RULE =
  'several annotators of one utterance are combined by majority: a code is present when at least half of them gave it (ties count as present); ' +
  'the subtype is the majority among those who gave the code, ties going to the simpler code (closed question, simple reflection, as MITI says to code simple when unsure)';

/** Majority with ties present; subtype by majority of those who coded the parent, ties to the simpler code. */
export function combineAnnotators(codings: readonly ReadonlySet<GoldLabel>[]): Combined {
  const n = codings.length;
  const votes: Partial<Record<GoldLabel, number>> = {};
  for (const coding of codings) for (const label of coding) votes[label] = (votes[label] ?? 0) + 1;
  const count = (label: GoldLabel): number => votes[label] ?? 0;
  const present = (label: GoldLabel): boolean => n > 0 && count(label) * 2 >= n;
  const subtype = <T extends string>(parent: GoldLabel, marked: GoldLabel, plain: GoldLabel, markedName: T, plainName: T): T | 'unspecified' | null => {
    if (!present(parent)) return null;
    const a = count(marked);
    const b = count(plain);
    if (a === 0 && b === 0) return 'unspecified';
    return a > b ? markedName : plainName;
  };
  return {
    annotators: n,
    votes,
    question: subtype('question', 'question.open', 'question.closed', 'open', 'closed'),
    reflection: subtype('reflection', 'reflection.complex', 'reflection.simple', 'complex', 'simple'),
    advice: present('advice'),
    information: present('information'),
  };
}

/** What rapport coded, folded into the same facets. */
export interface Predicted {
  question: 'open' | 'closed' | null;
  reflection: 'simple' | 'complex' | null;
  advice: boolean;
  information: boolean;
}

/** A turn's behaviour codes as facets: one question per turn (open if any sentence asks openly), complex over simple. */
export function predictedFacets(codes: Iterable<BehaviourCode>): Predicted {
  const set = new Set(codes);
  return {
    question: set.has('question.open') ? 'open' : set.has('question.closed') ? 'closed' : null,
    reflection: set.has('reflection.complex') ? 'complex' : set.has('reflection.simple') ? 'simple' : null,
    advice: set.has('advice') || set.has('directive'),
    information: set.has('information'),
  };
}
