/**
 * YAML scenario banks. Values of the configured keys (options.yamlKeys; a string or a list of strings)
 * are example replies, at any depth. Context: a sibling client key (client, client_statement, statement,
 * or a client label) in the same mapping, else the nearest earlier item of the enclosing list that has
 * one. `- speaker: Counsellor` / `text: …` items are read like dialogue lines.
 *
 * Positions come from the parser's node ranges (with a LineCounter); each unit of a value is aligned
 * with its source, through quotes, escapes, line folding and block-scalar indentation.
 *
 * Suppression: a comment line `# rapport-disable-next-line [ids]` directly above the key, the value or
 * the list item; `# rapport-disable [ids]` … `# rapport-enable [ids]` regions.
 */
import {
  LineCounter,
  isAlias,
  isMap,
  isPair,
  isScalar,
  isSeq,
  parseAllDocuments,
  visit,
  type Document,
  type Node as YamlNode,
  type Scalar,
  type YAMLMap,
} from 'yaml';
import { ExtractError, type Example, type ExtractOptions } from './types.js';
import {
  DEFAULT_YAML_CLIENT_KEYS,
  Labels,
  parseDirectives,
  resolveOptions,
  stripInlineMarkup,
  Suppression,
  type Directive,
  type Disabled,
} from './dialogue.js';
import { MappedBuilder, makeMap, trimMapped, type Mapped } from './mapped.js';
import { yamlLineBreaks, yamlProblem } from '../../core/limits.js';

const MAX_ALIAS_COUNT = 100;
const SPEAKER_KEYS = ['speaker', 'role', 'who'];
const TEXT_KEYS = ['text', 'line', 'utterance', 'says'];

type Doc = Document.Parsed;

export function extractYaml(content: string, options?: Partial<ExtractOptions>): Example[] {
  const opts = resolveOptions(options);
  const lineCounter = new LineCounter();
  const docs = parseAllDocuments(yamlLineBreaks(content), { lineCounter, prettyErrors: false });
  const list: Doc[] = Array.isArray(docs) ? docs : [];
  for (const doc of list) {
    const err = doc.errors[0];
    if (err) {
      const line = err.linePos?.[0]?.line ?? lineCounter.linePos(err.pos[0]).line;
      throw new ExtractError(`YAML syntax error: ${yamlProblem(err.message)}`, line);
    }
    try {
      doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
    } catch (e) {
      let line: number | null = null;
      visit(doc, {
        Alias(_, node) {
          if (node.range) line = lineCounter.linePos(node.range[0]).line;
          return visit.BREAK;
        },
      });
      const msg = e instanceof Error ? e.message : String(e);
      throw new ExtractError(`YAML aliases could not be expanded safely (${msg})`, line);
    }
  }
  const reader = new YamlReader(content, lineCounter, opts);
  for (const doc of list) reader.document(doc);
  return reader.examples.sort((a, b) => a.line - b.line || a.column - b.column);
}

interface LineDirectives {
  line: number;
  directives: Directive[];
}

class YamlReader {
  readonly examples: Example[] = [];
  private exampleKeys: Set<string>;
  private clientKeys: Set<string>;
  private labels: Labels;
  private commentLines = new Map<number, Directive[]>();
  /** Lines that hold only a comment (possibly a directive). */
  private commentOnly = new Set<number>();
  private regionDirectives: LineDirectives[] = [];
  private toPos = (o: number) => {
    const p = this.lineCounter.linePos(o);
    return { line: p.line, column: p.col };
  };
  private doc!: Doc;

  constructor(
    private src: string,
    private lineCounter: LineCounter,
    opts: ExtractOptions,
  ) {
    this.exampleKeys = new Set(opts.yamlKeys.map((k) => k.toLowerCase()));
    this.clientKeys = new Set([...DEFAULT_YAML_CLIENT_KEYS, ...opts.clientLabels.map((l) => l.toLowerCase())]);
    for (const k of this.exampleKeys) this.clientKeys.delete(k);
    this.labels = new Labels(opts);
  }

  document(doc: Doc): void {
    this.doc = doc;
    this.scanComments(doc);
    if (doc.contents) this.walk(doc.contents, null);
  }

  // -------------------------------------------------------------------------------------------
  // Comments

  private lineRange(line: number): [number, number] {
    const starts = this.lineCounter.lineStarts;
    const start = starts[line - 1] ?? this.src.length;
    let end = starts[line] ?? this.src.length;
    if (end > start && this.src[end - 1] === '\n') end--;
    if (end > start && this.src[end - 1] === '\r') end--;
    return [start, end];
  }

