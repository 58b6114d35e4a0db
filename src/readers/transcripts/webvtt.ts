// WebVTT transcripts (meeting-tool exports: Zoom, Teams, Meet).
//
// - The first line must be the `WEBVTT` header; header lines, NOTE, STYLE and REGION blocks are skipped.
// - Each cue is an optional id line, a timing line (`00:00:01.000 --> 00:00:04.000 ...`) and text.
// - The speaker comes from `<v Name>words</v>` (several voices in one cue give several turns) or a
//   `Name: words` label; a cue with neither continues the previous speaker.
// - Cue text is joined with spaces, other tags (<c>, <i>, <00:00:01.000>, ...) removed and
//   entities decoded. Consecutive cues by the same speaker are merged into one turn, which starts
//   at the line of its first cue's text. Cue ids number cues, not turns, so `id` is null.
import { LabelJudge, parseLabel, stripLeadingTimestamps, type LabelMatch } from './labels.js';
import { TranscriptError, type ReadOptions, type TranscriptTurn } from './types.js';
import { assertText, excerpt, splitLines, stripBom } from './util.js';

const HEADER = /^WEBVTT(?:[ \t].*)?$/;
const TIMESTAMP = String.raw`(?:\d+:)?\d{1,2}:\d{2}[.,]\d{1,3}`;
const TIMING = new RegExp(String.raw`^\s*${TIMESTAMP}\s+-->\s+${TIMESTAMP}(?:\s.*)?$`);
const VOICE = /<v(?:\.[^\s>]*)?(?:\s+([^>]*))?>/g;

const ENTITIES: Record<string, string> = {
  amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', lrm: '', rlm: '',
};

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
    if (name[0] === '#') {
      const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return ENTITIES[name.toLowerCase()] ?? whole;
  });
}

function cleanCueText(text: string): string {
  return decodeEntities(text.replace(/<[^>]*>/g, '')).replace(/\s+/g, ' ').trim();
}

interface Segment {
  line: number;
  /** Speaker from a <v> tag: always starts (or continues) that voice. */
  voice: string | null;
  label: LabelMatch | null;
  text: string;
}

export function readWebVtt(content: string, options: ReadOptions): TranscriptTurn[] {
  const source = stripBom(content);
  assertText(source);
  if (source.trim() === '') return [];
  const lines = splitLines(source);
  let i = 0;
  while (lines[i]!.trim() === '') i++; // tolerated, though the spec wants the header first
  if (!HEADER.test(lines[i]!)) {
    throw new TranscriptError(`not a WebVTT file: the first line must be "WEBVTT", found ${excerpt(lines[i]!)}`, i + 1);
  }
  i++;

  const segments: Segment[] = [];
  const judge = new LabelJudge();
  // Header block: everything up to the first blank line.
  while (i < lines.length && lines[i]!.trim() !== '') i++;

  while (i < lines.length) {
    while (i < lines.length && lines[i]!.trim() === '') i++;
    if (i >= lines.length) break;
    const start = i;
    const block: string[] = [];
    while (i < lines.length && lines[i]!.trim() !== '') block.push(lines[i++]!);
    const first = block[0]!;
    if (/^(?:NOTE|STYLE|REGION)(?:[ \t]|$)/.test(first)) continue;

    const timingAt = block.findIndex((l) => l.includes('-->'));
    if (timingAt < 0) {
      throw new TranscriptError(
        `expected a cue timing line like "00:00:01.000 --> 00:00:04.000", found ${excerpt(first)}`,
        start + 1,
      );
    }
    if (timingAt > 1) {
      throw new TranscriptError(`expected a cue timing line after the cue id, found ${excerpt(block[1]!)}`, start + 2);
    }
    if (!TIMING.test(block[timingAt]!)) {
      throw new TranscriptError(`malformed cue timing ${excerpt(block[timingAt]!)}`, start + timingAt + 1);
    }

    let voice: string | null = null;
    for (let k = timingAt + 1; k < block.length; k++) {
      const lineNo = start + k + 1;
      const raw = block[k]!;
      VOICE.lastIndex = 0;
      const tags = [...raw.matchAll(VOICE)];
      if (tags.length === 0) {
        const text = cleanCueText(raw);
        if (text === '') continue;
        // A label only counts at the start of a cue or of a line outside a <v> span.
        const label = voice === null ? parseLabel(stripLeadingTimestamps(text)) : null;
        if (label) judge.count(label.name);
        segments.push({ line: lineNo, voice, label, text });
        continue;
      }
      const before = cleanCueText(raw.slice(0, tags[0]!.index));
      if (before !== '') {
        segments.push({ line: lineNo, voice, label: null, text: before });
      }
      tags.forEach((tag, t) => {
        const end = t + 1 < tags.length ? tags[t + 1]!.index : raw.length;
        let body = raw.slice(tag.index! + tag[0].length, end);
        const closeAt = body.indexOf('</v>');
        const trailing = closeAt >= 0 ? cleanCueText(body.slice(closeAt + 4)) : '';
        if (closeAt >= 0) body = body.slice(0, closeAt);
        const name = cleanCueText(tag[1] ?? '');
        voice = name === '' ? null : name;
        segments.push({ line: lineNo, voice, label: null, text: cleanCueText(body) });
        if (closeAt >= 0) voice = null;
        if (trailing !== '') segments.push({ line: lineNo, voice: null, label: null, text: trailing });
      });
    }
  }

  const turns: TranscriptTurn[] = [];
  let current: TranscriptTurn | null = null;
  for (const seg of segments) {
    let speaker: string | null = seg.voice;
    let text = seg.text;
    if (speaker === null && seg.label && judge.accepts(seg.label.name, current !== null)) {
      speaker = seg.label.name;
      text = seg.label.rest;
    }
    if (speaker === null) {
      if (!current) {
        throw new TranscriptError(
          `cue text has no speaker (expected "Name: words" or "<v Name>words"), found ${excerpt(seg.text)}`,
          seg.line,
        );
      }
      speaker = current.speaker;
    }
    if (current && current.speaker === speaker) {
      if (text !== '') current.text = current.text === '' ? text : `${current.text} ${text}`;
      continue;
    }
    current = { transcript: options.defaultTranscript, speaker, text, id: null, line: seg.line };
    turns.push(current);
  }
  return turns;
}
