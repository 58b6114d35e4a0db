import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Example } from '../../../src/readers/training/index.js';

export function fixture(name: string): string {
  return readFileSync(fileURLToPath(new URL(`../../../fixtures/training/${name}`, import.meta.url)), 'utf8');
}

/** 1-based line/column of the n-th occurrence of `needle` in `source` (lines end at \r\n, \n or \r). */
export function posOf(source: string, needle: string, nth = 0): { line: number; column: number } {
  let at = -1;
  for (let k = 0; k <= nth; k++) {
    at = source.indexOf(needle, at + 1);
    if (at < 0) throw new Error(`${JSON.stringify(needle)} not found`);
  }
  return posAt(source, at);
}

export function posAt(source: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset; i++) {
    if (source[i] === '\r' && source[i + 1] === '\n') continue;
    if (source[i] === '\n' || source[i] === '\r') {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}

/** The source character at a 1-based line/column. */
export function charAt(source: string, pos: { line: number; column: number }): string | undefined {
  const lines = source.split(/\r\n|\r|\n/);
  return lines[pos.line - 1]?.[pos.column - 1];
}

/** Where `needle` (searched in the example's text) maps to. */
export function mapOf(e: Example, needle: string, nth = 0): { line: number; column: number } {
  let at = -1;
  for (let k = 0; k <= nth; k++) {
    at = e.text.indexOf(needle, at + 1);
    if (at < 0) throw new Error(`${JSON.stringify(needle)} not in ${JSON.stringify(e.text)}`);
  }
  return e.map(at);
}

/**
 * Every visible character of the text maps to the same character in the source. Spaces may map to
 * a line break or indentation (joined lines, folding); a quote may map to its escape backslash.
 */
export function expectFaithful(source: string, e: Example): void {
  for (let i = 0; i < e.text.length; i++) {
    const c = e.text[i]!;
    const got = charAt(source, e.map(i));
    if (c === ' ' || c === '\n') continue;
    if (got !== c && !(got === '\\' && /["'\\]/.test(c))) {
      throw new Error(`text[${i}] ${JSON.stringify(c)} of ${JSON.stringify(e.text)} maps to ${JSON.stringify(got)} at ${JSON.stringify(e.map(i))}`);
    }
  }
}

export function byText(examples: Example[], start: string): Example {
  const e = examples.find((x) => x.text.startsWith(start));
  if (!e) throw new Error(`no example starting ${JSON.stringify(start)} in ${JSON.stringify(examples.map((x) => x.text))}`);
  return e;
}
