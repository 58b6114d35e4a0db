// Column (CSV) / property (JSON) lookup shared by the csv and json readers.
import { TranscriptError, type ColumnOptions } from './types.js';

export type ColumnRole = 'speaker' | 'text' | 'transcript' | 'id';

/** Default names per role, in order of preference (docs/contract.md, "Transcript inputs"). */
export const COLUMN_ALIASES: Readonly<Record<ColumnRole, readonly string[]>> = {
  speaker: ['speaker', 'interlocutor', 'role'],
  text: ['text', 'utterance', 'utterance_text', 'content'],
  transcript: ['transcript', 'transcript_id', 'session', 'conversation_id'],
  id: ['id', 'utterance_id', 'turn'],
};

const ROLES: readonly ColumnRole[] = ['speaker', 'text', 'transcript', 'id'];

/** Case-insensitive, and "Utterance Text" / "utterance-text" match `utterance_text`. */
export function normaliseColumnName(name: string): string {
  return name.replace(/^\uFEFF/, '').trim().toLowerCase().replace(/[\s-]+/g, '_');
}

export interface ColumnMap {
  speaker: number;
  text: number;
  transcript: number | null;
  id: number | null;
}

function listNames(names: readonly string[]): string {
  const shown = names.map((n) => n.trim()).filter((n) => n !== '');
  if (shown.length === 0) return '(none)';
  const text = shown.join(', ');
  return text.length > 200 ? `${text.slice(0, 197)}...` : text;
}

/**
 * Find each role's index in `names`. A name given in `columns` must exist; a missing speaker or
 * text column is an error naming what was found. `what` is "column" or "property".
 */
export function resolveColumns(
  names: readonly string[],
  columns: ColumnOptions | undefined,
  what: 'column' | 'property',
  line: number | null,
): ColumnMap {
  const normalised = names.map(normaliseColumnName);
  const found: Partial<Record<ColumnRole, number | null>> = {};
  for (const role of ROLES) {
    const override = columns?.[role];
    if (override !== undefined && override.trim() !== '') {
      const index = normalised.indexOf(normaliseColumnName(override));
      if (index < 0) {
        throw new TranscriptError(
          `no ${what} named "${override}" (given for the ${role}); ${what === 'column' ? 'columns' : 'properties'} found: ${listNames(names)}`,
          line,
        );
      }
      found[role] = index;
      continue;
    }
    let index: number | null = null;
    for (const alias of COLUMN_ALIASES[role]) {
      const at = normalised.indexOf(alias);
      if (at >= 0) {
        index = at;
        break;
      }
    }
    found[role] = index;
  }
  for (const role of ['speaker', 'text'] as const) {
    if (found[role] === null || found[role] === undefined) {
      throw new TranscriptError(
        `no ${role} ${what} (looked for ${COLUMN_ALIASES[role].join(', ')}); ${what === 'column' ? 'columns' : 'properties'} found: ${listNames(names)}`,
        line,
      );
    }
  }
  return {
    speaker: found.speaker as number,
    text: found.text as number,
    transcript: found.transcript ?? null,
    id: found.id ?? null,
  };
}
