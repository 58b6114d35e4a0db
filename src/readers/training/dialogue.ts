/**
 * Format-independent dialogue handling: speaker labels, turn assembly, client context and
 * suppression comments. Readers feed it lines (as {@link Mapped} text) in document order.
 */
import type { Example, ExtractOptions } from './types.js';
import { joinLines, makeMap, removeIndices, sliceMapped, trimMapped, type Mapped } from './mapped.js';

export const DEFAULT_OPTIONS: ExtractOptions = {
  counsellorLabels: ['counsellor', 'counselor', 'therapist', 'practitioner', 'helper', 'worker', 'interviewer', 'T'],
  clientLabels: ['client', 'patient', 'student', 'caller', 'person', 'C'],
  yamlKeys: ['counsellor', 'counselor', 'therapist', 'reply', 'response', 'model_reply', 'model_replies'],
};

export const DEFAULT_YAML_CLIENT_KEYS = ['client', 'client_statement', 'statement'];

export function resolveOptions(options?: Partial<ExtractOptions>): ExtractOptions {
  return {
    counsellorLabels: options?.counsellorLabels ?? DEFAULT_OPTIONS.counsellorLabels,
    clientLabels: options?.clientLabels ?? DEFAULT_OPTIONS.clientLabels,
    yamlKeys: options?.yamlKeys ?? DEFAULT_OPTIONS.yamlKeys,
  };
}

export type Role = 'counsellor' | 'client';

/** Words that look like labels in course material but never name a speaker ("Note: …", "Why it works: …"). */
const NOT_SPEAKERS = new Set([
  'note', 'notes', 'tip', 'tips', 'example', 'examples', 'exercise', 'question', 'questions', 'answer', 'hint',
  'summary', 'scenario', 'feedback', 'comment', 'commentary', 'why', 'what', 'how', 'aim', 'aims', 'goal', 'goals',
  'task', 'activity', 'discussion', 'warning', 'important', 'context', 'setting', 'background', 'source', 'see',
  'also', 'key', 'points', 'learning', 'objective', 'objectives', 'step', 'rationale', 'reference', 'definition',
  'instructions', 'prompt', 'caution', 'remember', 'outcome', 'module', 'session', 'part', 'section', 'unit',
  'http', 'https', 'mailto', 'ftp', 'time', 'date', 'duration', 'level', 'topic', 'theme', 'title', 'author',
]);

