/**
 * Markdown handbooks. Parsed with mdast-util-from-markdown (+ GFM tables) so that every text node
 * carries exact source offsets; the extracted text is built unit by unit with the source offset of
 * each unit, so markup, `> ` prefixes, list indentation, escapes and entities never shift positions.
 *
 * Checked: speaker-labelled lines in paragraphs (also in blockquotes and list items; a paragraph may
 * hold several soft-broken labelled lines), table cells, and fenced code blocks whose info string is
 * `dialogue` or `transcript`. Not checked: other prose, headings, other code blocks.
 */
import { fromMarkdown } from 'mdast-util-from-markdown';
import { gfmTable } from 'micromark-extension-gfm-table';
import { gfmTableFromMarkdown } from 'mdast-util-gfm-table';
import type { Code, Nodes, PhrasingContent, Table } from 'mdast';
import { ExtractError, type Example, type ExtractOptions } from './types.js';
import { Collector, parseDirectives, resolveOptions, type Directive, type Role } from './dialogue.js';
import { LineIndex, MappedBuilder, alignValue, splitLines, trimMapped, type Mapped } from './mapped.js';

const DIALOGUE_LANGS = new Set(['dialogue', 'transcript']);
const SPEAKER_HEADERS = /^(speaker|role|who|person|participant|interlocutor|label)$/i;
const TEXT_HEADERS = /^(text|line|lines|utterance|says|said|words|reply|response|statement|dialogue|turn|what they say)$/i;

/**
 * Containers nested deeper than this are refused: the Markdown parser slows down steeply with the
 * depth (seconds at a few hundred levels) and overflows its stack on thousands. Measured as the
 * indentation, `>` and list markers before a line's text.
 */
export const MAX_NESTING = 256;
const CONTAINER_PREFIX = /^(?:[ \t>]|[-*+](?=[ \t])|\d{1,9}[.)](?=[ \t]))*/;

function assertShallow(content: string): void {
  let line = 1;
  for (let start = 0; start <= content.length; line++) {
    const end = content.indexOf('\n', start);
    const head = content.slice(start, Math.min(end < 0 ? content.length : end, start + MAX_NESTING + 16));
    const depth = CONTAINER_PREFIX.exec(head)![0].length;
    if (depth > MAX_NESTING) {
      throw new ExtractError(`Markdown nested too deeply: more than ${MAX_NESTING} characters of indentation, ">" and list markers before the text`, line);
    }
    if (end < 0) break;
    start = end + 1;
  }
}

/**
 * Runs of emphasis markers (`*`, `_`) one paragraph may hold. The Markdown parser pairs them up in
 * time quadratic in their number: 40,000 runs (`*_*_…`) took 10 s, 2,000 take milliseconds, and
 * prose has a few dozen. Counted over each run of non-blank lines, leaving out table rows, whose
 * cells are parsed apart.
 */
export const MAX_EMPHASIS_RUNS = 2_000;
const TABLE_ROW = /^[ \t>]*\|/;

function assertFewEmphasisRuns(content: string): void {
  let line = 1;
  let runs = 0;
  let paragraphLine = 1;
  for (let start = 0; start <= content.length; line++) {
    const next = content.indexOf('\n', start);
    const end = next < 0 ? content.length : next;
    const text = content.slice(start, end);
    if (text.trim() === '') runs = 0;
    else if (!TABLE_ROW.test(text)) {
      if (runs === 0) paragraphLine = line;
      for (let i = 0; i < text.length; i++) {
        const c = text[i];
        if ((c === '*' || c === '_') && text[i - 1] !== c) runs++;
      }
      if (runs > MAX_EMPHASIS_RUNS) {
        throw new ExtractError(`Markdown paragraph with more than ${MAX_EMPHASIS_RUNS.toLocaleString('en-US')} runs of emphasis markers (* and _): too slow to parse`, paragraphLine);
      }
    }
    if (next < 0) break;
    start = next + 1;
  }
}

export function extractMarkdown(content: string, options?: Partial<ExtractOptions>): Example[] {
  assertShallow(content);
  assertFewEmphasisRuns(content);
  const opts = resolveOptions(options);
  const index = new LineIndex(content);
  const collector = new Collector(opts, (o) => index.position(o));
  const tree = fromMarkdown(content, { extensions: [gfmTable()], mdastExtensions: [gfmTableFromMarkdown()] });
  const reader = new MarkdownReader(content, index, collector);
  reader.visit(tree);
  return collector.finish();
}

interface Flat {
  text: Mapped;
  /** Directives from inline HTML comments, with their source offset. */
  directives: { offset: number; directive: Directive }[];
}

class MarkdownReader {
  constructor(
    private src: string,
    private index: LineIndex,
    private collector: Collector,
  ) {}

  visit(node: Nodes): void {
    switch (node.type) {
      case 'root':
      case 'list':
      case 'listItem':
        for (const child of node.children) this.visit(child as Nodes);
        return;
      case 'blockquote':
        this.collector.barrier('structure');
        for (const child of node.children) this.visit(child as Nodes);
        this.collector.barrier('structure');
        return;
      case 'paragraph':
        this.paragraph(node.children);
        return;
      case 'html':
        this.html(node.value);
        return;
      case 'code':
        if (node.lang && DIALOGUE_LANGS.has(node.lang.toLowerCase())) this.dialogueBlock(node);
        else this.collector.barrier('prose');
        return;
      case 'table':
        this.table(node);
        return;
      case 'definition':
        return;
      default:
        // headings, thematic breaks and anything else: not dialogue.
        this.collector.barrier('prose');
    }
  }

