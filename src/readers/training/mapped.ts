/**
 * Text with a source map: every UTF-16 unit of `text` remembers the source range it came from.
 * All readers build their example text through this so that positions stay exact after markup,
 * container prefixes (`> `, list indentation), escapes and line folding are removed.
 */

export interface Mapped {
  text: string;
  /** starts[i]: source offset of text[i]. */
  starts: number[];
  /** ends[i]: source offset just after the source of text[i]. */
  ends: number[];
  /** Source offset used for an empty text. */
  anchor: number;
}

export class MappedBuilder {
  private chars: string[] = [];
  private starts: number[] = [];
  private ends: number[] = [];
  constructor(private anchor = 0) {}

  get length(): number {
    return this.chars.length;
  }

  push(ch: string, start: number, end: number): void {
    for (let k = 0; k < ch.length; k++) {
      this.chars.push(ch[k]!);
      this.starts.push(start);
      this.ends.push(end);
    }
  }

  append(m: Mapped): void {
    for (let i = 0; i < m.text.length; i++) this.push(m.text[i]!, m.starts[i]!, m.ends[i]!);
  }

  build(): Mapped {
    return { text: this.chars.join(''), starts: this.starts, ends: this.ends, anchor: this.starts[0] ?? this.anchor };
  }
}

/** A verbatim slice of the source: text[i] comes from source offset from + i. */
export function verbatim(source: string, from: number, to: number): Mapped {
  const starts: number[] = [];
  const ends: number[] = [];
  for (let i = from; i < to; i++) {
    starts.push(i);
    ends.push(i + 1);
  }
  return { text: source.slice(from, to), starts, ends, anchor: from };
}

export function sliceMapped(m: Mapped, from: number, to = m.text.length): Mapped {
  const a = Math.max(0, Math.min(from, m.text.length));
  const b = Math.max(a, Math.min(to, m.text.length));
  const anchor = a < m.text.length ? m.starts[a]! : a > 0 ? m.ends[a - 1]! : m.anchor;
  return { text: m.text.slice(a, b), starts: m.starts.slice(a, b), ends: m.ends.slice(a, b), anchor };
}

export function trimMapped(m: Mapped): Mapped {
  const start = m.text.length - m.text.trimStart().length;
  const end = m.text.trimEnd().length;
  if (end <= start) return sliceMapped(m, m.text.length);
  return sliceMapped(m, start, end);
}

/** Removes the units at the given indices. */
export function removeIndices(m: Mapped, remove: Set<number>): Mapped {
  if (remove.size === 0) return m;
  const b = new MappedBuilder(m.anchor);
  for (let i = 0; i < m.text.length; i++) if (!remove.has(i)) b.push(m.text[i]!, m.starts[i]!, m.ends[i]!);
  return b.build();
}

/** Joins parts with a single space that maps to the gap between them (typically the line break). */
export function joinLines(parts: Mapped[]): Mapped {
  const b = new MappedBuilder(parts[0]?.anchor ?? 0);
  parts.forEach((p, i) => {
    if (i > 0) {
      const prev = parts[i - 1]!;
      const at = prev.text.length > 0 ? prev.ends[prev.text.length - 1]! : prev.anchor;
      b.push(' ', at, at + 1);
    }
    b.append(p);
  });
  return b.build();
}

/** Splits at '\n' units (the newline itself is dropped). */
export function splitLines(m: Mapped): Mapped[] {
  const out: Mapped[] = [];
  let from = 0;
  for (let i = 0; i <= m.text.length; i++) {
    if (i === m.text.length || m.text[i] === '\n') {
      out.push(sliceMapped(m, from, i));
      from = i + 1;
    }
  }
  return out;
}

/** Line/column lookup over a source string; "\r\n", "\n" and a lone "\r" each end a line. */
export class LineIndex {
  /** Offsets where each line starts. */
  readonly starts: number[] = [0];
  constructor(readonly source: string) {
    for (let i = 0; i < source.length; i++) {
      const c = source.charCodeAt(i);
      if (c === 10) this.starts.push(i + 1);
      else if (c === 13) {
        if (source.charCodeAt(i + 1) === 10) i++;
        this.starts.push(i + 1);
      }
    }
  }

  position(offset: number): { line: number; column: number } {
    const o = Math.max(0, Math.min(offset, this.source.length));
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid]! <= o) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: o - this.starts[lo]! + 1 };
  }

  /** [start, end) of 1-based line `line`, end excluding the line break. */
  lineRange(line: number): [number, number] {
    const start = this.starts[line - 1] ?? this.source.length;
    let end = this.starts[line] ?? this.source.length;
    if (end > start && this.source[end - 1] === '\n') end--;
    if (end > start && this.source[end - 1] === '\r') end--;
    return [start, end];
  }
}

/** Builds the `map` function of an example. */
export function makeMap(m: Mapped, toPos: (offset: number) => { line: number; column: number }) {
  const { starts, ends, anchor } = m;
  const n = starts.length;
  return (offset: number): { line: number; column: number } => {
    const i = Math.max(0, Math.min(Math.floor(Number.isFinite(offset) ? offset : 0), n));
    if (i < n) return toPos(starts[i]!);
    return toPos(n > 0 ? ends[n - 1]! : anchor);
  };
}

const ENTITY = /&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{0,31});/y;

/**
 * Aligns a parser-produced `value` with the source range [from, to) it was produced from,
 * where the value is the source minus some units (markup, escapes, container prefixes,
 * indentation) with character references decoded. Greedy: each value unit takes the next
 * matching source unit.
 */
export function alignValue(value: string, source: string, from: number, to: number, out: MappedBuilder): void {
  let p = from;
  for (let i = 0; i < value.length; i++) {
    const c = value[i]!;
    let q = p;
    let done = false;
    while (q < to) {
      const s = source[q]!;
      if (s === c) {
        out.push(c, q, q + 1);
        p = q + 1;
        done = true;
        break;
      }
      if (c === '\n' && s === '\r') {
        const len = source[q + 1] === '\n' ? 2 : 1;
        out.push(c, q, q + len);
        p = q + len;
        done = true;
        break;
      }
      if (s === '&') {
        ENTITY.lastIndex = q;
        const e = ENTITY.exec(source);
        if (e && e.index === q && q + e[0].length <= to && !value.startsWith(e[0], i)) {
          const end = q + e[0].length;
          out.push(c, q, end);
          const code = c.charCodeAt(0);
          if (code >= 0xd800 && code <= 0xdbff && i + 1 < value.length) out.push(value[++i]!, q, end);
          p = end;
          done = true;
          break;
        }
      }
      q++;
    }
    if (!done) {
      // Not found in the source (e.g. a tab expanded to spaces): pin to the current position.
      const at = Math.min(p, Math.max(from, to - 1));
      out.push(c, at, at + 1);
    }
  }
}