  private scanComments(doc: Doc): void {
    const [from, , to] = doc.range;
    const insideScalar: [number, number][] = [];
    visit(doc, {
      Scalar(_, node) {
        if (node.range) insideScalar.push([node.range[0], node.range[1]]);
      },
    });
    const first = this.lineCounter.linePos(from).line;
    const last = this.lineCounter.linePos(Math.max(from, to - 1)).line;
    for (let line = first; line <= last; line++) {
      const [s, e] = this.lineRange(line);
      const text = this.src.slice(s, e);
      if (!/^\s*#/.test(text)) continue;
      if (insideScalar.some(([a, b]) => s > a && s < b)) continue;
      this.commentOnly.add(line);
      const ds = /rapport-/.test(text) ? parseDirectives(text) : [];
      if (!ds.length) continue;
      this.commentLines.set(line, ds);
      const region = ds.filter((d) => d.kind !== 'disable-next-line');
      if (region.length) this.regionDirectives.push({ line, directives: region });
    }
  }

  private disabledAt(anchorLines: number[], line: number): Disabled {
    const suppression = new Suppression();
    for (const region of this.regionDirectives) {
      if (region.line >= line) break;
      region.directives.forEach((directive) => suppression.apply(directive));
    }
    // Any comment line in the unbroken run above an anchor (key, value or list item) counts.
    for (const anchor of new Set(anchorLines)) {
      for (let above = anchor - 1; above >= 1 && this.commentOnly.has(above); above--) {
        for (const directive of this.commentLines.get(above) ?? []) if (directive.kind === 'disable-next-line') suppression.apply(directive);
      }
    }
    return suppression.take();
  }

  // -------------------------------------------------------------------------------------------
  // Tree walk

  private resolve(node: unknown): unknown {
    return isAlias(node) ? node.resolve(this.doc) : node;
  }

  private keyOf(key: unknown): string | null {
    const k = this.resolve(key);
    return isScalar(k) && (typeof k.value === 'string' || typeof k.value === 'number') ? String(k.value) : null;
  }

  private stringOf(node: unknown): string | null {
    const n = this.resolve(node);
    if (isScalar(n)) return typeof n.value === 'string' ? n.value.trim() || null : null;
    if (isSeq(n)) {
      const parts = n.items.map((i) => this.stringOf(i)).filter((s): s is string => !!s);
      return parts.length ? parts.join(' ') : null;
    }
    return null;
  }

  private mapClient(map: YAMLMap): string | null {
    for (const pair of map.items) {
      const k = this.keyOf(pair.key);
      if (k && this.clientKeys.has(k.toLowerCase())) {
        const s = this.stringOf(pair.value);
        if (s) return s;
      }
    }
    return null;
  }

  /** `{ speaker: Client, text: … }` items. */
  private speakerTurn(map: YAMLMap): { speaker: string; textNode: unknown; keyLine: number } | null {
    let speaker: string | null = null;
    let textNode: unknown = null;
    let keyLine = 0;
    for (const pair of map.items) {
      const k = this.keyOf(pair.key)?.toLowerCase();
      if (!k) continue;
      if (SPEAKER_KEYS.includes(k)) speaker = this.stringOf(pair.value);
      if (TEXT_KEYS.includes(k)) {
        textNode = pair.value;
        const key = this.resolve(pair.key) as YamlNode;
        keyLine = key.range ? this.toPos(key.range[0]).line : 0;
      }
    }
    return speaker && textNode ? { speaker, textNode, keyLine } : null;
  }

  private walk(node: unknown, inherited: string | null, anchorLines: number[] = []): void {
    if (isMap(node)) {
      const client = this.mapClient(node) ?? inherited;
      for (const pair of node.items) {
        if (!isPair(pair)) continue;
        const k = this.keyOf(pair.key);
        const key = pair.key as YamlNode | null;
        const keyLine = key?.range ? this.toPos(key.range[0]).line : 0;
        if (k && this.exampleKeys.has(k.toLowerCase())) {
          this.examplesFrom(pair.value, k, client, [...anchorLines, keyLine]);
        } else if (!k || !this.clientKeys.has(k.toLowerCase())) {
          // Aliased collections are not followed: no cycles, no expansion.
          if (isMap(pair.value) || isSeq(pair.value)) this.walk(pair.value, null, [keyLine]);
        }
      }
    } else if (isSeq(node)) {
      let previous: string | null = inherited;
      for (const item of node.items) {
        if (!isMap(item)) {
          if (isSeq(item)) this.walk(item, null);
          continue;
        }
        const itemLine = item.range ? this.toPos(item.range[0]).line : 0;
        const turn = this.speakerTurn(item);
        if (turn) {
          const role = this.labels.classify(turn.speaker);
          if (role === 'counsellor') {
            this.examplesFrom(turn.textNode, turn.speaker, previous, [itemLine, turn.keyLine]);
          } else {
            previous = this.stringOf(turn.textNode) ?? previous;
          }
          continue;
        }
        this.walk(item, previous, [itemLine]);
        previous = this.mapClient(item) ?? previous;
      }
    }
  }

  private examplesFrom(value: unknown, speaker: string, client: string | null, anchorLines: number[]): void {
    const v = this.resolve(value);
    if (isScalar(v)) this.example(v, speaker, client, anchorLines);
    else if (isSeq(v)) {
      for (const item of v.items) {
        const s = this.resolve(item);
        if (!isScalar(s)) continue;
        const line = s.range ? this.toPos(s.range[0]).line : 0;
        this.example(s, speaker, client, [...anchorLines, line]);
      }
    }
  }

  private example(node: Scalar, speaker: string, client: string | null, anchorLines: number[]): void {
    if (typeof node.value !== 'string' || !node.range) return;
    const mapped = trimMapped(stripInlineMarkup(this.mapScalar(node)));
    if (!mapped.text) return;
    const map = makeMap(mapped, this.toPos);
    const start = map(0);
    const valueLine = this.toPos(node.range[0]).line;
    this.examples.push({
      text: mapped.text,
      speaker,
      client,
      line: start.line,
      column: start.column,
      map,
      disabled: this.disabledAt([...anchorLines, valueLine], start.line),
    });
  }

  // -------------------------------------------------------------------------------------------
  // Scalar offset mapping

  private mapScalar(node: Scalar): Mapped {
    const value = node.value as string;
    const [from, to] = node.range!;
    const out = new MappedBuilder(from);
    switch (node.type) {
      case 'QUOTE_DOUBLE':
        alignFolded(value, this.src, from + 1, Math.max(from + 1, to - 1), out, true);
        break;
      case 'QUOTE_SINGLE':
        alignFolded(value, this.src, from + 1, Math.max(from + 1, to - 1), out, false);
        break;
      case 'BLOCK_LITERAL':
        this.mapLiteral(value, from, to, out);
        break;
      case 'BLOCK_FOLDED':
        alignFolded(value, this.src, this.afterHeader(from, to), to, out, false);
        break;
      default:
        alignFolded(value, this.src, from, to, out, false);
    }
    return out.build();
  }

  private afterHeader(from: number, to: number): number {
    let p = from;
    while (p < to && this.src[p] !== '\n' && this.src[p] !== '\r') p++;
    if (this.src[p] === '\r' && this.src[p + 1] === '\n') p++;
    return Math.min(p + 1, to);
  }

  /** `|` blocks: value line k is source line k after the header, minus the block indentation. */
  private mapLiteral(value: string, from: number, to: number, out: MappedBuilder): void {
    const firstLine = this.toPos(this.afterHeader(from, to)).line;
    const valueLines = value.split('\n');
    let indent: number | null = null;
    valueLines.forEach((vl, k) => {
      const [ls, le] = this.lineRange(firstLine + k);
      const srcLine = this.src.slice(ls, le);
      if (indent === null && vl.length > 0 && srcLine.endsWith(vl)) indent = srcLine.length - vl.length;
      const base = ls + (indent ?? srcLine.length - vl.length);
      if (vl.length > 0 && this.src.slice(base, base + vl.length) === vl) {
        for (let j = 0; j < vl.length; j++) out.push(vl[j]!, base + j, base + j + 1);
      } else if (vl.length > 0) {
        const b = new MappedBuilder(ls);
        alignFolded(vl, this.src, ls, le, b, false);
        out.append(b.build());
      }
      if (k < valueLines.length - 1) {
        const nl = this.src[le] === '\r' && this.src[le + 1] === '\n' ? 2 : 1;
        out.push('\n', le, le + nl);
      }
    });
  }
}

const isBlank = (c: string | undefined) => c === ' ' || c === '\t' || c === '\n' || c === '\r';

/**
 * Aligns a folded/quoted scalar value with its source: skips quotes, indentation and line breaks
 * that folding removed, maps a folded line break (now a space) to the break, and maps an escape
 * sequence (`\n`, `\"`, `\u00e9`, …) as a whole to the value unit(s) it produced.
 */
function alignFolded(value: string, src: string, from: number, to: number, out: MappedBuilder, escapes: boolean): void {
  let p = from;
  for (let i = 0; i < value.length; i++) {
    const c = value[i]!;
    let done = false;
    while (p < to && !done) {
      const s = src[p]!;
      if (escapes && s === '\\') {
        const next = src[p + 1];
        if (next === '\n' || next === '\r') {
          p += next === '\r' && src[p + 2] === '\n' ? 3 : 2;
          while (p < to && (src[p] === ' ' || src[p] === '\t')) p++;
          continue;
        }
        const len = next === 'x' ? 4 : next === 'u' ? 6 : next === 'U' ? 10 : 2;
        const end = Math.min(p + len, to);
        out.push(c, p, end);
        const code = c.charCodeAt(0);
        if (code >= 0xd800 && code <= 0xdbff && i + 1 < value.length) out.push(value[++i]!, p, end);
        p = end;
        done = true;
      } else if (s === c) {
        out.push(c, p, p + 1);
        p++;
        done = true;
      } else if ((c === ' ' || c === '\n') && isBlank(s)) {
        const len = s === '\r' && src[p + 1] === '\n' ? 2 : 1;
        out.push(c, p, p + len);
        p += len;
        if (!isBlank(value[i + 1])) while (p < to && isBlank(src[p])) p++;
        done = true;
      } else {
        p++;
      }
    }
    if (!done) {
      const at = Math.max(from, Math.min(p, to) - 1);
      out.push(c, at, at + 1);
    }
  }
}