  private html(value: string): void {
    for (const d of parseDirectives(value, /-->/)) this.collector.directive(d);
  }

  private flatten(nodes: PhrasingContent[]): Flat {
    const out = new MappedBuilder(nodes[0]?.position?.start.offset ?? 0);
    const directives: Flat['directives'] = [];
    const walk = (list: PhrasingContent[]) => {
      for (const n of list) {
        const start = n.position?.start.offset;
        const end = n.position?.end.offset;
        if (start === undefined || end === undefined) continue;
        switch (n.type) {
          case 'text':
          case 'inlineCode':
            alignValue(n.value, this.src, start, end, out);
            break;
          case 'break': {
            let at = start;
            while (at < end && this.src[at] !== '\n' && this.src[at] !== '\r') at++;
            out.push('\n', at, at + 1);
            break;
          }
          case 'html':
            for (const d of parseDirectives(n.value, /-->/)) directives.push({ offset: start, directive: d });
            break;
          case 'emphasis':
          case 'strong':
          case 'delete':
          case 'link':
          case 'linkReference':
            walk(n.children);
            break;
          default:
            // images, footnote references: dropped.
            break;
        }
      }
    };
    walk(nodes);
    return { text: out.build(), directives };
  }

  /** Feeds the lines of a paragraph (or table cell) to the collector; returns whether any line was labelled. */
  private lines(flat: Flat): boolean {
    const pending = [...flat.directives];
    let labelled = false;
    let sawProse = false;
    for (const line of splitLines(flat.text)) {
      const first = trimMapped(line);
      const at = first.text.length ? first.starts[0]! : first.anchor;
      while (pending.length && pending[0]!.offset < at) this.collector.directive(pending.shift()!.directive);
      if (!first.text.length) continue;
      const r = this.collector.line(first);
      if (r === 'turn') labelled = true;
      if (r === 'prose') sawProse = true;
    }
    for (const p of pending) this.collector.directive(p.directive);
    this.collector.endTurn();
    return labelled || !sawProse;
  }

  private paragraph(children: PhrasingContent[]): void {
    const labelled = this.lines(this.flatten(children));
    if (!labelled) this.collector.barrier('prose');
  }

  private dialogueBlock(node: Code): void {
    this.collector.barrier('structure');
    const startLine = node.position?.start.line;
    if (startLine === undefined) return;
    const valueLines = node.value.split(/\r\n|\r|\n/);
    valueLines.forEach((text, k) => {
      const [ls, le] = this.index.lineRange(startLine + 1 + k);
      const srcLine = this.src.slice(ls, le);
      const b = new MappedBuilder(ls);
      if (srcLine.endsWith(text)) {
        const base = ls + srcLine.length - text.length;
        for (let j = 0; j < text.length; j++) b.push(text[j]!, base + j, base + j + 1);
      } else {
        alignValue(text, this.src, ls, le, b);
      }
      const m = b.build();
      const directive = /^\s*(?:#|\/\/|<!--)\s*rapport-/.test(text) ? parseDirectives(text, /-->/) : [];
      if (directive.length) for (const d of directive) this.collector.directive(d);
      else if (text.trim() === '') this.collector.endTurn();
      else this.collector.line(m);
    });
    this.collector.barrier('structure');
  }

  private table(node: Table): void {
    this.collector.barrier('structure');
    const rows = node.children.map((row) => row.children.map((cell) => this.flatten(cell.children)));
    const header = rows[0] ?? [];
    const body = rows.slice(1);
    const headerText = header.map((c) => c.text.text.trim());

    // 1. A speaker column and a text column.
    const speakerCol = headerText.findIndex((h) => SPEAKER_HEADERS.test(h));
    if (speakerCol >= 0) {
      let textCol = headerText.findIndex((h, i) => i !== speakerCol && TEXT_HEADERS.test(h));
      if (textCol < 0) textCol = speakerCol + 1 < headerText.length ? speakerCol + 1 : speakerCol - 1;
      for (const row of body) {
        const speaker = row[speakerCol]?.text.text.trim() ?? '';
        const cell = row[textCol];
        if (!cell) continue;
        for (const d of row.flatMap((c) => c.directives)) this.collector.directive(d.directive);
        const role = this.collector.labels.classify(speaker);
        if (!role) {
          this.collector.barrier('prose');
          continue;
        }
        this.collector.startTurn(speaker, role, cell.text);
        this.collector.endTurn();
      }
      this.collector.barrier('structure');
      return;
    }

    // 2. Columns named after speakers ("Client", "Counsellor reply"): each row is a small dialogue.
    const roles = headerText.map((h): Role | null => this.collector.labels.classify(h, false));
    if (roles.some((r) => r === 'counsellor')) {
      for (const row of body) {
        this.collector.barrier('structure');
        row.forEach((cell, i) => {
          for (const d of cell.directives) this.collector.directive(d.directive);
          const role = roles[i];
          if (role && cell.text.text.trim()) {
            this.collector.startTurn(headerText[i]!, role, cell.text);
            this.collector.endTurn();
          }
        });
      }
      this.collector.barrier('structure');
      return;
    }

    // 3. Cells that start with a label, read row by row, left to right; other cells (step numbers,
    // commentary) neither count nor break the dialogue.
    for (const row of body) {
      for (const cell of row) {
        if (this.collector.labels.match(cell.text.text.trim())) this.lines(cell);
        else for (const d of cell.directives) this.collector.directive(d.directive);
      }
    }
    this.collector.barrier('structure');
  }
}
