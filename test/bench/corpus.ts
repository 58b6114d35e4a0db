// Bench corpora, built at bench time into a temporary folder (never into the repo: transcripts are sensitive).
//
// From the AnnoMI dev utterances we write, for a repetition factor k:
// - dialogue-Kx.csv: every utterance (counsellor and client, so each counsellor turn is scored with the
//   client turn before it, as `rapport batch` is used), k copies with distinct transcript ids;
// - counsellor-Kx.txt: the same counsellor turns only, one per paragraph, for write-good and alex.
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';

export interface Utterance {
  transcript: string;
  id: string;
  speaker: string;
  text: string;
}

export interface Corpus {
  factor: number;
  csv: string;
  txt: string;
  /** Counsellor turns (what rapport scores and the peers read). */
  turns: number;
  /** All utterances in the CSV (counsellor and client). */
  rows: number;
  /** Bytes of counsellor text in the .txt (the common basis for MB/s). */
  textBytes: number;
  csvBytes: number;
}

const COUNSELLOR = 'therapist';

export function readAnnomi(file: string): Utterance[] {
  const records = parse(readFileSync(file), { columns: true, skip_empty_lines: true }) as Record<string, string>[];
  return records.map((r) => ({
    transcript: r.transcript_id ?? '',
    id: r.utterance_id ?? '',
    speaker: r.interlocutor ?? '',
    text: r.utterance_text ?? '',
  }));
}

const quote = (value: string): string => `"${value.replace(/"/g, '""')}"`;
/** One paragraph per turn: line breaks inside a turn become spaces. */
const paragraph = (text: string): string => text.replace(/\s+/g, ' ').trim();

export class Corpora {
  readonly dir: string;
  private readonly built = new Map<number, Corpus>();

  constructor(private readonly utterances: Utterance[]) {
    this.dir = mkdtempSync(join(tmpdir(), 'rapport-bench-'));
  }

  get counsellorTurns(): number {
    return this.utterances.filter((u) => u.speaker === COUNSELLOR).length;
  }

  /** The corpus repeated `factor` times (built once, then reused). */
  get(factor: number): Corpus {
    const known = this.built.get(factor);
    if (known) return known;
    const csv = join(this.dir, `dialogue-${factor}x.csv`);
    const txt = join(this.dir, `counsellor-${factor}x.txt`);
    const header = 'transcript_id,utterance_id,interlocutor,utterance_text\n';
    const csvOnce = (copy: number): string =>
      this.utterances
        .map((u) => `${quote(factor === 1 ? u.transcript : `${u.transcript}.${copy}`)},${quote(u.id)},${quote(u.speaker)},${quote(u.text)}\n`)
        .join('');
    const counsellor = this.utterances.filter((u) => u.speaker === COUNSELLOR);
    const txtOnce = counsellor.map((u) => `${paragraph(u.text)}\n\n`).join('');
    writeFileSync(csv, header);
    writeFileSync(txt, '');
    for (let copy = 1; copy <= factor; copy++) {
      writeFileSync(csv, csvOnce(copy), { flag: 'a' });
      writeFileSync(txt, txtOnce, { flag: 'a' });
    }
    const corpus: Corpus = {
      factor,
      csv,
      txt,
      turns: counsellor.length * factor,
      rows: this.utterances.length * factor,
      textBytes: statSync(txt).size,
      csvBytes: statSync(csv).size,
    };
    this.built.set(factor, corpus);
    return corpus;
  }

  remove(): void {
    rmSync(this.dir, { recursive: true, force: true });
  }
}