const LABEL_RE = /^([\p{L}][\p{L}\p{N}.'’\- ]{0,39}?)[ \t]*(\([^()\n]{0,60}\))?[ \t]*:(?=[ \t]|$)/u;

export interface LabelMatch {
  speaker: string;
  role: Role;
  /** Length of the label including the colon and the following blanks. */
  length: number;
}

export class Labels {
  private counsellor: Set<string>;
  private client: Set<string>;
  constructor(opts: ExtractOptions) {
    this.counsellor = new Set(opts.counsellorLabels.map((l) => l.toLowerCase()));
    this.client = new Set(opts.clientLabels.map((l) => l.toLowerCase()));
  }

  /** Role of a bare speaker name (as in a table's speaker column), or null if it does not look like one. */
  classify(name: string, allowNames = true): Role | null {
    const base = name.replace(/\([^()]*\)/g, ' ').replace(/\s+/g, ' ').trim();
    if (!base) return null;
    const lower = base.toLowerCase();
    if (this.counsellor.has(lower)) return 'counsellor';
    if (this.client.has(lower)) return 'client';
    const words = lower.split(' ');
    if (words.length > 3) return null;
    const first = words[0]!;
    const last = words[words.length - 1]!;
    const keyword = (set: Set<string>) =>
      words.length > 1 && ((first.length > 1 && set.has(first)) || (last.length > 1 && set.has(last)));
    if (keyword(this.counsellor)) return 'counsellor';
    if (keyword(this.client)) return 'client';
    // Any other name-like label ("Sam", "Dr. Okafor", "Mother") is "not counsellor": client context.
    if (!allowNames || NOT_SPEAKERS.has(first)) return null;
    const original = base.split(' ');
    if (original.every((w) => /^\p{Lu}[\p{L}.'’-]*$/u.test(w))) return 'client';
    return null;
  }

  /** Recognises `Label: ` at the start of a line. */
  match(line: string): LabelMatch | null {
    const m = LABEL_RE.exec(line);
    if (!m) return null;
    const role = this.classify(m[1]!);
    if (!role) return null;
    let length = m[0].length;
    while (length < line.length && (line[length] === ' ' || line[length] === '\t')) length++;
    const speaker = (m[1]!.trim() + (m[2] ? ' ' + m[2] : '')).trim();
    return { speaker, role, length };
  }
}

// ---------------------------------------------------------------------------------------------
// Suppression comments

export type DirectiveKind = 'disable-next-line' | 'disable' | 'enable';
export interface Directive {
  kind: DirectiveKind;
  /** Rule ids; empty = all rules. */
  ids: string[];
}

const DIRECTIVE_RE = /rapport-(disable-next-line|disable|enable)(?![\w-])([^\n]*)/g;

/** Parses every directive in a comment's text (`rapport-disable-next-line a.b c.d -- reason`). */
export function parseDirectives(comment: string, terminator?: RegExp): Directive[] {
  const out: Directive[] = [];
  for (const m of comment.matchAll(DIRECTIVE_RE)) {
    let rest = m[2] ?? '';
    if (terminator) rest = rest.split(terminator)[0] ?? '';
    rest = rest.split(/\s--\s|\s--$/)[0] ?? '';
    const ids = rest.split(/[\s,]+/).filter(Boolean);
    out.push({ kind: m[1] as DirectiveKind, ids });
  }
  return out;
}

export type Disabled = Set<string> | 'all' | null;

export function mergeDisabled(a: Disabled, b: Disabled): Disabled {
  if (a === 'all' || b === 'all') return 'all';
  if (!a || a.size === 0) return b && b.size > 0 ? new Set(b) : null;
  if (!b || b.size === 0) return new Set(a);
  return new Set([...a, ...b]);
}

/** Tracks `disable`/`enable` regions and a pending `disable-next-line`. */
export class Suppression {
  private regionAll = false;
  private regionIds = new Set<string>();
  pending: Disabled = null;

  apply(d: Directive): void {
    if (d.kind === 'disable-next-line') {
      this.pending = mergeDisabled(this.pending, d.ids.length ? new Set(d.ids) : 'all');
    } else if (d.kind === 'disable') {
      if (d.ids.length === 0) this.regionAll = true;
      else for (const id of d.ids) this.regionIds.add(id);
    } else if (d.ids.length === 0) {
      this.regionAll = false;
      this.regionIds.clear();
    } else {
      for (const id of d.ids) this.regionIds.delete(id);
    }
  }

  region(): Disabled {
    if (this.regionAll) return 'all';
    return this.regionIds.size ? new Set(this.regionIds) : null;
  }

  /** The suppression for the next example; consumes a pending next-line directive. */
  take(): Disabled {
    const d = mergeDisabled(this.region(), this.pending);
    this.pending = null;
    return d;
  }
}

// ---------------------------------------------------------------------------------------------
// Light inline markup removal for plain text and YAML (Markdown uses the real parser instead).

const INLINE_RE =
  /(`+)([^`\n]+?)\1|\*\*(?=\S)([^\n]*?\S)\*\*|__(?=\S)([^\n]*?\S)__|(?<![\p{L}\p{N}*])\*(?=[^\s*])([^\n*]*?[^\s*])\*(?![\p{L}\p{N}*])|(?<![\p{L}\p{N}_])_(?=[^\s_])([^\n_]*?[^\s_])_(?![\p{L}\p{N}_])|\[([^\]\n]+)\]\([^)\s]*\)/gu;

/** Removes `**bold**`, `__bold__`, `*em*`, `_em_`, `` `code` `` and `[text](url)` markup, keeping the text between. */
export function stripInlineMarkup(m: Mapped): Mapped {
  let cur = m;
  for (let pass = 0; pass < 4; pass++) {
    const remove = new Set<number>();
    for (const match of cur.text.matchAll(INLINE_RE)) {
      const start = match.index!;
      const inner = match.slice(2).find((g) => g !== undefined);
      if (inner === undefined) continue;
      const innerStart = start + match[0].indexOf(inner, match[1] ? match[1].length : 0);
      for (let i = start; i < start + match[0].length; i++) {
        if (i < innerStart || i >= innerStart + inner.length) remove.add(i);
      }
    }
    if (remove.size === 0) break;
    cur = removeIndices(cur, remove);
  }
  return cur;
}

// ---------------------------------------------------------------------------------------------
// Turn assembly

interface Turn {
  speaker: string;
  role: Role;
  parts: Mapped[];
  disabled: Disabled;
}

export type LineResult = 'turn' | 'continuation' | 'prose';

export class Collector {
  readonly examples: Example[] = [];
  readonly labels: Labels;
  readonly suppression = new Suppression();
  private turn: Turn | null = null;
  private clientRun: string[] = [];
  private lastWasClient = false;

  constructor(
    opts: ExtractOptions,
    private toPos: (offset: number) => { line: number; column: number },
  ) {
    this.labels = new Labels(opts);
  }

  directive(d: Directive): void {
    this.suppression.apply(d);
  }

  /**
   * One line of dialogue. A labelled line starts a turn; an unlabelled line continues the open
   * turn, or is prose (a context barrier) when no turn is open.
   */
  line(m: Mapped): LineResult {
    const trimmed = trimMapped(m);
    if (trimmed.text.length === 0) return 'prose';
    const label = this.labels.match(trimmed.text);
    if (label) {
      this.startTurn(label.speaker, label.role, sliceMapped(trimmed, label.length));
      return 'turn';
    }
    if (this.turn) {
      this.turn.parts.push(trimmed);
      return 'continuation';
    }
    this.barrier('prose');
    return 'prose';
  }

  /** A turn whose speaker is known from structure (a table column, a YAML key). */
  startTurn(speaker: string, role: Role, body: Mapped): void {
    this.endTurn();
    const disabled = role === 'counsellor' ? this.suppression.take() : null;
    this.turn = { speaker, role, parts: [trimMapped(body)], disabled };
  }

  endTurn(): void {
    const turn = this.turn;
    if (!turn) return;
    this.turn = null;
    const text = trimMapped(joinLines(turn.parts.filter((p) => p.text.length > 0)));
    if (turn.role === 'client') {
      if (!this.lastWasClient) this.clientRun = [];
      if (text.text) this.clientRun.push(text.text);
      this.lastWasClient = true;
      return;
    }
    this.lastWasClient = false;
    if (!text.text) return;
    const map = makeMap(text, this.toPos);
    const start = map(0);
    this.examples.push({
      text: text.text,
      speaker: turn.speaker,
      client: this.clientRun.length ? this.clientRun.join(' ') : null,
      line: start.line,
      column: start.column,
      map,
      disabled: turn.disabled,
    });
  }

  /**
   * Ends the dialogue: client context does not carry across. A 'prose' barrier (a heading,
   * a prose paragraph) also drops a pending disable-next-line; a 'structure' barrier (entering a
   * table or a blockquote) keeps it.
   */
  barrier(kind: 'prose' | 'structure'): void {
    this.endTurn();
    this.clientRun = [];
    this.lastWasClient = false;
    if (kind === 'prose') this.suppression.pending = null;
  }

  finish(): Example[] {
    this.endTurn();
    return this.examples;
  }
}
